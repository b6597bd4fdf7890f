import { test, expect, type Browser } from '@playwright/test';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFakeStreamBackend } from '../demo/backend/fakeStreamBackend.mjs';
import { startFixtureServer, type FixtureServer } from './support/fixtureServer';
import { launchPlainChromium } from './support/plainBrowser';

/**
 * The package as a team gets it: `npm pack`, installed into a scratch project outside this
 * repository with `npm i` from the tarball, and used there with nothing of ours but the package:
 * `npx onesocket audit` and `analyze`, and a Playwright suite importing `onesocket/playwright`.
 * One pack and one install, shared by the cases below.
 */
const ROOT = path.resolve(import.meta.dirname, '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The child's environment: none of this runner's own variables (a nested Playwright would read them). */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(PW_|PLAYWRIGHT_|TEST_|NODE_OPTIONS$|ONESOCKET_DIST$|npm_)/.test(key)) env[key] = value;
  return { ...env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ...extra };
}

function run(command: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}, timeout = 120_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: cleanEnv(extraEnv), timeout, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

let scratch: string;
let backend: Awaited<ReturnType<typeof startFakeStreamBackend>>;
let pages: FixtureServer;
const onesocket = (...args: string[]): Promise<Run> => run('npx', ['--no-install', 'onesocket', ...args], scratch);
const findingsOf = (report: { findings: Array<{ rule: string; userId: string | null }> }): string[] => report.findings.map((finding) => `${finding.rule}:${finding.userId}`).sort();

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(400_000);
  backend = await startFakeStreamBackend();
  pages = await startFixtureServer();
  scratch = await mkdtemp(path.join(os.tmpdir(), 'onesocket-consumer-'));
  // dist/ is built by `npm run test:e2e` before the browser tests; the rest of `prepack`:
  const built = await run('npm', ['run', 'build:package'], ROOT);
  expect(built.code, built.stderr).toBe(0);
  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], ROOT);
  expect(packed.code, packed.stderr).toBe(0);
  const [{ filename, files }] = JSON.parse(packed.stdout) as [{ filename: string; files: Array<{ path: string }> }];
  const shipped = files.map((file) => file.path);
  expect(shipped).toEqual(expect.arrayContaining(['package-dist/cli.mjs', 'package-dist/playwright.mjs', 'package-dist/eslint.mjs', 'package-dist/types/cli/playwright/index.d.ts', 'dist/manifest.json', 'docs/rules/duplicate-connection.md']));
  // Nothing that needs a clone: no sources, no scripts, no tests.
  expect(shipped.filter((file) => /^(src|scripts|e2e|bin)\//.test(file))).toEqual([]);

  const versionOf = async (name: string): Promise<string> => (JSON.parse(await readFile(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  await writeFile(path.join(scratch, 'package.json'), JSON.stringify({ name: 'team-chat-app', private: true, type: 'module' }, null, 2));
  const installed = await run('npm', ['i', '-D', `./${filename}`, `@playwright/test@${await versionOf('@playwright/test')}`, `eslint@${await versionOf('eslint')}`, '--prefer-offline', '--no-audit', '--no-fund'], scratch, {}, 300_000);
  expect(installed.code, installed.stderr).toBe(0);

  await mkdir(path.join(scratch, 'flows'));
  for (const flow of ['two-clients', 'correct']) await copyFile(path.join(ROOT, 'e2e/flows', `${flow}.mjs`), path.join(scratch, 'flows', `${flow}.mjs`));
  // A Stream development token (signature "devtoken"): a warning, not an error.
  await writeFile(
    path.join(scratch, 'flows/dev-token.mjs'),
    `export default async ({ page, url }) => {
  await page.evaluate((base) => {
    const part = (value) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\\+/g, '-').replace(/\\//g, '_');
    const token = part({ alg: 'HS256', typ: 'JWT' }) + '.' + part({ user_id: 'carol' }) + '.devtoken';
    const json = encodeURIComponent(JSON.stringify({ user_id: 'carol', user_details: { id: 'carol' }, client_request_id: 'r1' }));
    window.devSocket = new WebSocket(base.replace(/^http/, 'ws').replace(/\\/?$/, '/') + 'connect?json=' + json + '&api_key=demo-key&authorization=' + token + '&stream-auth-type=jwt');
  }, url);
};
`,
  );
});

test.afterAll(async () => {
  await backend?.close();
  await pages?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

test('npx onesocket audit fails the mistake (exit 1, rule, user, JUnit) and passes the correct flow', async () => {
  test.setTimeout(120_000);
  const mistake = await onesocket('audit', backend.baseURL, '--script', 'flows/two-clients.mjs', '--duration', '2000', '--junit', 'out/junit.xml', '--report', 'out/report.json', '--markdown', 'out/report.md');
  expect(mistake.code, mistake.stderr).toBe(1);
  expect(mistake.stdout).toMatch(/ERROR +duplicate-connection +alice/);
  // The rule page ships with the package, and the path printed opens it from where CI ran.
  expect(mistake.stdout).toContain('why and how to fix: node_modules/onesocket/docs/rules/duplicate-connection.md');
  expect(existsSync(path.join(scratch, 'node_modules/onesocket/docs/rules/duplicate-connection.md'))).toBe(true);
  expect(findingsOf(JSON.parse(await readFile(path.join(scratch, 'out/report.json'), 'utf8')))).toEqual(['duplicate-connection:alice']);
  expect(await readFile(path.join(scratch, 'out/report.md'), 'utf8')).toContain('`duplicate-connection`');

  // Well-formed XML, read by a real XML parser (Chromium's), one test case per rule.
  const xml = await readFile(path.join(scratch, 'out/junit.xml'), 'utf8');
  const browser: Browser = await launchPlainChromium();
  try {
    const page = await browser.newPage();
    const cases = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.getElementsByTagName('parsererror').length > 0) return null;
      return [...doc.getElementsByTagName('testcase')].map((node) => ({ name: node.getAttribute('name'), failed: node.getElementsByTagName('failure').length > 0 }));
    }, xml);
    expect(cases, 'junit.xml is not well-formed XML').not.toBeNull();
    expect(cases?.map((testCase) => testCase.name)).toContain('duplicate-connection');
    expect(new Set(cases?.map((testCase) => testCase.name)).size).toBe(cases?.length);
    expect(cases?.filter((testCase) => testCase.failed).map((testCase) => testCase.name)).toEqual(['duplicate-connection']);
  } finally {
    await browser.close();
  }

  const correct = await onesocket('audit', backend.baseURL, '--script', 'flows/correct.mjs', '--duration', '1500');
  expect(correct.code, correct.stderr).toBe(0);
  expect(correct.stdout).toContain('No findings.');
});

test('--fail-on warning turns a warning into exit 1', async () => {
  test.setTimeout(120_000);
  const byDefault = await onesocket('audit', backend.baseURL, '--script', 'flows/dev-token.mjs', '--duration', '1000');
  expect(byDefault.code, byDefault.stderr).toBe(0);
  expect(byDefault.stdout).toMatch(/WARNING +dev-token +carol/);
  const strict = await onesocket('audit', backend.baseURL, '--script', 'flows/dev-token.mjs', '--duration', '1000', '--fail-on', 'warning');
  expect(strict.code, strict.stderr).toBe(1);
});

test('onesocket analyze finds in a HAR that Chromium recorded what the live audit found', async () => {
  test.setTimeout(120_000);
  // Recorded by Chromium through Playwright's recordHar, without the extension.
  const harFile = path.join(scratch, 'two-clients.har');
  const browser = await launchPlainChromium();
  try {
    const context = await browser.newContext({ recordHar: { path: harFile, content: 'embed' } });
    const page = await context.newPage();
    await page.goto(backend.baseURL);
    await page.evaluate(() => window.demo.run('two-clients'));
    await page.waitForTimeout(1500);
    await context.close();
  } finally {
    await browser.close();
  }
  const analyzed = await onesocket('analyze', 'two-clients.har', '--json');
  expect(analyzed.code, analyzed.stderr).toBe(1);
  const report = JSON.parse(analyzed.stdout) as { findings: Array<{ rule: string; userId: string | null }>; sockets: unknown[]; limitations?: string[] };
  const live = JSON.parse(await readFile(path.join(scratch, 'out/report.json'), 'utf8')) as typeof report;
  expect(findingsOf(report)).toEqual(findingsOf(live));
  expect(report.sockets).toHaveLength(live.sockets.length);
  expect(report.limitations?.join(' ')).toContain('no creation stack');

  await writeFile(path.join(scratch, 'not-a.har'), '{"log": {}}');
  const invalid = await onesocket('analyze', 'not-a.har');
  expect(invalid.code).toBe(2);
  expect(invalid.stderr).toContain('not a HAR: it has no "log.entries" list');
});

test('a Playwright suite using onesocket/playwright fails on the mistake, naming rule and user, and attaches the report; its routine names the step', async () => {
  test.setTimeout(260_000);
  await mkdir(path.join(scratch, 'tests'), { recursive: true });
  await copyFile(path.join(ROOT, 'e2e/package/consumer.spec.mjs'), path.join(scratch, 'tests/chat.spec.mjs'));
  await writeFile(path.join(scratch, 'playwright.config.mjs'), `export default { testDir: 'tests', workers: 1, timeout: 60000, retries: 0 };\n`);
  const env = { DEMO_URL: backend.baseURL, ROUTES_APP_URL: `${pages.origin}/routes-app.html?mistake#/chat` };
  const suite = await run('npx', ['--no-install', 'playwright', 'test', '--reporter=json'], scratch, env, 250_000);
  expect(suite.code, suite.stderr).toBe(1);
  interface Result {
    status: string;
    errors: Array<{ message?: string }>;
    attachments: Array<{ name: string; contentType: string }>;
  }
  const results = new Map<string, Result>();
  const walk = (suiteNode: { specs?: Array<{ title: string; tests: Array<{ results: Result[] }> }>; suites?: unknown[] }): void => {
    for (const spec of suiteNode.specs ?? []) results.set(spec.title, spec.tests[0]?.results[0] as Result);
    for (const child of suiteNode.suites ?? []) walk(child as typeof suiteNode);
  };
  for (const top of (JSON.parse(suite.stdout) as { suites: unknown[] }).suites) walk(top as Parameters<typeof walk>[0]);

  const mistake = results.get('two clients for one user fail the test');
  expect(mistake?.status).toBe('failed');
  const message = mistake?.errors.map((error) => error.message ?? '').join('\n') ?? '';
  expect(message).toContain('ERROR duplicate-connection: user alice');
  expect(message).toContain('holds 2 connections');
  expect(message).toContain('why and how to fix: node_modules/onesocket/docs/rules/duplicate-connection.md');

  // Stream's routine, from the fixture: the chat route that never disconnects is caught when
  // the test comes back to it, and the failure names the step.
  const routine = results.get('the routine fails at the step back to the chat route, naming it');
  expect(routine?.status).toBe('failed');
  expect(routine?.errors.map((error) => error.message ?? '').join('\n')).toContain('step "back to #/chat": ERROR duplicate-connection for alice');

  const correct = results.get('one client per user passes');
  expect(correct?.status, correct?.errors.map((error) => error.message).join('\n')).toBe('passed');
  for (const result of [mistake, correct]) {
    expect(result?.attachments.map((attachment) => [attachment.name, attachment.contentType])).toEqual(
      expect.arrayContaining([
        ['onesocket-report.json', 'application/json'],
        ['onesocket-report.md', 'text/markdown'],
      ]),
    );
  }
});

test('onesocket/eslint, through ESLint\'s API, catches each of the seeds\' examples with the right rule', async () => {
  test.setTimeout(60_000);
  await mkdir(path.join(scratch, 'src'), { recursive: true });
  for (const file of ['Chat.jsx', 'Correct.jsx', 'clients.js', 'App.jsx']) await copyFile(path.join(ROOT, 'e2e/package/lint-app', file), path.join(scratch, 'src', file));
  await copyFile(path.join(ROOT, 'e2e/package/lint.mjs'), path.join(scratch, 'lint.mjs'));
  const linted = await run(process.execPath, ['lint.mjs'], scratch);
  expect(linted.code, linted.stderr).toBe(0);
  const messages = JSON.parse(linted.stdout) as Array<{ file: string; rule: string; line: number; message: string }>;
  const byRule = (rule: string) => messages.filter((message) => message.rule === `onesocket/${rule}`).map((message) => `${message.file}:${message.line}`);
  expect(byRule('connect-in-effect-needs-cleanup')).toEqual(['Chat.jsx:9']);
  expect(byRule('prefer-get-instance')).toEqual(['clients.js:6']);
  expect(byRule('stable-token-provider')).toEqual(['App.jsx:5', 'App.jsx:5']);
  // Two files call connectUser: reported once, at the later one, naming both sites.
  const several = messages.filter((message) => message.rule === 'onesocket/single-connect-call-site');
  expect(several).toHaveLength(1);
  expect(several[0]?.message).toMatch(/connectUser is called from 2 places \(src\/\w+\.jsx:9, src\/\w+\.jsx:9\)/);
  // The correct pattern raises nothing of its own.
  expect(messages.filter((message) => message.file === 'Correct.jsx' && message.rule !== 'onesocket/single-connect-call-site')).toEqual([]);
  expect(messages.every((message) => message.message.includes('docs/rules/'))).toBe(true);
});
