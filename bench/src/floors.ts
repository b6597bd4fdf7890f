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

export async function launchFloorBrowsers(distDir: string): Promise<FloorBrowsers> {
  const browsers: FloorBrowsers = new Map();
  for (const variant of FLOOR_VARIANTS) {
    const withExtension = variant !== 'none';
    const variantDir = variant === 'onesocket' || variant === 'none' ? distDir : path.join(FLOORS_DIR, variant.replace('floor-', ''));
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

/**
 * Runs `measure` `reps` times per variant, interleaved. `measure` returns one value per metric
 * (Chromium's task time, CPU time…); each metric is paired the same way: every variant's reps
 * with no extension's, and OneSocket's with `floor`'s.
 */
export async function compareWithFloors<Metric extends string>(
  browsers: FloorBrowsers,
  { reps, floor, metrics, digits = 3 }: { reps: number; floor: FloorComparison['floor']; metrics: readonly Metric[]; digits?: number },
  measure: (browser: BenchBrowser, variant: FloorVariant, rep: number) => Promise<Record<Metric, number>>,
  log: (line: string) => void,
): Promise<Record<Metric, FloorComparison>> {
  const perRep = new Map<Metric, Record<FloorVariant, number[]>>(metrics.map((metric) => [metric, { none: [], 'floor-empty': [], 'floor-listener': [], onesocket: [] }]));
  for (let rep = 0; rep < reps; rep++) {
    const order = FLOOR_VARIANTS.map((_, i) => FLOOR_VARIANTS[(i + rep) % FLOOR_VARIANTS.length] as FloorVariant);
    for (const variant of order) {
      const values = await measure(browsers.get(variant) as BenchBrowser, variant, rep);
      for (const metric of metrics) perRep.get(metric)?.[variant].push(values[metric]);
    }
    for (const metric of metrics) {
      const values = perRep.get(metric) as Record<FloorVariant, number[]>;
      log(`  rep ${rep + 1}/${reps} ${metric}: ${FLOOR_VARIANTS.map((variant) => `${variant} ${round(values[variant].at(-1) ?? 0, digits)}`).join(', ')}`);
    }
  }
  return Object.fromEntries(metrics.map((metric) => [metric, comparison(perRep.get(metric) as Record<FloorVariant, number[]>, floor, digits)])) as Record<Metric, FloorComparison>;
}
