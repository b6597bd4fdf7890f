import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { evaluateInDevtools, shownDevtoolsPanel } from '../scripts/devtoolsPanel.mjs';

const root = path.resolve(import.meta.dirname, '..');
const hasXvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).status === 0;

/**
 * `npm start` as a person runs it on a machine with a display (here a virtual one): a window the
 * size of the screen, DevTools open on the demo, already on the OneSocket panel. Checked in the
 * DevTools frontend itself, as the real-DevTools test reads it.
 */
test('npm start under xvfb-run opens a full-size window with DevTools on the OneSocket panel', async () => {
  test.skip(!hasXvfb, 'xvfb-run is not installed');
  test.setTimeout(90_000);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1600x1000x24', process.execPath, 'scripts/startDemo.mjs'], {
    cwd: root,
    env: { ...process.env, DEMO_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so the browser it starts under xvfb ends with it.
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  try {
    await expect.poll(() => /DevTools debugging port: (\d+)/.exec(output)?.[1] ?? null, { timeout: 60_000 }).not.toBeNull();
    expect(output).toContain('on the OneSocket panel');
    const devtoolsPort = Number(/DevTools debugging port: (\d+)/.exec(output)?.[1]);
    const extensionId = /Extension id:\s+(\S+)/.exec(output)?.[1];
    expect(await shownDevtoolsPanel(devtoolsPort)).toBe(`chrome-extension://${extensionId}OneSocket`);
    // The browser window fills the 1600 × 1000 screen (not Chromium's default of about 920 px).
    const windowWidth = await evaluateInDevtools(devtoolsPort, 'window.outerWidth');
    expect(windowWidth).toBeGreaterThanOrEqual(1500);
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
  }
});
