import type { RuleId } from './types';

/** Every rule id, in the order the rule pages list them (a JUnit file has one test case each). */
export const RULE_IDS = [
  'duplicate-connection',
  'connection-limit',
  'connection-rejected',
  'user-switch-leak',
  'reconnect-churn',
  'duplicate-endpoint',
  'invalid-user-id',
  'user-object-too-large',
  'token-user-mismatch',
  'token-expired',
  'dev-token',
  'ws-fallback',
  'rate-limited',
  'rate-limit-headroom',
  'permission-denied',
  'query-channels-unfiltered',
  'query-channels-repeated',
  'query-channels-unbounded',
] as const satisfies readonly RuleId[];

// A rule added to RuleId and not listed above fails the typecheck here.
type Unlisted = Exclude<RuleId, (typeof RULE_IDS)[number]>;
export const RULE_IDS_COMPLETE: [Unlisted] extends [never] ? true : Unlisted = true;
