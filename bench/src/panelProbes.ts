/**
 * Probes that run inside the OneSocket panel page (standalone mode, `panel.html?tabId=N`),
 * passed to page.evaluate: self-contained, no imports. They find things by the panel's public
 * surface only (the table named Connections, its column headers, cell text and titles), so a
 * panel rewrite that keeps the panel's accessible names (README) keeps them working.
 */

/** Watches pending in the panel page, by key. */
type ProbeWindow = Window & { onesocketProbe?: { pending: Map<string, Promise<number>> } };

/**
 * Starts watching for a row of the Connections table that mentions `marker` (in its text or a
 * cell's title, where the full URL is). The wall clock at the DOM mutation that made it appear
 * is collected by `awaitWatch(marker)`.
 */
export function watchForRow(marker: string): void {
  const state = (window as ProbeWindow).onesocketProbe ?? { pending: new Map<string, Promise<number>>() };
  (window as ProbeWindow).onesocketProbe = state;
  const present = (): boolean => {
    const rows = document.querySelectorAll('table[aria-label="Connections"] tbody tr');
    for (const row of rows) {
      if (row.textContent?.includes(marker)) return true;
      for (const cell of row.querySelectorAll('[title]')) if (cell.getAttribute('title')?.includes(marker)) return true;
    }
    return false;
  };
  state.pending.set(
    marker,
    new Promise<number>((resolve) => {
      if (present()) return resolve(Date.now());
      const observer = new MutationObserver(() => {
        if (!present()) return;
        const at = Date.now();
        observer.disconnect();
        resolve(at);
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    }),
  );
}

/**
 * Starts watching the "Msgs" cell of the row that mentions `marker` until it reads `sent / …`
 * (messages sent, then received). Collected by `awaitWatch(key)`.
 */
export function watchForSentCount({ marker, sent, key }: { marker: string; sent: number; key: string }): void {
  const state = (window as ProbeWindow).onesocketProbe ?? { pending: new Map<string, Promise<number>>() };
  (window as ProbeWindow).onesocketProbe = state;
  const table = document.querySelector('table[aria-label="Connections"]');
  const headers = [...(table?.querySelectorAll('thead th') ?? [])];
  const column = headers.findIndex((th) => th.textContent?.trim().startsWith('Msgs'));
  if (column < 0) throw new Error('the Connections table has no "Msgs" column');
  const counted = (): boolean => {
    for (const row of document.querySelectorAll<HTMLTableRowElement>('table[aria-label="Connections"] tbody tr')) {
      const mentions = row.textContent?.includes(marker) || [...row.querySelectorAll('[title]')].some((cell) => cell.getAttribute('title')?.includes(marker));
      if (!mentions) continue;
      const text = row.cells[column]?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      return text.startsWith(`${sent} /`);
    }
    return false;
  };
  state.pending.set(
    key,
    new Promise<number>((resolve) => {
      if (counted()) return resolve(Date.now());
      const observer = new MutationObserver(() => {
        if (!counted()) return;
        const at = Date.now();
        observer.disconnect();
        resolve(at);
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    }),
  );
}

/** The wall clock at which the watch `key` was satisfied (rejects after `timeoutMs`). */
export function awaitWatch({ key, timeoutMs }: { key: string; timeoutMs: number }): Promise<number> {
  const pending = (window as ProbeWindow).onesocketProbe?.pending.get(key);
  if (!pending) return Promise.reject(new Error(`no watch ${key}`));
  return Promise.race([
    pending.finally(() => (window as ProbeWindow).onesocketProbe?.pending.delete(key)),
    new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`panel did not show ${key} within ${timeoutMs} ms`)), timeoutMs)),
  ]);
}

/** True while no row of the table mentions `text` (after Clear). */
export function noRowMentions(text: string): boolean {
  for (const row of document.querySelectorAll('table[aria-label="Connections"] tbody tr')) {
    if (row.textContent?.includes(text)) return false;
    for (const cell of row.querySelectorAll('[title]')) if (cell.getAttribute('title')?.includes(text)) return false;
  }
  return true;
}

/**
 * Times every keystroke from its event timestamp (when the browser took the key) to just after
 * the next frame was painted: rAF runs before paint, a message posted from it runs after. This is
 * what Interaction to Next Paint measures, with 0.1 ms resolution instead of 8 ms.
 */
export function installKeystrokeTimer(): void {
  const win = window as Window & { onesocketKeystrokes?: number[] };
  if (win.onesocketKeystrokes) return;
  const samples: number[] = [];
  win.onesocketKeystrokes = samples;
  document.addEventListener(
    'keydown',
    (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => samples.push(performance.now() - start);
        channel.port2.postMessage(null);
      });
    },
    { capture: true },
  );
}

/** Takes the keystroke samples collected so far. */
export function takeKeystrokeSamples(): number[] {
  const samples = (window as Window & { onesocketKeystrokes?: number[] }).onesocketKeystrokes ?? [];
  return samples.splice(0, samples.length);
}

/** Rows the table says it has: aria-rowcount (header included) when windowed, else body rows. */
export function connectionRowCount(): number {
  const table = document.querySelector('table[aria-label="Connections"]');
  if (!table) return 0;
  const declared = table.getAttribute('aria-rowcount');
  if (declared !== null) return Number(declared) - 1;
  return table.querySelectorAll('tbody tr:not([aria-hidden="true"])').length;
}

export interface WorkerCounts {
  sockets: number;
  messages: number;
  droppedEvents: number;
  /** Active findings by rule id. */
  findings: Record<string, number>;
}

/**
 * The tab's record as the worker holds it in memory, read through the panel protocol (one
 * subscription, one snapshot, then the port is closed): sockets, frames counted, events dropped.
 */
export function workerCountsViaPanelPort({ tabId, portName, version }: { tabId: number; portName: string; version: number }): Promise<WorkerCounts> {
  return new Promise((resolve, reject) => {
    const port = chrome.runtime.connect({ name: portName });
    const timer = setTimeout(() => {
      port.disconnect();
      reject(new Error('no snapshot from the worker within 10 s'));
    }, 10_000);
    type Snapshot = {
      sockets: Record<string, { messagesSent: number; messagesReceived: number }>;
      droppedEvents: number;
      findings: Array<{ rule: string; active: boolean }>;
    };
    port.onMessage.addListener((message: { kind?: string; tab?: { state: Snapshot } }) => {
      if (message.kind !== 'snapshot' || !message.tab) return;
      clearTimeout(timer);
      port.disconnect();
      const sockets = Object.values(message.tab.state.sockets);
      let messages = 0;
      for (const socket of sockets) messages += socket.messagesSent + socket.messagesReceived;
      const findings: Record<string, number> = {};
      for (const finding of message.tab.state.findings) if (finding.active) findings[finding.rule] = (findings[finding.rule] ?? 0) + 1;
      resolve({ sockets: sockets.length, messages, droppedEvents: message.tab.state.droppedEvents, findings });
    });
    port.postMessage({ kind: 'subscribe', version, tabId });
  });
}
