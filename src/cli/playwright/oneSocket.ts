import type { Page, Worker } from '@playwright/test';
import { buildReport, type Report, type ReportFinding } from '../../core/report';
import { createTabState } from '../../core/tabState';
import type { Settings, Severity } from '../../core/types';
import { findTabIdByUrl, readTabRecord } from '../extensionRecords';
import { packageRoot } from '../packageRoot';
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
}

const SETTLE_TIMEOUT_MS = 10_000;
/** Past the grace window, a little longer: the worker's rule timer fires, then it persists. */
const SETTLE_MARGIN_MS = 500;

export function createOneSocket(page: Page, worker: Worker, settings: Settings): OneSocket {
  const tabId = async (): Promise<number | null> => (page.url().startsWith('http') ? findTabIdByUrl(worker, page.url(), 2_000) : null);
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
    async waitForSettled(options = {}) {
      const id = await tabId();
      if (id === null) return;
      await settledRecord(worker, id, { quietMs: settings.graceWindowMs + SETTLE_MARGIN_MS, maxMs: options.timeout ?? SETTLE_TIMEOUT_MS });
    },
  };
}
