interface Props {
  filter: string;
  onFilter: (value: string) => void;
  preserveLog: boolean;
  onPreserveLog: (value: boolean) => void;
  onClear: () => void;
  onExport: () => void;
  canExport: boolean;
}

export function Toolbar({ filter, onFilter, preserveLog, onPreserveLog, onClear, onExport, canExport }: Props) {
  return (
    <div class="toolbar" role="toolbar" aria-label="OneSocket tools">
      <button type="button" onClick={onClear} title="Forget the sockets and findings recorded so far">
        Clear
      </button>
      <label class="check">
        <input type="checkbox" checked={preserveLog} onChange={(event) => onPreserveLog(event.currentTarget.checked)} />
        Preserve log
      </label>
      <input
        type="search"
        aria-label="Filter"
        placeholder="Filter (text, user:alice, is:open, has:finding)"
        value={filter}
        onInput={(event) => onFilter(event.currentTarget.value)}
      />
      <span class="spacer" />
      <button type="button" onClick={onExport} disabled={!canExport}>
        Export report
      </button>
    </div>
  );
}
