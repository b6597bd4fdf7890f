import type { BrowserContext, Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReport, type Report } from '../core/report';
import { DEFAULT_SETTINGS } from '../core/settings/defaults';
import type { Settings } from '../core/types';
import type { AuditOptions } from './args';
import { watchAsyncInitiators } from './asyncInitiators';
import { launchOneSocket } from './browserSession';
import { AuditError, messageOf } from './errors';
import { findTabIdByUrl } from './extensionRecords';
import { loadPage } from './loadPage';
import { packageRoot } from './packageRoot';
import { routineReport, runRoutine } from './routine';
import { settledRecord } from './settledRecord';

export { AuditError } from './errors';

/** How long the record may keep changing once the watch is over. */
const SETTLE_MAX_MS = 5_000;

/** What a flow script's default export receives. */
export interface FlowContext {
  page: Page;
  context: BrowserContext;
  url: string;
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

/**
 * Opens the page in headless Chromium with OneSocket loaded, runs the flow, watches for the
 * duration and returns the tab's report, redacted as an export from the panel is by default.
 * The steps, in order: launch, open the tab, load the page, run the flow, watch, settle, report.
 */
export async function runAudit(options: AuditOptions, settings: Settings | null, log: (line: string) => void): Promise<Report> {
  const browser = await launchOneSocket({ settings, log });
  const effective = settings ?? DEFAULT_SETTINGS;
  try {
    const { context, worker } = browser;
    const page = context.pages()[0] ?? (await context.newPage());
    if (options.routine) {
      const result = await runRoutine(page, worker, {
        url: options.url,
        routes: options.routine.routes,
        settings: effective,
        log,
        findTabId: () => findTabIdByUrl(worker, page.url()),
        afterLoad: async () => {
          if (options.script) await runFlow(options.script, { page, context, url: options.url });
        },
      });
      return routineReport(result, effective, packageRoot().version);
    }
    // App code behind each socket, from the browser's async stacks (CDP), before the page loads.
    const initiators = await watchAsyncInitiators(context, page);
    log(`Loading ${options.url}…`);
    await loadPage(page, options.url);
    const tabId = await findTabIdByUrl(worker, page.url());
    if (tabId === null) throw new AuditError(`OneSocket did not attach to ${page.url()} (is it an http(s) page, and a watched site in the settings?)`);
    if (options.script) {
      log(`Running the flow ${options.script}…`);
      await runFlow(options.script, { page, context, url: options.url });
    }
    log(`Watching for ${(options.durationMs / 1000).toFixed(1)} s…`);
    await new Promise((resolve) => setTimeout(resolve, options.durationMs));
    const state = await settledRecord(worker, tabId, { maxMs: SETTLE_MAX_MS });
    if (!state) throw new AuditError('the tab record disappeared (was the tab closed by the flow script?)');
    return buildReport(initiators.apply(state), { now: Date.now(), toolVersion: packageRoot().version, redact: effective.redact });
  } finally {
    await browser.close();
  }
}
