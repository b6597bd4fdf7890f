import type { BenchContext } from '../benchContext';
import { exchangeInPage, type ExchangeArgs } from '../pageWorkloads';
import { compareInterleaved, type Comparison } from './interleaved';

export interface HookOverheadResult {
  small: Comparison & { messages: number; bytes: number };
  large: Comparison & { messages: number; bytes: number };
}

/**
 * What the hook costs the page: echo exchanges of small and of large messages over one socket,
 * with and without the extension. Everything the extension does in the page's renderer (the
 * hook's wrappers and previews, the batch dispatch, the isolated relay's parse, schema check and
 * port post) lands on the page's main thread and so in these times.
 */
export async function measureHookOverhead(context: BenchContext): Promise<HookOverheadResult> {
  const runs = context.quick ? 2 : 5;
  const url = `${context.server.wsOrigin}/echo`;
  const small: Omit<ExchangeArgs, 'url'> = { messages: context.quick ? 10_000 : 50_000, size: 100, inFlight: 100 };
  const large: Omit<ExchangeArgs, 'url'> = { messages: context.quick ? 400 : 2_000, size: 64 * 1024, inFlight: 8 };
  const compare = async (label: string, args: Omit<ExchangeArgs, 'url'>) => ({
    ...(await compareInterleaved(context, label, runs, (page) => page.evaluate(exchangeInPage, { url, ...args }))),
    messages: args.messages,
    bytes: args.size,
  });
  return { small: await compare('small messages', small), large: await compare('large messages', large) };
}
