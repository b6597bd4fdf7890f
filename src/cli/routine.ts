import type { Page, Worker } from '@playwright/test';
import { buildReport, type Report, type ReportFinding, type RoutineStep } from '../core/report';
import { isLive, type Settings, type TabState } from '../core/types';
import { AuditError, messageOf } from './errors';
import { loadPage } from './loadPage';
import { settledRecord } from './settledRecord';

/**
 * Stream's testing advice, run by itself: "make sure that only a single WebSocket connection is
 * open at a given time... refreshing webpages, navigating to and from the chat page". Load,
 * reload twice, visit the app's routes in order (through its own links, else its history),
 * then leave the site and come back (the back/forward cache). After each step, once the grace
 * window has passed, the record is read: sockets per user, and the findings the step raised.
 */

const STEP_TIMEOUT_MS = 30_000;
/** Past the grace window, a little longer: the worker's rule timer fires, then it persists. */
const SETTLE_MARGIN_MS = 500;
/** Off the site: a page of no origin, so the app's document is left (and maybe kept in the bfcache). */
const OFF_SITE_URL = 'about:blank';

interface Step {
  name: string;
  run(page: Page): Promise<void>;
}

/** In-app navigation: the app's own link to the route if it has one, else its history. */
async function visitRoute(page: Page, route: string): Promise<void> {
  const target = new URL(route, page.url()).href;
  const clicked = await page.evaluate((href) => {
    const link = [...document.querySelectorAll('a[href]')].find((anchor) => (anchor as HTMLAnchorElement).href === href) as HTMLAnchorElement | undefined;
    if (link) link.click();
    return Boolean(link);
  }, target);
  if (clicked) return;
  await page.evaluate((href) => {
    const url = new URL(href);
    if (url.pathname === location.pathname && url.search === location.search && url.hash !== location.hash) {
      location.hash = url.hash; // fires hashchange, as a hash router expects
      return;
    }
    history.pushState(null, '', href);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, target);
}

export function routineSteps(url: string, routes: readonly string[]): Step[] {
  const load = { waitUntil: 'load', timeout: STEP_TIMEOUT_MS } as const;
  const visited = new Set([new URL(url).href]);
  return [
    { name: 'load', run: (page) => loadPage(page, url) },
    { name: 'reload 1', run: async (page) => void (await page.reload(load)) },
    { name: 'reload 2', run: async (page) => void (await page.reload(load)) },
    ...routes.map((route) => {
      // "back to" a route the routine has been on (the page it loaded counts): where a route
      // that leaves its socket behind shows.
      const href = new URL(route, url).href;
      const name = visited.has(href) ? `back to ${route}` : `route ${route}`;
      visited.add(href);
      return { name, run: (page: Page) => visitRoute(page, route) };
    }),
    {
      name: 'off the site and back',
      run: async (page) => {
        await page.goto(OFF_SITE_URL, load);
        await page.goBack(load);
      },
    },
  ];
}

function socketsByUser(state: TabState): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of state.socketOrder) {
    const socket = state.sockets[id];
    if (!socket || !isLive(socket)) continue;
    const user = socket.identity.userId ?? 'unknown user';
    counts[user] = (counts[user] ?? 0) + 1;
  }
  return counts;
}

export interface RoutineResult {
  steps: RoutineStep[];
  /** Every finding the routine raised (each once, in its latest state), with the step that raised it. */
  raised: Array<{ step: string; finding: ReportFinding }>;
  lastState: TabState;
}

/**
 * Runs the routine in `page`, a tab of a Chromium with OneSocket loaded. The tab id is found
 * once, after the load: in-app navigation changes the page's URL but not its tab.
 */
export async function runRoutine(
  page: Page,
  worker: Worker,
  options: {
    url: string;
    routes: readonly string[];
    settings: Settings;
    findTabId: () => Promise<number | null>;
    log: (line: string) => void;
    /** Runs once after the load step, e.g. a flow script that logs in. */
    afterLoad?: () => Promise<void>;
  },
): Promise<RoutineResult> {
  const steps: RoutineStep[] = [];
  const raised = new Map<string, { step: string; finding: ReportFinding }>();
  let tabId: number | null = null;
  let lastState: TabState | null = null;
  for (const step of routineSteps(options.url, options.routes)) {
    options.log(`Routine: ${step.name}…`);
    try {
      await step.run(page);
    } catch (error) {
      throw new AuditError(`routine step "${step.name}" failed: ${messageOf(error).split('\n')[0]}`);
    }
    if (step.name === 'load') await options.afterLoad?.();
    tabId ??= await options.findTabId();
    if (tabId === null) throw new AuditError(`OneSocket did not attach to ${page.url()} (is it an http(s) page, and a watched site in the settings?)`);
    const state = await settledRecord(worker, tabId, { quietMs: options.settings.graceWindowMs + SETTLE_MARGIN_MS, maxMs: STEP_TIMEOUT_MS });
    if (!state) throw new AuditError(`the tab record disappeared after the step "${step.name}"`);
    lastState = state;
    // Findings carry ids unique within the tab across reloads: a new id is a new incident.
    const reported = buildReport(state, { now: Date.now(), toolVersion: '', redact: options.settings.redact }).findings;
    const fresh: string[] = [];
    // buildReport keeps the order of state.findings, so the index pairs each with its id.
    reported.forEach((finding, index) => {
      const id = state.findings[index]?.id ?? `${step.name}:${index}`;
      const known = raised.get(id);
      raised.set(id, { step: known?.step ?? step.name, finding }); // its latest state, resolved or not
      if (!known) fresh.push(`${finding.rule}:${finding.userId ?? 'unknown user'}`);
    });
    steps.push({ step: step.name, url: page.url(), at: Date.now(), socketsByUser: socketsByUser(state), findings: fresh });
  }
  return { steps, raised: [...raised.values()], lastState: lastState as TabState };
}

/** The routine's report: the last page's sockets, every finding of every step, and the steps. */
export function routineReport(result: RoutineResult, settings: Settings, toolVersion: string): Report {
  const report = buildReport(result.lastState, { now: Date.now(), toolVersion, redact: settings.redact });
  return { ...report, findings: result.raised.map(({ finding }) => finding), routine: result.steps };
}

/** The steps as a table for a terminal or a CI log. */
export function formatRoutine(steps: readonly RoutineStep[]): string {
  const rows = steps.map((step) => {
    const users = Object.entries(step.socketsByUser).map(([user, count]) => `${user} ${count}`).join(', ') || 'none';
    return [step.step, users, step.findings.join(', ') || '–'];
  });
  const header = ['step', 'live sockets per user', 'findings raised'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const line = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ').trimEnd();
  return ['Routine:', line(header), ...rows.map(line)].join('\n');
}
