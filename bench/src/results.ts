import type { BundleSizes } from './bundleSizes';
import type { FloorComparison, PairedCost } from './floors';
import type { ChurnResult } from './scenarios/churn';
import type { HookOverheadResult } from './scenarios/hookOverhead';
import type { Comparison } from './scenarios/interleaved';
import type { LatencyResult } from './scenarios/latency';
import type { PerDocumentResult } from './scenarios/perDocument';
import type { PerFrameResult } from './scenarios/perFrame';
import type { ScaleResult } from './scenarios/scale';
import { round } from './stats';

export interface LoadSample {
  /** 1-minute load average of the machine (other processes included). */
  load1: number;
  at: string;
}

export interface BenchResults {
  format: 'onesocket-bench';
  version: 1;
  createdAt: string;
  quick: boolean;
  machine: { cpus: number; cpuModel: string; memoryBytes: number; node: string; chromium: string };
  commit: { sha: string; dirty: boolean };
  /** Load average before and after each scenario: above the core count, figures are suspect. */
  load: Record<string, { before: LoadSample; after: LoadSample }>;
  durationMs: number;
  /** The content scripts every watched document loads. */
  bundle: BundleSizes;
  perDocument?: PerDocumentResult;
  perFrame?: PerFrameResult;
  hookOverhead?: HookOverheadResult;
  churn?: ChurnResult;
  latency?: LatencyResult;
  scale?: ScaleResult;
}

interface Row {
  measure: string;
  result: string;
  target: string;
  met: boolean | null;
}

const ms = (value: number): string => `${round(value)} ms`;
const mb = (bytes: number): string => `${round(bytes / 1024 / 1024)} MB`;
const ratio = (value: number): string => `×${value.toFixed(3)}`;

function comparisonRow(measure: string, comparison: Comparison, maxRatio: number | null): Row {
  const pairs = comparison.pairRatios;
  return {
    measure,
    result:
      `${ms(comparison.withExtension.time.median)} vs ${ms(comparison.withoutExtension.time.median)}: ${ratio(comparison.ratio)} ` +
      `(${pairs.length} pairs ${ratio(Math.min(...pairs))}–${ratio(Math.max(...pairs))}; CPU ${comparison.cpuRatio === null ? 'n/a' : ratio(comparison.cpuRatio)})`,
    target: maxRatio === null ? '—' : `≤ ${ratio(maxRatio)}`,
    met: maxRatio === null ? null : comparison.ratio <= maxRatio,
  };
}

const cost = (value: PairedCost, unit: string, digits: number): string =>
  `${value.median >= 0 ? '+' : ''}${value.median.toFixed(digits)} ${unit} (reps ${value.min.toFixed(digits)} … ${value.max.toFixed(digits)})`;

/** One row per floor comparison: OneSocket's cost over no extension, over each floor, and the target. */
function floorRow(measure: string, comparison: FloorComparison, unit: string, digits: number, target: number): Row {
  const { overNone, perRep } = comparison;
  const other = comparison.floor === 'floor-empty' ? 'floor-listener' : 'floor-empty';
  // Not paired with OneSocket rep by rep: the difference of the two costs over no extension.
  const overOther = overNone.onesocket.median - overNone[other].median;
  return {
    measure: `${measure} (${perRep.none.length} reps)`,
    result:
      `OneSocket over ${comparison.floor}: **${cost(comparison.overFloor, unit, digits)}**; over ${other}: ${overOther >= 0 ? '+' : ''}${overOther.toFixed(digits)} ${unit} (difference of medians); ` +
      `over no extension: OneSocket ${cost(overNone.onesocket, unit, digits)}, floor-empty ${cost(overNone['floor-empty'], unit, digits)}, floor-listener ${cost(overNone['floor-listener'], unit, digits)}`,
    target: `≤ +${target} ${unit} over ${comparison.floor}`,
    met: comparison.overFloor.median <= target,
  };
}

const kb = (bytes: number): string => `${round(bytes / 1024)} KB`;

