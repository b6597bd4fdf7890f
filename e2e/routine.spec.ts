import { test as base, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { DIST_DIR } from './support/extension';
import { startFixtureServer, type FixtureServer } from './support/fixtureServer';

/**
 * Stream's test routine run by itself (`onesocket audit --routine`, `oneSocket.routine`) on a
 * single-page app whose chat route connects on mount: the mistaken one never disconnects on
 * unmount, which only leaving the chat and coming back shows. The fixture's routine is tested
 * from a project that installed the package (e2e/package.spec.ts).
 */
const ROOT = path.resolve(import.meta.dirname, '..');

let server: FixtureServer;
base.beforeAll(async () => {
  server = await startFixtureServer();
});
base.afterAll(async () => {
  await server.close();
});

function onesocket(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/onesocket.mjs', ...args], { cwd: ROOT, env: { ...process.env, ONESOCKET_DIST: DIST_DIR }, timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

const ROUTES = '#/settings,#/chat';

base('the routine finds the chat route that never disconnects at the step back to the chat, with a table of steps', async () => {
  base.setTimeout(120_000);
  const run = await onesocket('audit', `${server.origin}/routes-app.html?mistake#/chat`, '--routine', '--routes', ROUTES, '--json');
  expect(run.code, run.stderr).toBe(1);
  const report = JSON.parse(run.stdout) as { findings: Array<{ rule: string; userId: string }>; routine: Array<{ step: string; socketsByUser: Record<string, number>; findings: string[] }> };
  expect(report.routine.map((step) => [step.step, step.socketsByUser, step.findings])).toEqual([
    ['load', { alice: 1 }, []],
    ['reload 1', { alice: 1 }, []],
    ['reload 2', { alice: 1 }, []],
    ['route #/settings', { alice: 1 }, []],
    ['back to #/chat', { alice: 2 }, ['duplicate-connection:alice']],
    ['off the site and back', { alice: 1 }, []],
  ]);
  expect(report.findings.map((finding) => `${finding.rule}:${finding.userId}`)).toEqual(['duplicate-connection:alice']);
});

base('the routine passes every step of the app that disconnects on unmount', async () => {
  base.setTimeout(120_000);
  const run = await onesocket('audit', `${server.origin}/routes-app.html#/chat`, '--routine', '--routes', ROUTES);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain('No findings.');
  expect(run.stdout).toMatch(/^route #\/settings +none +–$/m);
  expect(run.stdout).toMatch(/^back to #\/chat +alice 1 +–$/m);
});
