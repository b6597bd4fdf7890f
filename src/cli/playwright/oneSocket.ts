import type { Page, Worker } from '@playwright/test';
import { buildReport, type Report, type ReportFinding, type RoutineStep } from '../../core/report';
import { createTabState } from '../../core/tabState';
import type { Settings, Severity } from '../../core/types';
import { findTabIdByUrl, readTabRecord, recordedTabIds } from '../extensionRecords';
import { packageRoot, rulePagePath } from '../packageRoot';
import { formatRoutine, runRoutine } from '../routine';
import { settledRecord } from '../settledRecord';
import { atLeast } from '../verdict';

/** What a test holds as `oneSocket`: the extension's record of the test's page. */
export interface OneSocket {
  /** The page's report (the `onesocket-report` format), redacted unless the settings say not. */
  report(): Promise<Report>;
  /** The findings raised so far (resolved ones too), those at or above `severity` if given. */
  findings(options?: { severity?: Severity }): Promise<ReportFinding[]>;
  /**
   * Waits until the record stopped changing for longer than the grace window, so a duplicate
   * that is about to be raised is raised (and one about to end has ended). Up to `timeout` ms.
   */
  waitForSettled(options?: { timeout?: number }): Promise<void>;
  /**
   * Stream's test routine on the page as loaded now: reload twice, visit `routes` in the app
   * (its own links, else its history), leave the site and come back; after each step, once
   * the grace window has passed, the findings it raised. Throws, naming the step, when a step
   * raised a finding at or above `failOn` (default error); returns the steps otherwise.
   */
  routine(page: Page, options?: { routes?: string[]; failOn?: Severity }): Promise<RoutineStep[]>;
}

const SETTLE_TIMEOUT_MS = 10_000;
/** Past the grace window, a little longer: the worker's rule timer fires, then it persists. */
const SETTLE_MARGIN_MS = 500;

export function createOneSocket(page: Page, worker: Worker, settings: Settings): OneSocket {
  // The tab's id never changes, but the record knows it by the URL its document started with:
  // after an in-app navigation (history, hash) only the tab itself still says which it is.
  let knownTabId: number | null = null;
  const tabId = async (): Promise<number | null> => {
    if (knownTabId !== null || !page.url().startsWith('http')) return knownTabId;
    knownTabId = await findTabIdByUrl(worker, page.url(), 2_000);
    if (knownTabId === null) {
      const recorded = await recordedTabIds(worker);
      if (recorded.length === 1) knownTabId = recorded[0] ?? null;
    }
    return knownTabId;
  };
  const report = async (): Promise<Report> => {
    const id = await tabId();
    const state = (id === null ? null : await readTabRecord(worker, id)) ?? createTabState(-1, page.url(), Date.now());
    return buildReport(state, { now: Date.now(), toolVersion: packageRoot().version, redact: settings.redact });
  };
  return {
    report,
    async findings(options = {}) {
      const { findings } = await report();
      return options.severity ? findings.filter((finding) => atLeast(finding.severity, options.severity as Severity)) : findings;
    },
    async routine(routinePage, options = {}) {
      if (routinePage !== page) throw new Error('oneSocket.routine(page) runs on the test\'s own page (the tab OneSocket watches)');
      const failOn = options.failOn ?? 'error';
      const result = await runRoutine(page, worker, {
        url: page.url(),
        routes: options.routes ?? [],
        settings,
        log: () => undefined,
        findTabId: tabId,
      });
      const failing = result.raised.filter(({ finding }) => atLeast(finding.severity, failOn));
      if (failing.length > 0) {
        const lines = failing.map(({ step, finding }) => {
          return `  step "${step}": ${finding.severity.toUpperCase()} ${finding.rule} for ${finding.userId ?? 'unknown user'}: ${finding.message}\n    why and how to fix: ${rulePagePath(finding.rule)}`;
        });
        throw new Error(`OneSocket routine failed:\n${lines.join('\n')}\n\n${formatRoutine(result.steps)}`);
      }
      return result.steps;
    },
    async waitForSettled(options = {}) {
      const id = await tabId();
      if (id === null) return;
      await settledRecord(worker, id, { quietMs: settings.graceWindowMs + SETTLE_MARGIN_MS, maxMs: options.timeout ?? SETTLE_TIMEOUT_MS });
    },
  };
}
