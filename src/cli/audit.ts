import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { extensionLaunchOptions } from '../../scripts/chromium.mjs';
import { buildReport, type Report } from '../core/report';
import type { TabState } from '../core/types';
import type { AuditOptions } from './args';
import { watchAsyncInitiators } from './asyncInitiators';
import { findTabIdByUrl, readTabRecord } from './extensionRecords';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PAGE_LOAD_TIMEOUT_MS = 30_000;
/** How often the record is read once the watch is over, and how long it may keep changing. */
const SETTLE_POLL_MS = 250;
const SETTLE_MAX_MS = 5_000;

/** The audit could not run (page unreachable, flow script broken): the message says why. */
export class AuditError extends Error {}

/** What a flow script's default export receives. */
export interface FlowContext {
  page: Page;
  context: BrowserContext;
  url: string;
}

/** The built extension to load: ONESOCKET_DIST, else dist/, built first if missing. */
function extensionDir(log: (line: string) => void): string {
  const dist = process.env.ONESOCKET_DIST ? path.resolve(process.env.ONESOCKET_DIST) : path.join(ROOT, 'dist');
  if (existsSync(path.join(dist, 'manifest.json'))) return dist;
  if (process.env.ONESOCKET_DIST) throw new AuditError(`ONESOCKET_DIST=${dist} holds no built extension (no manifest.json)`);
  log('Building the extension first (npm run build)…');
  // Its output goes to stderr: with --json, stdout carries the report alone.
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) throw new AuditError('npm run build failed; see its output above');
  return dist;
}

async function runFlow(script: string, flow: FlowContext): Promise<void> {
  const file = path.resolve(script);
  if (!existsSync(file)) throw new AuditError(`flow script ${file} does not exist`);
  let run: unknown;
  try {
    run = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  } catch (error) {
    throw new AuditError(`flow script ${script} could not be loaded: ${messageOf(error)}`);
  }
  if (typeof run !== 'function') throw new AuditError(`flow script ${script} has no default export function`);
  try {
    await (run as (flow: FlowContext) => unknown)(flow);
  } catch (error) {
    throw new AuditError(`flow script ${script} failed: ${messageOf(error)}`);
  }
}

/** The tab's record once it stopped changing: the pipeline (hook, relay, worker) has caught up. */
async function settledRecord(worker: Worker, tabId: number): Promise<TabState | null> {
  const deadline = Date.now() + SETTLE_MAX_MS;
  let previous = JSON.stringify(await readTabRecord(worker, tabId));
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    const current = JSON.stringify(await readTabRecord(worker, tabId));
    if (current === previous || Date.now() >= deadline) return JSON.parse(current) as TabState | null;
    previous = current;
  }
}

async function toolVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/**
 * Opens the page in headless Chromium with OneSocket loaded, runs the flow, watches for the
 * duration and returns the tab's report, redacted as an export from the panel is by default.
 */
export async function runAudit(options: AuditOptions, log: (line: string) => void): Promise<Report> {
  const distDir = extensionDir(log);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'onesocket-audit-'));
  let context: BrowserContext | null = null;
  try {
    try {
      context = await chromium.launchPersistentContext(profile, extensionLaunchOptions({ distDir, headless: true }));
    } catch (error) {
      throw new AuditError(
        `could not start Chromium: ${messageOf(error).split('\n')[0]}. Install it (Debian: apt-get install chromium) or point ONESOCKET_CHROMIUM at a Chromium binary.`,
      );
    }
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = context.pages()[0] ?? (await context.newPage());
    const initiators = await watchAsyncInitiators(context, page);
    try {
      await page.goto(options.url, { waitUntil: 'load', timeout: PAGE_LOAD_TIMEOUT_MS });
    } catch (error) {
      throw new AuditError(`could not load ${options.url}: ${messageOf(error).split('\n')[0]}`);
    }
    const tabId = await findTabIdByUrl(worker, page.url());
    if (tabId === null) throw new AuditError(`OneSocket did not attach to ${page.url()} (is it an http(s) page?)`);
    if (options.script) await runFlow(options.script, { page, context, url: options.url });
    await new Promise((resolve) => setTimeout(resolve, options.durationMs));
    const state = await settledRecord(worker, tabId);
    if (!state) throw new AuditError('the tab record disappeared (was the tab closed by the flow script?)');
    return buildReport(initiators.apply(state), { now: Date.now(), toolVersion: await toolVersion(), redact: true });
  } finally {
    await context?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
