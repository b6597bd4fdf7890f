import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
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
  // The token's signature never leaves redaction on; its claims may.
  expect(report.sockets[0]?.url).toContain('[REDACTED]');
  expect(run.stdout).not.toMatch(/authorization=[\w-]+\.[\w-]+\.[\w-]{20,}/);
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
  expect(usage.stderr).toContain('Usage: onesocket audit <url>');
});
