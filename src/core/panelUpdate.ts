import type { PROTOCOL_VERSION } from './wire/constants';
import type { TabChanges } from './tabChanges';
import type { CrossTabTally } from './tally';
import type { Settings, TabView } from './types';

/**
 * Worker -> panel (and popup), over a PORT_PANEL port. Not a wire schema: the worker is trusted
 * and these carry the core's own records, so they are typed, not validated.
 *
 * A panel that subscribes to a tab gets one `snapshot` (again after a reconnect, and whenever the
 * settings change, since redaction changes how everything is shown), then only `changes`, each
 * the difference from what it was sent before (core/tabChanges). Both are redacted while
 * redaction is on.
 */
export type PanelUpdate =
  | { kind: 'snapshot'; version: typeof PROTOCOL_VERSION; tab: TabView }
  | { kind: 'changes'; version: typeof PROTOCOL_VERSION; tabId: number; changes: TabChanges; now: number }
  | { kind: 'tally'; version: typeof PROTOCOL_VERSION; tally: CrossTabTally; settings: Settings };
