import { permissionDenied, queryChannelsRepeated, queryChannelsUnbounded, queryChannelsUnfiltered, rateLimited, rateLimitHeadroom } from './apiCallRules';
import { connectionRejected } from './connectionRejected';
import { devToken } from './devToken';
import { duplicateConnection } from './duplicateConnection';
import { duplicateEndpoint } from './duplicateEndpoint';
import { invalidUserId } from './invalidUserId';
import { reconnectChurn } from './reconnectChurn';
import { tokenExpired } from './tokenExpired';
import { tokenUserMismatch } from './tokenUserMismatch';
import type { Rule } from './types';
import { userObjectTooLarge } from './userObjectTooLarge';
import { userSwitchLeak } from './userSwitchLeak';
import { wsFallback } from './wsFallback';

export { connectionLimit, connectionLimitOf } from './connectionLimit';

/**
 * Every rule that looks at one tab's state. connection-limit looks at every tab at once; the
 * background's tab store runs it (see connectionLimit.ts).
 */
export const TAB_RULES: readonly Rule[] = [
  duplicateConnection,
  userSwitchLeak,
  connectionRejected,
  reconnectChurn,
  duplicateEndpoint,
  invalidUserId,
  userObjectTooLarge,
  tokenUserMismatch,
  tokenExpired,
  devToken,
  wsFallback,
  rateLimited,
  rateLimitHeadroom,
  permissionDenied,
  queryChannelsUnfiltered,
  queryChannelsRepeated,
  queryChannelsUnbounded,
];
