import { listNames } from '../rules/wording';
import type { Cause, SocketRecord } from '../types';
import { differingCallSites } from './evidence';

/**
 * separate-clients: the sockets were opened from different places in the app: two components
 * each make their own client (`new StreamChat` where `getInstance` or a shared client was meant).
 */
export function separateClients(sockets: readonly SocketRecord[]): Cause | null {
  const sites = differingCallSites(sockets);
  if (sites.length < 2) return null;
  return separateClientsCause(listNames(sites));
}

export function separateClientsCause(who: string): Cause {
  return {
    id: 'separate-clients',
    message: `Separate clients: ${who} each create their own client; create one (StreamChat.getInstance, or one client in a context) and share it.`,
  };
}
