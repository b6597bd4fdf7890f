import type { Cause, SocketRecord } from '../types';
import { distinct, sdkBundleOf, streamClientOf } from './evidence';

/**
 * sdk-copies: the sockets come from two copies of the SDK in the page: different
 * `X-Stream-Client` values, or the SDK's `new WebSocket` at different places (two bundles).
 * Each copy has its own `getInstance` singleton, so even a correct app holds two clients.
 */
export function sdkCopies(sockets: readonly SocketRecord[]): Cause | null {
  const clients = distinct(sockets.map(streamClientOf).filter((client): client is string => client !== null));
  if (clients.length > 1) return cause(`different SDK builds (${clients.join(', ')})`);
  const bundles = distinct(sockets.map(sdkBundleOf).filter((bundle): bundle is string => bundle !== null));
  if (bundles.length > 1) return cause(`${bundles.length} bundled copies of the SDK`);
  return null;
}

function cause(evidence: string): Cause {
  return {
    id: 'sdk-copies',
    message: `Two copies of the SDK in the page (${evidence}), each with its own client: make the page bundle one copy (one version in package.json, npm dedupe, the bundler's dedupe/alias).`,
  };
}
