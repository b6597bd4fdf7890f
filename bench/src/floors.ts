/**
 * The floor: what any extension of OneSocket's shape costs a page before it runs a line of its
 * own code. Four headless Chromiums side by side: none, the two floor extensions of
 * bench/floors (`empty`: both content scripts and the worker do nothing; `listener`: the least
 * a socket observer can do, one `message` listener per socket and a wrapped `send`) and
 * OneSocket. A measure runs once per variant per rep, in a rotating order, so no variant always
 * runs first or last; a cost is the median of the reps' paired differences, with their range.
 */
import path from 'node:path';
import { launchBenchBrowser, type BenchBrowser } from './browsers';
import { median, round } from './stats';

export const FLOOR_VARIANTS = ['none', 'floor-empty', 'floor-listener', 'onesocket'] as const;
export type FloorVariant = (typeof FLOOR_VARIANTS)[number];

const FLOORS_DIR = path.resolve(import.meta.dirname, '../floors');

export type FloorBrowsers = Map<FloorVariant, BenchBrowser>;

/** An unpacked extension by name: `floor-empty` and `floor-listener` are bench/floors', anything else a directory. */
export function extensionDir(build: string): string {
  return build.startsWith('floor-') ? path.join(FLOORS_DIR, build.slice('floor-'.length)) : path.resolve(build);
}

export async function launchFloorBrowsers(distDir: string): Promise<FloorBrowsers> {
  const browsers: FloorBrowsers = new Map();
  for (const variant of FLOOR_VARIANTS) {
    const withExtension = variant !== 'none';
    const variantDir = variant === 'onesocket' || variant === 'none' ? distDir : extensionDir(variant);
    browsers.set(variant, await launchBenchBrowser({ distDir: variantDir, withExtension }));
  }
  return browsers;
}

export async function closeFloorBrowsers(browsers: FloorBrowsers): Promise<void> {
  for (const browser of browsers.values()) await browser.close();
}

/** A paired difference: the median over reps of (a − b), and the smallest and largest rep. */
export interface PairedCost {
  median: number;
  min: number;
  max: number;
}

export interface FloorComparison {
  /** The measure per variant, one value per rep, in rep order. */
  perRep: Record<FloorVariant, number[]>;
  overNone: Record<Exclude<FloorVariant, 'none'>, PairedCost>;
  /** OneSocket over the floor that matters for this measure. */
  overFloor: PairedCost;
  floor: Exclude<FloorVariant, 'none' | 'onesocket'>;
}

export function pairedCost(a: readonly number[], b: readonly number[], digits = 3): PairedCost {
  const differences = a.map((value, i) => value - (b[i] ?? Number.NaN));
  return { median: round(median(differences), digits), min: round(Math.min(...differences), digits), max: round(Math.max(...differences), digits) };
}

function comparison(perRep: Record<FloorVariant, number[]>, floor: FloorComparison['floor'], digits: number): FloorComparison {
  return {
    perRep: Object.fromEntries(FLOOR_VARIANTS.map((variant) => [variant, perRep[variant].map((value) => round(value, digits))])) as Record<FloorVariant, number[]>,
    overNone: {
      'floor-empty': pairedCost(perRep['floor-empty'], perRep.none, digits),
      'floor-listener': pairedCost(perRep['floor-listener'], perRep.none, digits),
      onesocket: pairedCost(perRep.onesocket, perRep.none, digits),
    },
    overFloor: pairedCost(perRep.onesocket, perRep[floor], digits),
    floor,
  };
}

/** One variant's part of a rep: a page set up once, then measured round after round. */
export interface FloorSession<Metric extends string> {
  /** One round's measure, one value per metric. */
  round(index: number): Promise<Record<Metric, number>>;
  close(): Promise<void>;
}

/**
 * Each rep opens a session in every browser, then runs `rounds` rounds; a round measures each
 * browser once, in an order that rotates every round, so a slow spell of the machine (they last
 * seconds here) falls on every variant alike rather than on one. A rep's value per variant is
 * the median of its rounds. Each metric (Chromium's task time, CPU time…) is paired the same
 * way: every variant's reps with no extension's, and OneSocket's with `floor`'s.
 */
export async function compareWithFloors<Metric extends string>(
  browsers: FloorBrowsers,
  { reps, rounds, floor, metrics, digits = 3 }: { reps: number; rounds: number; floor: FloorComparison['floor']; metrics: readonly Metric[]; digits?: number },
  open: (browser: BenchBrowser, variant: FloorVariant, rep: number) => Promise<FloorSession<Metric>>,
  log: (line: string) => void,
): Promise<Record<Metric, FloorComparison>> {
  const perRep = new Map<Metric, Record<FloorVariant, number[]>>(metrics.map((metric) => [metric, { none: [], 'floor-empty': [], 'floor-listener': [], onesocket: [] }]));
  for (let rep = 0; rep < reps; rep++) {
    const sessions = new Map<FloorVariant, FloorSession<Metric>>();
    const byRound = new Map<Metric, Record<FloorVariant, number[]>>(metrics.map((metric) => [metric, { none: [], 'floor-empty': [], 'floor-listener': [], onesocket: [] }]));
    try {
      for (const variant of FLOOR_VARIANTS) sessions.set(variant, await open(browsers.get(variant) as BenchBrowser, variant, rep));
      for (let index = 0; index < rounds; index++) {
        const shift = rep + index;
        for (let i = 0; i < FLOOR_VARIANTS.length; i++) {
          const variant = FLOOR_VARIANTS[(i + shift) % FLOOR_VARIANTS.length] as FloorVariant;
          const values = await (sessions.get(variant) as FloorSession<Metric>).round(index);
          for (const metric of metrics) byRound.get(metric)?.[variant].push(values[metric]);
        }
      }
    } finally {
      for (const session of sessions.values()) await session.close();
    }
    for (const metric of metrics) {
      const values = perRep.get(metric) as Record<FloorVariant, number[]>;
      for (const variant of FLOOR_VARIANTS) values[variant].push(median(byRound.get(metric)?.[variant] ?? []));
      log(`  rep ${rep + 1}/${reps} ${metric}: ${FLOOR_VARIANTS.map((variant) => `${variant} ${round(values[variant].at(-1) ?? 0, digits)}`).join(', ')}`);
    }
  }
  return Object.fromEntries(metrics.map((metric) => [metric, comparison(perRep.get(metric) as Record<FloorVariant, number[]>, floor, digits)])) as Record<Metric, FloorComparison>;
}
