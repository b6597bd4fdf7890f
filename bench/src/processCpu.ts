import { readdir, readFile } from 'node:fs/promises';

/** CPU time (user + system, ms) of one browser's processes, by kind. */
export interface CpuByKind {
  /** Web page renderers (the measured page; the extension's hook and relay run in it). */
  page: number;
  /** The extension's own process: its service worker (and the panel, when open). */
  extension: number;
  /** The browser process: it routes every extension message between processes. */
  browser: number;
  /** Network service, GPU and other helpers. */
  other: number;
}

/**
 * A CpuByKind with the same time split by thread, keyed `kind:thread` (`page:main`,
 * `browser:Chrome_IOThread`, `extension:ServiceWorker t`…; numbered names such as thread
 * pool workers are summed). The split tells which piece of the browser an extension's cost
 * lands on: the browser process's main thread holds storage.session and routes extension
 * events, its IO thread carries messages (bench/README.md).
 */
export interface CpuSample extends CpuByKind {
  threads: Record<string, number>;
  /**
   * Each page renderer's main thread, by process id, in ms at nanosecond precision (schedstat):
   * a delta over the processes alive at both samples is not skewed by a renderer that exited.
   */
  pageMainByPid?: Record<string, number>;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime of a /proc stat line, in ms. Fields after the command name (which may hold spaces) start after the last ')'. */
function cpuMsOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND; // fields 14, 15
}

async function addThreads(pid: string, kind: keyof CpuByKind, threads: Record<string, number>): Promise<void> {
  for (const tid of await readdir(`/proc/${pid}/task`)) {
    const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const name = tid === pid ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '');
    const key = `${kind}:${name}`;
    threads[key] = (threads[key] ?? 0) + cpuMsOf(stat);
  }
}

function kindOf(cmdline: string[]): keyof CpuByKind {
  const type = cmdline.find((arg) => arg.startsWith('--type='))?.slice('--type='.length);
  if (type === undefined) return 'browser';
  if (type === 'renderer') return cmdline.includes('--extension-process') ? 'extension' : 'page';
  return 'other';
}

/**
 * Sums the CPU time every process of the Chromium using `profileDir` has used so far, read from
 * /proc (Linux). CPU time, unlike wall time, barely moves when other jobs share the machine, so
 * its with/without ratio is the steadier measure of what the extension costs. Returns null where
 * /proc is not available.
 */
export async function browserCpu(profileDir: string): Promise<CpuSample | null> {
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const totals: CpuSample = { page: 0, extension: 0, browser: 0, other: 0, threads: {} };
  await Promise.all(
    pids.map(async (pid) => {
      try {
        // Chromium's child processes rewrite their title: one space-joined string, no NULs.
        const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split(/[\0 ]/);
        if (!cmdline.some((arg) => arg === `--user-data-dir=${profileDir}`)) return;
        const kind = kindOf(cmdline);
        // Read before adding: `totals[kind] += await …` would add to a total read before the
        // await, and the processes are read concurrently.
        const used = cpuMsOf(await readFile(`/proc/${pid}/stat`, 'utf8'));
        totals[kind] += used;
        await addThreads(pid, kind, totals.threads);
        if (kind === 'page') (totals.pageMainByPid ??= {})[pid] = await scheduledMs(pid);
      } catch {
        // The process ended while we looked.
      }
    }),
  );
  return totals;
}

/** Time the process's main thread spent on a CPU, in ms, from its schedstat (nanoseconds). */
async function scheduledMs(pid: string): Promise<number> {
  const schedstat = await readFile(`/proc/${pid}/task/${pid}/schedstat`, 'utf8');
  return Number(schedstat.split(' ')[0]) / 1e6;
}

/** CPU time of the page renderers' main threads between two samples, over the renderers alive at both. */
export function pageMainCpuDelta(before: CpuSample, after: CpuSample): number {
  let used = 0;
  for (const [pid, ms] of Object.entries(after.pageMainByPid ?? {})) {
    const earlier = before.pageMainByPid?.[pid];
    if (earlier !== undefined) used += ms - earlier;
  }
  return used;
}

/** What was used between two samples; threads that used under 10 ms (one clock tick) are left out. */
export function cpuDelta(before: CpuSample, after: CpuSample): CpuSample {
  const threads: Record<string, number> = {};
  for (const [key, ms] of Object.entries(after.threads)) {
    const used = ms - (before.threads[key] ?? 0);
    if (used >= 10) threads[key] = used;
  }
  return { page: after.page - before.page, extension: after.extension - before.extension, browser: after.browser - before.browser, other: after.other - before.other, threads };
}
