import { isLive, type TabState } from '../../core/types';
import { plural } from '../../common/format';

/**
 * One line: open sockets, distinct users, active findings by severity. Users are counted over
 * every socket of the record, as the report's Markdown counts them.
 */
export function Summary({ state }: { state: TabState }) {
  const sockets = Object.values(state.sockets);
  const live = sockets.filter(isLive);
  const users = new Set(sockets.map((socket) => socket.identity.userId).filter((user) => user !== null));
  const active = state.findings.filter((finding) => finding.active);
  const count = (severity: string): number => active.filter((finding) => finding.severity === severity).length;
  const errors = count('error');
  return (
    <p class="summary" aria-label="Summary">
      <strong>{live.length}</strong> open of {sockets.length} · {plural(users.size, 'user')} · <span class={errors ? 'error-text' : undefined}>{plural(errors, 'error')}</span> ·{' '}
      {plural(count('warning'), 'warning')} · {count('info')} info
      {state.pages.length > 1 ? <span class="muted"> · {state.pages.length} pages kept</span> : null}
      {state.droppedEvents > 0 ? <span class="muted"> · {plural(state.droppedEvents, 'malformed message')} dropped</span> : null}
      {state.evictedSockets > 0 ? <span class="muted"> · {state.evictedSockets} oldest closed {state.evictedSockets === 1 ? 'socket' : 'sockets'} dropped (Settings: sockets kept per tab)</span> : null}
    </p>
  );
}
