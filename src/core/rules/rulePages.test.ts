import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import reportSchema from '../report.schema.json';

/** The rule ids of the spec, as the report format lists them. */
const RULE_IDS: string[] = reportSchema.definitions.finding.properties.rule.enum;
const DOCS = path.resolve(import.meta.dirname, '../../../docs/rules');

describe('rule pages (docs/rules, linked from every finding)', () => {
  it('exist for every rule id, and for nothing else', () => {
    expect(readdirSync(DOCS).sort()).toEqual(RULE_IDS.map((rule) => `${rule}.md`).sort());
  });

  it.each(RULE_IDS)('%s: says when it is raised, why it matters, what causes it and how to fix it in app code', (rule) => {
    const page = readFileSync(path.join(DOCS, `${rule}.md`), 'utf8');
    expect(page).toMatch(new RegExp(`^# ${rule} \\(`));
    for (const section of ['**Raised when**', '## Why it matters', '## What usually causes it', '## How to fix it in app code']) expect(page).toContain(section);
    for (const [, target] of page.matchAll(/\]\(([a-z-]+)\.md\)/g)) expect(RULE_IDS).toContain(target);
  });
});
