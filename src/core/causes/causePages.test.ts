import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DOCS = path.resolve(import.meta.dirname, '../../../docs/rules');

/** The causes each rule's findings can carry (findingCauses.ts), each explained on the rule's page. */
const CAUSES_BY_RULE = {
  'duplicate-connection': ['sdk-copies', 'separate-clients', 'missing-disconnect', 'strictmode-double-mount'],
  'user-switch-leak': ['missing-disconnect', 'separate-clients', 'sdk-copies'],
  'reconnect-churn': ['effect-rerun', 'server-reconnect', 'missing-disconnect'],
};

describe('rule pages explain each cause their findings name', () => {
  it.each(Object.entries(CAUSES_BY_RULE))('%s', (rule, causes) => {
    const page = readFileSync(path.join(DOCS, `${rule}.md`), 'utf8');
    for (const cause of causes) expect(page).toMatch(new RegExp(`^### \`${cause}\`: `, 'm'));
  });
});
