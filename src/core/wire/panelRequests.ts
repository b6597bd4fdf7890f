import * as v from 'valibot';
import { PROTOCOL_VERSION } from './constants';

/** Panel (and popup) -> worker, over a PORT_PANEL port. */
const version = v.literal(PROTOCOL_VERSION);
const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));

export const panelRequestSchema = v.variant('kind', [
  /** Send this tab's record now, then every change to it until the port closes. */
  v.strictObject({ kind: v.literal('subscribe'), version, tabId }),
  v.strictObject({ kind: v.literal('clear'), version, tabId }),
  v.strictObject({ kind: v.literal('set-preserve-log'), version, tabId, value: v.boolean() }),
  /** Every tab's tally (per tab, per user across tabs), now and after every change until the port closes. */
  v.strictObject({ kind: v.literal('subscribe-tally'), version }),
]);
export type PanelRequest = v.InferOutput<typeof panelRequestSchema>;
