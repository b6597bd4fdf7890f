import { useRef } from 'preact/hooks';

interface Props {
  filter: string;
  onFilter: (value: string) => void;
  preserveLog: boolean;
  onPreserveLog: (value: boolean) => void;
  onClear: () => void;
  onExport: () => void;
  onExportMarkdown: () => void;
  onImport: (fileName: string, text: string) => void;
  onOpenSettings: () => void;
  /** While an imported report is shown, the live tab's controls are off. */
  readOnly: boolean;
}

/** The Network-panel-like strip of session tools. */
export function Toolbar(props: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const onFileChosen = async (event: Event): Promise<void> => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) props.onImport(file.name, await file.text());
  };
  return (
    <div class="toolbar" role="toolbar" aria-label="OneSocket tools">
      <button type="button" onClick={props.onClear} disabled={props.readOnly} title="Forget the sockets and findings recorded so far in this tab">
        Clear
      </button>
      <label class="check" title="Keep the records of earlier pages across reloads and navigations">
        <input type="checkbox" checked={props.preserveLog} disabled={props.readOnly} onChange={(event) => props.onPreserveLog(event.currentTarget.checked)} />
        Preserve log
      </label>
      <span class="divider" />
      <input
        type="search"
        aria-label="Filter"
        placeholder="Filter: text, user:alice, is:open, has:finding, -word"
        value={props.filter}
        onInput={(event) => props.onFilter(event.currentTarget.value)}
      />
      <span class="spacer" />
      <button type="button" onClick={() => fileInput.current?.click()} title="Open an exported OneSocket report, or a HAR recording (read-only)">
        Import report
      </button>
      <input ref={fileInput} type="file" accept=".json,.har,application/json" class="hidden-file" aria-hidden="true" tabIndex={-1} onChange={onFileChosen} />
      <button type="button" onClick={props.onExport} title="Download the report as JSON (onesocket-report v1)">
        Export report
      </button>
      <button type="button" onClick={props.onExportMarkdown} title="Download a Markdown summary for a bug tracker">
        Export Markdown
      </button>
      <button type="button" onClick={props.onOpenSettings} title="Limit profile, grace window, redaction, frame capture, sites to watch">
        Settings
      </button>
    </div>
  );
}
