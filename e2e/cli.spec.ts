import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFakeStreamBackend } from '../demo/backend/fakeStreamBackend.mjs';
import { DIST_DIR } from './support/extension';
import { assertValidReport } from './support/reportSchema';

/**
 * `onesocket audit` as a CI pipeline runs it: a child process, judged by its exit code and
 * output, against the demo page on the real stream-chat SDK and the fake backend.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const flow = (name: string): string => path.join('e2e/flows', `${name}.mjs`);

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function onesocketWith(env: Record<string, string>, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/onesocket.mjs', ...args], { cwd: ROOT, env: { ...process.env, ONESOCKET_DIST: DIST_DIR, ...env }, timeout: 40_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

const onesocket = (...args: string[]): Promise<CliRun> => onesocketWith({}, ...args);

let backend: Awaited<ReturnType<typeof startFakeStreamBackend>>;
test.beforeAll(async () => {
  backend = await startFakeStreamBackend();
});
test.afterAll(async () => {
  await backend.close();
});

test('an audit of two clients for one user prints the duplicate-connection error and exits 1', async () => {
  const run = await onesocket('audit', backend.baseURL, '--script', flow('two-clients'), '--duration', '2000');
  expect(run.code, run.stderr).toBe(1);
  expect(run.stdout).toContain('2 sockets (2 still open); by user: alice (2)');
  expect(run.stdout).toMatch(/ERROR +duplicate-connection +alice/);
  // The browser's async stacks reach the demo's two calls (one line, two columns), past the SDK.
  expect(run.stdout).toMatch(/cause separate-clients: Separate clients: runScenarioBody \(app\.tsx:\d+:\d+\) and runScenarioBody \(app\.tsx:\d+:\d+\)/);
  expect(run.stdout).toContain('docs/rules/duplicate-connection.md');
  // Sockets are named as in the panel and the Markdown report.
  expect(run.stdout).toContain('sockets #1, #2 · why and how to fix');
  expect(run.stdout).toContain('1 error, 0 warnings, 0 info.');
});

test('--json prints the report alone, valid and redacted; a correct app exits 0', async () => {
  const run = await onesocket('audit', backend.baseURL, '--script', flow('correct'), '--duration', '1500', '--json');
  expect(run.code, run.stderr).toBe(0);
  const report = JSON.parse(run.stdout) as { page: { url: string }; sockets: Array<{ userId: string; url: string; state: string }>; findings: unknown[] };
  assertValidReport(report);
  expect(report.page.url).toBe(new URL(backend.baseURL).href);
  expect(report.findings).toEqual([]);
  expect(report.sockets.map((socket) => [socket.userId, socket.state])).toEqual([['alice', 'open']]);
  // No part of the token leaves with redaction on: the whole value is replaced.
  expect(report.sockets[0]?.url).toContain('authorization=[REDACTED]');
  expect(run.stdout).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
});

test('an audit that cannot run says why and exits 2', async () => {
  const unreachable = await onesocket('audit', 'http://127.0.0.1:9/chat');
  expect(unreachable.code).toBe(2);
  expect(unreachable.stderr).toContain('onesocket: could not load http://127.0.0.1:9/chat');

  const broken = await onesocket('audit', backend.baseURL, '--script', flow('broken'));
  expect(broken.code).toBe(2);
  expect(broken.stderr).toMatch(/onesocket: flow script e2e\/flows\/broken\.mjs failed: [\s\S]*A button this page does not have/);

  const noBrowser = await onesocketWith({ ONESOCKET_CHROMIUM: path.join(ROOT, 'no-such-chromium') }, 'audit', backend.baseURL);
  expect(noBrowser.code).toBe(2);
  expect(noBrowser.stderr).toContain('onesocket: could not start Chromium:');
  expect(noBrowser.stderr).toContain('apt-get install chromium');

  const usage = await onesocket('audit', backend.baseURL, '--duration', 'soon');
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain('--duration takes whole milliseconds, not "soon"');
  expect(usage.stderr).toMatch(/Usage:\n\s+onesocket audit <url>/);

  const bare = await onesocket();
  expect(bare.code).toBe(2);
  expect(bare.stderr).toContain('say what to do: audit <url> or analyze <file.har>');

  // The fake backend answers a plain GET of its WebSocket endpoint with 400: an error page.
  const errorPage = await onesocket('audit', new URL('/connect', backend.baseURL).href);
  expect(errorPage.code).toBe(2);
  expect(errorPage.stderr).toMatch(/answered HTTP 400.*nothing to audit/);
});

test('a page that opened no socket is said plainly, and fails with --expect-sockets', async () => {
  const quiet = await onesocket('audit', backend.baseURL, '--duration', '0');
  expect(quiet.code, quiet.stderr).toBe(0);
  expect(quiet.stdout).toContain('No sockets seen');

  const expected = await onesocket('audit', backend.baseURL, '--duration', '0', '--expect-sockets', '--quiet');
  expect(expected.code, expected.stderr).toBe(1);
  expect(expected.stderr).toBe('onesocket: no sockets seen, and --expect-sockets asks for at least one\n');
});

test('--settings reaches the extension: a grace window longer than the watch lets the overlap pass; a bad file exits 2', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onesocket-settings-'));
  try {
    const patient = path.join(dir, 'patient.json');
    await writeFile(patient, JSON.stringify({ graceWindowMs: 60_000 }));
    const run = await onesocket('audit', backend.baseURL, '--script', flow('two-clients'), '--duration', '1500', '--settings', patient);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('2 sockets (2 still open); by user: alice (2)');
    expect(run.stdout).toContain('No findings.');

    const misspelt = path.join(dir, 'misspelt.json');
    await writeFile(misspelt, JSON.stringify({ graceWindowMS: 60_000 }));
    const bad = await onesocket('audit', backend.baseURL, '--settings', misspelt);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown setting "graceWindowMS"');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