/** The figures as rows, each with its target from the issue where it has one. */
function rows(results: BenchResults): Row[] {
  const out: Row[] = [];
  const { hookOverhead, churn, latency, scale, perDocument, perFrame, bundle } = results;
  out.push({
    measure: 'Content scripts loaded by every watched document',
    result: `hook ${kb(bundle.hook.bytes)} (${kb(bundle.hook.gzipBytes)} gzipped), relay ${kb(bundle.relay.bytes)} (${kb(bundle.relay.gzipBytes)} gzipped)`,
    target: '—',
    met: null,
  });
  if (perDocument) {
    const label = `Per document, page of ${perDocument.documents - 1} iframes × ${perDocument.loads} loads`;
    out.push(floorRow(`${label}: task time`, perDocument.taskTime, 'ms', 2, perDocument.targetMs));
    const measure = `Per document, trace (${perDocument.scriptLoads} loads per rep): the content scripts' own evaluation (hook and relay, thread time, median document)`;
    out.push({ ...floorRow(measure, perDocument.scriptEvaluation, 'µs', 0, perDocument.targetMs * 1000), target: '—', met: null });
  }
  if (perFrame) {
    for (const [label, run] of [
      [`serial echo (${perFrame.serial.messages.toLocaleString('en')} round trips)`, perFrame.serial],
      [`burst (${perFrame.burst.messages.toLocaleString('en')} messages, ${perFrame.burst.inFlight} in flight)`, perFrame.burst],
    ] as const) {
      out.push(floorRow(`Per ${perFrame.bytes} B frame, ${label}: task time`, run.taskTime, 'µs', 2, perFrame.targetUs));
      out.push(floorRow(`Per ${perFrame.bytes} B frame, ${label}: main-thread CPU`, run.pageCpu, 'µs', 2, perFrame.targetUs));
      out.push({ ...floorRow(`Per ${perFrame.bytes} B frame, ${label}: CPU of all the browser's processes`, run.browserCpu, 'µs', 2, perFrame.targetUs), target: '—', met: null });
    }
    if (perFrame.profiled) {
      for (const [label, run] of [
        ['serial echo', perFrame.profiled.serial],
        ['burst', perFrame.profiled.burst],
      ] as const) {
        const measure = `Per ${perFrame.bytes} B frame, ${label} (${run.messages.toLocaleString('en')} messages per rep), V8 profile: the extension's own code (its scripts, the built-ins they call, GC)`;
        out.push(floorRow(measure, run.ownCode, 'µs', 2, perFrame.targetUs));
      }
    }
    const { synthetic } = perFrame;
    const label = `hook's own work, hot (${synthetic.frames.toLocaleString('en')} synthetic frames each way per round)`;
    out.push({ ...floorRow(`Per ${perFrame.bytes} B frame received, ${label}`, synthetic.received, 'µs', 2, perFrame.targetUs), target: '—', met: null });
    out.push({ ...floorRow(`Per ${perFrame.bytes} B frame sent, ${label}`, synthetic.sent, 'µs', 2, perFrame.targetUs), target: '—', met: null });
  }
  if (hookOverhead) {
    const { small, large } = hookOverhead;
    out.push(comparisonRow(`Hook overhead, ${small.messages.toLocaleString('en')} × ${small.bytes} B echoed`, small, 1.03));
    out.push(comparisonRow(`Hook overhead, ${large.messages.toLocaleString('en')} × ${large.bytes / 1024} KB echoed`, large, 1.01));
  }
  if (churn) out.push(comparisonRow(`Churn, ${churn.sockets.toLocaleString('en')} sockets opened and closed`, churn, null));
  if (latency) {
    for (const [measure, summary] of [
      ['Latency, new WebSocket → row in panel', latency.socketToRow],
      ['Latency, send() → counter in panel', latency.messageToCounter],
    ] as const) {
      out.push({
        measure,
        result: `p50 ${ms(summary.p50)}, p95 ${ms(summary.p95)}, max ${ms(summary.max)} (${summary.samples} samples)`,
        target: measure.includes('row') ? 'p95 < 100 ms' : '—',
        met: measure.includes('row') ? summary.p95 < 100 : null,
      });
    }
  }
  if (scale) {
    const label = `${scale.sockets.toLocaleString('en')} sockets, ${scale.frames.toLocaleString('en')} frames`;
    out.push({
      measure: `Scale, ${label}: events kept`,
      result:
        `${scale.counted.sockets} sockets, ${scale.counted.messages} frames, ${scale.counted.droppedEvents} dropped; worker caught up ${ms(scale.catchUpMs)}, ` +
        `panel ${ms(scale.panelCatchUpMs)} after the last echo` +
        (scale.cpu ? `; CPU: page ${ms(scale.cpu.page)}, extension ${ms(scale.cpu.extension)}, browser ${ms(scale.cpu.browser)}` : ''),
      target: 'none dropped',
      met: scale.complete,
    });
    out.push({
      measure: 'Scale: worker heap',
      result: `${mb(scale.workerHeap.retainedBytes)} retained after GC, ${mb(scale.workerHeap.peakBytes)} peak in use`,
      target: '< 64 MB',
      met: scale.workerHeap.retainedBytes < 64 * 1024 * 1024,
    });
    out.push({
      measure: 'Scale: Filter keystroke → next paint',
      result: `p50 ${ms(scale.filterKeystroke.p50)}, p95 ${ms(scale.filterKeystroke.p95)}, max ${ms(scale.filterKeystroke.max)} (${scale.filterKeystroke.samples} keys)`,
      target: '< 50 ms',
      met: scale.filterKeystroke.p95 < 50,
    });
    if (scale.filterDuringBurst) {
      out.push({
        measure: 'Scale: Filter keystroke → next paint, while a burst of sockets arrives',
        result: `p50 ${ms(scale.filterDuringBurst.p50)}, p95 ${ms(scale.filterDuringBurst.p95)}, max ${ms(scale.filterDuringBurst.max)} (${scale.filterDuringBurst.samples} keys)`,
        target: '< 50 ms',
        met: scale.filterDuringBurst.p95 < 50,
      });
    }
  }
  return out;
}

/** The results as a Markdown table (printed, and pasted into the README's Performance section). */
export function resultsTable(results: BenchResults): string {
  const lines = ['| Measure | Result | Target | Met |', '| --- | --- | --- | --- |'];
  for (const row of rows(results)) lines.push(`| ${row.measure} | ${row.result} | ${row.target} | ${row.met === null ? '' : row.met ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}
