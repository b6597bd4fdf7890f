import { useRef, useState } from 'preact/hooks';
import { FilterBox } from './FilterBox';
import { Icon } from './ui/Icon';
import { Menu } from './ui/Menu';

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

/**
 * One row, like the Network panel's: icon buttons (their names in aria-label and tooltip),
 * Preserve log, the filter, then import and export (more export formats in a menu) and settings.
 */
export function Toolbar(props: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [exportMenuAt, setExportMenuAt] = useState<{ x: number; y: number } | null>(null);
  const onFileChosen = async (event: Event): Promise<void> => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) props.onImport(file.name, await file.text());
  };
  const openExportMenu = (event: MouseEvent): void => {
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    setExportMenuAt({ x: rect.left, y: rect.bottom });
  };
  const closeExportMenu = (): void => setExportMenuAt(null);
  return (
    <div class="toolbar" role="toolbar" aria-label="OneSocket tools">
      <button type="button" class="tool" onClick={props.onClear} disabled={props.readOnly} aria-label="Clear" title="Clear: forget closed sockets, resolved findings and frames (open sockets stay)">
        <Icon name="clear" />
      </button>
      <span class="divider" />
      <label class="check" title="Keep the records of earlier pages across reloads and navigations">
        <input type="checkbox" checked={props.preserveLog} disabled={props.readOnly} onChange={(event) => props.onPreserveLog(event.currentTarget.checked)} />
        <span class="check-label">Preserve log</span>
      </label>
      <span class="divider" />
      <FilterBox filter={props.filter} onFilter={props.onFilter} />
      <span class="divider" />
      <button type="button" class="tool" onClick={() => fileInput.current?.click()} aria-label="Import report" title="Import report: open an exported OneSocket report, or a HAR recording (read-only)">
        <Icon name="import" />
      </button>
      <input ref={fileInput} type="file" accept=".json,.har,application/json" class="hidden-file" aria-hidden="true" tabIndex={-1} onChange={onFileChosen} />
      <button type="button" class="tool" onClick={props.onExport} aria-label="Export report" title="Export report: download it as JSON (onesocket-report v1)">
        <Icon name="export" />
      </button>
      <button type="button" class="tool narrow" onClick={openExportMenu} aria-label="More export formats" aria-haspopup="menu" aria-expanded={exportMenuAt !== null} title="More export formats">
        <Icon name="dropdown" />
      </button>
      {exportMenuAt ? (
        <Menu label="Export formats" at={exportMenuAt} onClose={closeExportMenu}>
          <button type="button" role="menuitem" onClick={() => (closeExportMenu(), props.onExport())}>
            Export report (JSON)
          </button>
          <button type="button" role="menuitem" onClick={() => (closeExportMenu(), props.onExportMarkdown())}>
            Export Markdown
          </button>
        </Menu>
      ) : null}
      <span class="spacer" />
      <button type="button" class="tool" onClick={props.onOpenSettings} aria-label="Settings" title="Settings: limit profile, grace window, redaction, frame capture, sites to watch">
        <Icon name="settings" />
      </button>
    </div>
  );
}
