import type { SocketRecord } from '../../core/types';
import { formatBytes, formatClock, formatDuration, shortUrl } from '../format';

interface Props {
  sockets: SocketRecord[];
  now: number;
  /** Sockets named by an active error finding, drawn in the error colour. */
  flagged: Set<string>;
}

function durationOf(socket: SocketRecord, now: number): string {
  return formatDuration((socket.closedAt ?? now) - socket.createdAt);
}

/** One row per socket, in creation order: the live picture of what the page holds. */
export function ConnectionsTable({ sockets, now, flagged }: Props) {
  return (
    <table class="connections" aria-label="Connections">
      <thead>
        <tr>
          <th scope="col">State</th>
          <th scope="col">User</th>
          <th scope="col">Endpoint</th>
          <th scope="col">Opened</th>
          <th scope="col">Duration</th>
          <th scope="col" title="Messages sent / received">Msgs ↑/↓</th>
          <th scope="col" title="Bytes sent / received">Bytes ↑/↓</th>
          <th scope="col">Close</th>
          <th scope="col">Frame</th>
        </tr>
      </thead>
      <tbody>
        {sockets.map((socket) => (
          <tr key={socket.id} data-socket-id={socket.id} data-state={socket.state} class={flagged.has(socket.id) ? 'flagged' : undefined}>
            <td>
              <span class={`state state-${socket.state}`}>{socket.state}</span>
            </td>
            <td class="user" title={socket.identity.source ? `from ${socket.identity.source}` : 'owner unknown'}>
              {socket.identity.userId ?? <span class="muted">unknown</span>}
            </td>
            <td class="endpoint" title={socket.url}>
              {shortUrl(socket.url)}
            </td>
            <td>{formatClock(socket.createdAt)}</td>
            <td>{durationOf(socket, now)}</td>
            <td>
              {socket.messagesSent} / {socket.messagesReceived}
            </td>
            <td>
              {formatBytes(socket.bytesSent)} / {formatBytes(socket.bytesReceived)}
            </td>
            <td title={socket.closeReason ?? undefined}>{socket.closeCode ?? ''}</td>
            <td class="frame" title={socket.frameUrl}>
              {shortUrl(socket.frameUrl)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
