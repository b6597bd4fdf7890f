import type { RuleId } from '../core/types';

/** Each rule's page (docs/rules/<rule>.md), shipped inside the extension and shown by rule.html. */
export function ruleDocUrl(rule: RuleId): string {
  return `rule.html?rule=${encodeURIComponent(rule)}`;
}
