import type { PROTOCOL_VERSION } from './wire/constants';
import type { CrossTabTally } from './tally';
import type { Settings, TabView } from './types';

/**
 * Worker -> panel (and popup), over a PORT_PANEL port. Not a wire schema: the worker is trusted
 * and these carry the core's own records, so they are typed, not validated.
 */
export type PanelUpdate =
  | { kind: 'snapshot'; version: typeof PROTOCOL_VERSION; tab: TabView }
  | { kind: 'tally'; version: typeof PROTOCOL_VERSION; tally: CrossTabTally; settings: Settings };
