import type { BenchContext } from '../benchContext';
import { churnInPage } from '../pageWorkloads';
import { compareInterleaved, type Comparison } from './interleaved';

export type ChurnResult = Comparison & { sockets: number; lanes: number };

/** What the hook costs a page that opens and closes many sockets (reconnect storms, polling). */
export async function measureChurn(context: BenchContext): Promise<ChurnResult> {
  const sockets = context.quick ? 400 : 2_000;
  const lanes = 10;
  const url = `${context.server.wsOrigin}/churn`;
  // Chromium paces new WebSocket connections (about 12 ms each here, with or without us), so a
  // run takes ~25 s: three pairs keep the whole bench within ten minutes.
  const comparison = await compareInterleaved(context, 'churn', context.quick ? 2 : 3, (page) => page.evaluate(churnInPage, { url, sockets, lanes }));
  return { ...comparison, sockets, lanes };
}
