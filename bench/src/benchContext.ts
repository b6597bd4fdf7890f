import type { Page } from '@playwright/test';
import type { FixtureServer } from '../../e2e/support/fixtureServer';
import type { BenchBrowser } from './browsers';

/** What every scenario gets: the echo server and the two browsers. */
export interface BenchContext {
  /** e2e's fixture server: serves e2e/pages and echoes every WebSocket frame. */
  server: FixtureServer;
  withExtension: BenchBrowser;
  withoutExtension: BenchBrowser;
  /** `--quick`: smaller workloads and fewer runs, for a smoke run. */
  quick: boolean;
  log(line: string): void;
}

/** A fresh tab on a blank page with a URL of its own (the tab record is found by URL). */
export async function openBlankPage(browser: BenchBrowser, server: FixtureServer, label: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/blank.html?bench=${encodeURIComponent(label)}`);
  return page;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
