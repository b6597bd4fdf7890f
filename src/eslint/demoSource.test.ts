import { ESLint } from 'eslint';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { beforeEach, describe, expect, it } from 'vitest';
import plugin from './index';
import { forgetConnectCallSites } from './rules/singleConnectCallSite';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The demo page's source, linted by the plugin as a team would lint theirs: its deliberate
 * mistakes are the expected errors, found by the line they are on, and nothing else is reported
 * (the correct patterns pass).
 */
const EXPECTED = [
  { file: 'demo/page/app.tsx', rule: 'onesocket/prefer-get-instance', line: 'const client = new StreamChat(API_KEY, { baseURL: location.origin });' },
  { file: 'demo/page/clients.ts', rule: 'onesocket/prefer-get-instance', line: 'return track(new StreamChat(API_KEY, clientOptions()), scenario, label);' },
];

/**
 * The demo connects chat in two places on purpose (its scenarios' helper and the products card):
 * single-connect-call-site reports the one of them linted second, whichever ESLint reaches last.
 */
const CONNECT_CALL_SITES = [
  { file: 'demo/page/clients.ts', line: 'const response = await entry.client.connectUser({ id: userId, name: DISPLAY_NAMES[userId] ?? userId }, token);' },
  { file: 'demo/page/products.tsx', line: "await tracked('chat', 'StreamChat.getInstance() for alice', () => chat.disconnectUser(), () => chat.connectUser({ id: 'alice', name: 'Alice' }, token));" },
];

describe('the demo page’s source through onesocket/eslint', () => {
  beforeEach(() => forgetConnectCallSites());

  it('reports exactly its deliberate mistakes', async () => {
    const eslint = new ESLint({
      cwd: ROOT,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } } }, plugin.configs.recommended],
    });
    const results = await eslint.lintFiles(['demo/page/']);
    const reported: Array<{ file: string; rule: string | null; line: string }> = [];
    for (const result of results) {
      const lines = (await readFile(result.filePath, 'utf8')).split('\n');
      for (const message of result.messages) reported.push({ file: path.relative(ROOT, result.filePath), rule: message.ruleId, line: lines[message.line - 1]?.trim() ?? '' });
    }
    const callSiteReports = reported.filter((entry) => entry.rule === 'onesocket/single-connect-call-site');
    expect(reported.filter((entry) => entry.rule !== 'onesocket/single-connect-call-site')).toEqual(EXPECTED);
    expect(callSiteReports).toHaveLength(1);
    expect(CONNECT_CALL_SITES).toContainEqual({ file: callSiteReports[0]?.file, line: callSiteReports[0]?.line });
  });
});
