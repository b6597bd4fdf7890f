import type { Cause, SocketRecord } from '../types';
import { describeFirstAppFrame } from './evidence';

/**
 * missing-disconnect: one call site opened a new socket while the previous one stayed open:
 * an effect or a user switch that connects without `disconnectUser` for what came before.
 */
export function missingDisconnect(sockets: readonly SocketRecord[], switchedUser = false): Cause {
  const where = describeFirstAppFrame(sockets) ?? 'the app';
  return {
    id: 'missing-disconnect',
    message: switchedUser
      ? `Missing disconnect: ${where} connected the next user while the previous user's connection stayed open; await disconnectUser() before connectUser() for another user.`
      : `Missing disconnect: ${where} opened a new connection while the previous one stayed open; call disconnectUser() in the effect's cleanup (or reuse the connected client).`,
  };
}
