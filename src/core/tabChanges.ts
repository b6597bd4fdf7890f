import type { Finding, SocketRecord, TabState, TabView } from './types';

/** Everything in a tab's record besides its sockets and findings: pages, Preserve log, counters. */
export type TabMeta = Omit<TabState, 'sockets' | 'socketOrder' | 'findings'>;

/** How a keyed collection (sockets, findings) changed between two states of a tab. */
export interface CollectionChanges<T> {
  /** Entries that are new or changed, whole, in the collection's order. */
  upserted: T[];
  /** Ids of entries that are gone. */
  removed: string[];
  /**
   * The full order of ids, sent only when it is not what the receiver infers: the previous order
   * without `removed`, then the new ids of `upserted` in the order given.
   */
  order?: string[];
}

/**
 * What changed in a tab's record between two states; a part left out did not change. It is
 * found by reference, never by comparing fields: the reducer (core/tabState) and the findings
 * (core/findings) share every object that did not change, so a changed socket, finding or
 * top-level value is a new object. A field added to a record travels with it, with no list to
 * update here.
 */
export interface TabChanges {
  sockets?: CollectionChanges<SocketRecord>;
  findings?: CollectionChanges<Finding>;
  /** Only the top-level values of the rest of the record that changed. */
  meta?: Partial<TabMeta>;
}

interface Keyed<T> {
  get(id: string): T | undefined;
  has(id: string): boolean;
  ids: readonly string[];
}

function keyedSockets(state: TabState): Keyed<SocketRecord> {
  return { get: (id) => state.sockets[id], has: (id) => id in state.sockets, ids: state.socketOrder };
}

function keyedFindings(findings: readonly Finding[]): Keyed<Finding> {
  const byId = new Map(findings.map((finding) => [finding.id, finding]));
  return { get: (id) => byId.get(id), has: (id) => byId.has(id), ids: findings.map((finding) => finding.id) };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** The order a receiver infers from the previous order and a change without an explicit order. */
function inferredOrder(previous: readonly string[], removed: ReadonlySet<string>, added: readonly string[]): string[] {
  return [...previous.filter((id) => !removed.has(id)), ...added];
}

function collectionChanges<T>(before: Keyed<T>, after: Keyed<T>): CollectionChanges<T> | undefined {
  const upserted: T[] = [];
  const added: string[] = [];
  for (const id of after.ids) {
    const entry = after.get(id);
    if (entry === undefined || entry === before.get(id)) continue;
    upserted.push(entry);
    if (!before.has(id)) added.push(id);
  }
  const removed = before.ids.filter((id) => !after.has(id));
  const orderKept = before.ids === after.ids && removed.length === 0 && added.length === 0;
  const order = orderKept || sameIds(inferredOrder(before.ids, new Set(removed), added), after.ids) ? undefined : [...after.ids];
  if (upserted.length === 0 && removed.length === 0 && order === undefined) return undefined;
  return order === undefined ? { upserted, removed } : { upserted, removed, order };
}

function metaOf(state: TabState): TabMeta {
  const { sockets: _sockets, socketOrder: _order, findings: _findings, ...meta } = state;
  return meta;
}

function metaChanges(before: TabState, after: TabState): Partial<TabMeta> | undefined {
  const previous: Record<string, unknown> = metaOf(before);
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metaOf(after))) if (previous[key] !== value) changed[key] = value;
  return Object.keys(changed).length > 0 ? (changed as Partial<TabMeta>) : undefined;
}

/** What changed from `before` to `after` (two states of one tab); null when nothing did. */
export function tabChanges(before: TabState, after: TabState): TabChanges | null {
  if (before === after) return null;
  const changes: TabChanges = {};
  const sockets = before.sockets === after.sockets && before.socketOrder === after.socketOrder ? undefined : collectionChanges(keyedSockets(before), keyedSockets(after));
  const findings = before.findings === after.findings ? undefined : collectionChanges(keyedFindings(before.findings), keyedFindings(after.findings));
  const meta = metaChanges(before, after);
  if (sockets) changes.sockets = sockets;
  if (findings) changes.findings = findings;
  if (meta) changes.meta = meta;
  return sockets || findings || meta ? changes : null;
}

function applyCollection<T>(previous: Keyed<T>, changes: CollectionChanges<T>, idOf: (entry: T) => string): { entries: Map<string, T>; order: string[] } {
  const entries = new Map<string, T>();
  for (const id of previous.ids) {
    const entry = previous.get(id);
    if (entry !== undefined) entries.set(id, entry);
  }
  for (const id of changes.removed) entries.delete(id);
  const added: string[] = [];
  for (const entry of changes.upserted) {
    const id = idOf(entry);
    if (!previous.has(id)) added.push(id);
    entries.set(id, entry);
  }
  return { entries, order: changes.order ?? inferredOrder(previous.ids, new Set(changes.removed), added) };
}

/**
 * The panel's side: the view with `changes` applied. Whatever the changes leave alone keeps its
 * object, so a memoised row or a computed signal that reads it does not run again.
 */
export function applyTabChanges(view: TabView, changes: TabChanges, now: number): TabView {
  let state = view.state;
  if (changes.sockets) {
    const { entries, order } = applyCollection(keyedSockets(state), changes.sockets, (socket) => socket.id);
    const sockets: TabState['sockets'] = {};
    for (const id of order) {
      const socket = entries.get(id);
      if (socket !== undefined) sockets[id] = socket;
    }
    state = { ...state, sockets, socketOrder: sameIds(order, state.socketOrder) ? state.socketOrder : order };
  }
  if (changes.findings) {
    const { entries, order } = applyCollection(keyedFindings(state.findings), changes.findings, (finding) => finding.id);
    state = { ...state, findings: order.map((id) => entries.get(id)).filter((finding): finding is Finding => finding !== undefined) };
  }
  if (changes.meta) state = { ...state, ...changes.meta };
  return { ...view, state, now };
}
