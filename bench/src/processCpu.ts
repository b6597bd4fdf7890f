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

const CLOCK_TICKS_PER_SECOND = 100;

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
export async function browserCpu(profileDir: string): Promise<CpuByKind | null> {
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const totals: CpuByKind = { page: 0, extension: 0, browser: 0, other: 0 };
  await Promise.all(
    pids.map(async (pid) => {
      try {
        // Chromium's child processes rewrite their title: one space-joined string, no NULs.
        const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split(/[\0 ]/);
        if (!cmdline.some((arg) => arg === `--user-data-dir=${profileDir}`)) return;
        // Fields after the command name (which may hold spaces) start after the last ')'.
        const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15)
        totals[kindOf(cmdline)] += (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
      } catch {
        // The process ended while we looked.
      }
    }),
  );
  return totals;
}

export function cpuDelta(before: CpuByKind, after: CpuByKind): CpuByKind {
  return { page: after.page - before.page, extension: after.extension - before.extension, browser: after.browser - before.browser, other: after.other - before.other };
}
