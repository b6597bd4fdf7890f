import type { ImportedReport } from '../../core/importedReport';

interface Props {
  imported: ImportedReport | null;
  importError: string | null;
  connected: boolean;
  redact: boolean;
  tabId: number;
  onBackToLive: () => void;
  onDismissError: () => void;
}

/** What the user must know before trusting what they see: whose data it is and how it is shown. */
export function Banners({ imported, importError, connected, redact, tabId, onBackToLive, onDismissError }: Props) {
  return (
    <>
      {importError ? (
        <div class="notice error" role="alert">
          {importError}{' '}
          <button type="button" class="link" onClick={onDismissError}>
            Dismiss
          </button>
        </div>
      ) : null}
      {imported ? (
        <div class="notice imported" role="status" aria-label="Imported report">
          <strong>Imported report, read-only:</strong> {imported.fileName} · recorded {imported.report.createdAt} on {imported.report.page.url || 'an unknown page'} by{' '}
          {imported.report.tool.name} {imported.report.tool.version}. Tab {tabId} is still being recorded.{' '}
          <button type="button" onClick={onBackToLive}>
            Back to live tab
          </button>
        </div>
      ) : null}
      {connected || imported ? null : <p class="notice">Reconnecting to the extension…</p>}
      {redact || imported ? null : (
        <p class="notice warning" role="note">
          Redaction is off: tokens and secrets are shown and exported in full.
        </p>
      )}
    </>
  );
}
