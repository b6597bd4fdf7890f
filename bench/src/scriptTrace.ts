/**
 * The thread time of each evaluation of the extension's content scripts, from Chromium's own
 * tracing: the `v8.run` trace event Chromium records around each script it runs, on the page
 * renderers' main threads. Tracing V8's category only: the timeline categories add a stack to
 * every event and slow the page several times over.
 */
import { connectToBrowser } from '../../e2e/support/cdp';
import type { BenchBrowser } from './browsers';

export const CONTENT_SCRIPTS = ['hook.js', 'relay.js'] as const;
export type ContentScript = (typeof CONTENT_SCRIPTS)[number];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Thread time, µs. */
  tdur?: number;
  args?: { name?: string; fileName?: string; data?: { url?: string } };
}

/** Runs `workload` under tracing; µs of thread time of each evaluation of each content script, in order. */
export async function contentScriptTimes(browser: BenchBrowser, workload: () => Promise<unknown>): Promise<Record<ContentScript, number[]>> {
  const cdp = await connectToBrowser(browser.debuggingPort);
  const events: TraceEvent[] = [];
  try {
    cdp.on('Tracing.dataCollected', (params) => events.push(...(params as { value: TraceEvent[] }).value));
    const complete = new Promise<void>((resolve) => cdp.on('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['v8'], excludedCategories: ['*'] }, transferMode: 'ReportEvents' });
    try {
      await workload();
    } finally {
      await cdp.send('Tracing.end');
      await complete;
    }
  } finally {
    cdp.close();
  }
  const mainThreads = new Set(events.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const times: Record<ContentScript, number[]> = { 'hook.js': [], 'relay.js': [] };
  for (const event of events) {
    if (event.name !== 'v8.run' || event.ph !== 'X' || !mainThreads.has(`${event.pid}:${event.tid}`)) continue;
    const url = event.args?.fileName ?? event.args?.data?.url ?? '';
    // Only an extension's scripts: a page script of the same name is not ours.
    if (!/^(chrome|moz)-extension:\/\//.test(url)) continue;
    const script = CONTENT_SCRIPTS.find((name) => url.endsWith(`/${name}`));
    if (script) times[script].push(event.tdur ?? 0);
  }
  return times;
}
