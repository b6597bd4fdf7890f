/**
 * V8 CPU profiles (CDP Profiler domain), read per script: whose code a page's main thread ran.
 * A sample in a native function (no script of its own: `JSON.stringify`, a DOM getter) counts
 * for the script that called it, so an extension's share includes the built-ins it uses; but
 * the native `send` is the page's, even when a wrapper of the extension's passes the call on.
 * V8's own entries stay apart: "(garbage collector)", "(program)" (the browser's native work on
 * the thread, outside any script), "(idle)".
 */
import type { CDPSession } from '@playwright/test';

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Sampling interval, µs: fine enough for thousands of samples in a round of a few hundred ms. */
const SAMPLING_INTERVAL_US = 100;

const GARBAGE_COLLECTOR = '(garbage collector)';

/** The script a node's time counts for: an extension script by its file name, the page's as "page". */
function scriptOfFrame({ url, functionName }: CpuProfileNode['callFrame']): string | null {
  if (url.startsWith('chrome-extension://') || url.startsWith('moz-extension://')) return url.replace(/^.*\//, '');
  if (url) return 'page';
  // The native send under a wrapper of `send` is the page's own call passing through.
  if (functionName === 'send') return 'page';
  // Code the page evaluated (no URL), or a native called by nothing above it.
  if (functionName === '(root)') return 'page (no script)';
  return functionName.startsWith('(') ? functionName : null;
}

/** Self time per function (name, file, line and column), ms, largest first. */
export function selfTimeByFunction(profile: CpuProfile): Array<[string, number]> {
  const byNode = new Map<number, number>();
  profile.samples.forEach((nodeId, i) => byNode.set(nodeId, (byNode.get(nodeId) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const where = url ? `${url.replace(/^.*\//, '')}:${lineNumber + 1}:${columnNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + (byNode.get(node.id) ?? 0));
  }
  return [...byFunction].sort((a, b) => b[1] - a[1]);
}

/** Self time per script, ms (see the module comment for natives), largest first. */
export function selfTimeByScript(profile: CpuProfile): Array<[string, number]> {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const scriptOf = new Map<number, string>();
  const resolve = (id: number): string => {
    const known = scriptOf.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    const parent = parentOf.get(id);
    const own = node ? scriptOfFrame(node.callFrame) : '?';
    const script = own ?? (parent === undefined ? 'page (no script)' : resolve(parent));
    scriptOf.set(id, script);
    return script;
  };
  const byScript = new Map<string, number>();
  profile.samples.forEach((nodeId, i) => {
    const script = resolve(nodeId);
    byScript.set(script, (byScript.get(script) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...byScript].sort((a, b) => b[1] - a[1]);
}

/**
 * Time an extension's own code took, ms: its scripts with the built-ins they called, and the
 * garbage collector's time (counted against whoever is profiled, the worst case for them).
 */
export function extensionTimeMs(profile: CpuProfile): number {
  let total = 0;
  for (const [script, ms] of selfTimeByScript(profile)) if (script.endsWith('.js') || script === GARBAGE_COLLECTOR) total += ms;
  return total;
}

export async function startProfiler(session: CDPSession): Promise<void> {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await session.send('Profiler.start');
}

export async function stopProfiler(session: CDPSession): Promise<CpuProfile> {
  const { profile } = await session.send('Profiler.stop');
  return profile as unknown as CpuProfile;
}
