import type { Page } from '@playwright/test';
import { AuditError, messageOf } from './errors';

const PAGE_LOAD_TIMEOUT_MS = 30_000;

/** Loads the page; an unreachable page or an HTTP error page leaves nothing to audit. */
export async function loadPage(page: Page, url: string): Promise<void> {
  let response;
  try {
    response = await page.goto(url, { waitUntil: 'load', timeout: PAGE_LOAD_TIMEOUT_MS });
  } catch (error) {
    throw new AuditError(`could not load ${url}: ${messageOf(error).split('\n')[0]}`);
  }
  if (response && response.status() >= 400) {
    throw new AuditError(`${url} answered HTTP ${response.status()}${response.statusText() ? ` ${response.statusText()}` : ''}: nothing to audit (is the URL right, is the app up?)`);
  }
}
