import type { Cause, SocketRecord } from '../types';
import { describeFirstAppFrame } from './evidence';

/**
 * effect-rerun: one call site keeps opening a new socket, each replacing the last (closed by the
 * client): an effect whose dependencies change on every render (an inline token provider, an
 * object literal, `useCreateChatClient` given a new provider each render).
 */
export function effectRerun(sockets: readonly SocketRecord[]): Cause {
  const where = describeFirstAppFrame(sockets) ?? 'One place in the app';
  return {
    id: 'effect-rerun',
    message: `Effect re-run: ${where} connects again on every render, each connection replacing the last; keep the effect's dependencies stable (the token provider in useCallback or outside the component, useCreateChatClient given a stable tokenOrProvider).`,
  };
}
