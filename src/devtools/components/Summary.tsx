import type { TabState } from '../../core/types';

/** One line: open sockets, distinct users, findings by severity. */
export function Summary({ state }: { state: TabState }) {
  const sockets = Object.values(state.sockets);
  const live = sockets.filter((socket) => socket.state === 'connecting' || socket.state === 'open');
  const users = new Set(live.map((socket) => socket.identity.userId).filter((user) => user !== null));
  const active = state.findings.filter((finding) => finding.active);
  const count = (severity: string): number => active.filter((finding) => finding.severity === severity).length;
  return (
    <p class="summary" aria-label="Summary">
      <strong>{live.length}</strong> open · <strong>{users.size}</strong> {users.size === 1 ? 'user' : 'users'} ·{' '}
      <span class={count('error') ? 'error-text' : undefined}>{count('error')} errors</span> · {count('warning')} warnings · {count('info')} info
      {state.droppedEvents > 0 ? <span class="muted"> · {state.droppedEvents} malformed messages dropped</span> : null}
    </p>
  );
}
