import type { Cause, SocketRecord } from '../types';
import { closedByServer, distinct } from './evidence';

/**
 * server-reconnect: the replaced sockets were closed by the server or the network (the page never
 * asked), and the SDK reconnected: churn from the backend side, not the app's code.
 */
export function serverReconnect(replaced: readonly SocketRecord[]): Cause | null {
  const byServer = replaced.filter(closedByServer);
  if (byServer.length === 0 || byServer.length * 2 < replaced.length) return null;
  const codes = distinct(byServer.map((socket) => socket.closeCode ?? 'none'));
  return {
    id: 'server-reconnect',
    message: `Server reconnect: the server or the network closed the connections (close ${codes.length === 1 ? 'code' : 'codes'} ${codes.join(', ')}) and the SDK reconnected; look at the backend, proxy or network (the close reason, the server's logs), not the app's code.`,
  };
}
