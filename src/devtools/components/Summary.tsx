import { isLive, type TabState } from '../../core/types';

/** One line: open sockets, distinct users, findings by severity. */
export function Summary({ state }: { state: TabState }) {
  const sockets = Object.values(state.sockets);
  const live = sockets.filter(isLive);
  const users = new Set(live.map((socket) => socket.identity.userId).filter((user) => user !== null));
  const active = state.findings.filter((finding) => finding.active);
  const count = (severity: string): number => active.filter((finding) => finding.severity === severity).length;
  const errors = count('error');
  return (
    <p class="summary" aria-label="Summary">
      <strong>{live.length}</strong> open of {sockets.length} · <strong>{users.size}</strong> {users.size === 1 ? 'user' : 'users'} ·{' '}
      <span class={errors ? 'error-text' : undefined}>
        {errors} {errors === 1 ? 'error' : 'errors'}
      </span>{' '}
      · {count('warning')} warnings · {count('info')} info
      {state.pages.length > 1 ? <span class="muted"> · {state.pages.length} pages kept</span> : null}
      {state.droppedEvents > 0 ? <span class="muted"> · {state.droppedEvents} malformed messages dropped</span> : null}
      {state.evictedSockets > 0 ? <span class="muted"> · {state.evictedSockets} oldest closed sockets dropped (Settings: sockets kept per tab)</span> : null}
    </p>
  );
}
