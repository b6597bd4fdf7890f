/**
 * Which Stream product a socket serves (docs/identity.md, "Which Stream product"): chat, video
 * or feeds, or null for a socket that is not Stream's. Stream's SDKs never share one socket
 * across products, and each product's server counts a user's connections apart, so every
 * per-user rule counts per user AND product.
 *
 * Three places say it, most specific first: the `products` of the auth frame the client sends
 * (video, feeds, chat v10+), the SDK named by the `X-Stream-Client` query value, the path
 * (`/connect?json=` and the long-poll `/longpoll?json=` are chat v9, `.../video/connect` video). `/api/v2/connect` alone is both
 * feeds and chat v10+, so it decides nothing by itself.
 */
import { asObject } from './jsonPath';
import type { Identity, StreamProduct } from './types';

export const STREAM_PRODUCTS: readonly StreamProduct[] = ['chat', 'video', 'feeds'];

/** How a product is named in a finding's sentence. */
export const PRODUCT_NAMES: Record<StreamProduct, string> = { chat: 'Stream Chat', video: 'Stream Video', feeds: 'Stream Feeds' };

function isProduct(value: unknown): value is StreamProduct {
  return typeof value === 'string' && (STREAM_PRODUCTS as readonly string[]).includes(value);
}

/**
 * The SDK and its version from `X-Stream-Client`, e.g. `stream-video-plain_javascript-v1.60.0`:
 * the part before the first `|` (what follows names the bundle, app or device).
 */
export function streamClientFromQuery(params: URLSearchParams): string | null {
  const value = params.get('X-Stream-Client');
  const head = value?.split('|')[0]?.trim() ?? '';
  return head === '' ? null : head;
}

/** The product an SDK name serves: `stream-chat-*`, `stream-video-*`, `stream-feeds-*`. */
export function productOfClient(client: string | null): StreamProduct | null {
  const match = client === null ? null : /^stream-(chat|video|feeds)-/i.exec(client);
  const product = match?.[1]?.toLowerCase();
  return isProduct(product) ? product : null;
}

/** The product a connect URL's path says, or null when the path alone cannot tell. */
function productOfPath(url: URL): StreamProduct | null {
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/video\/connect$/.test(path)) return 'video';
  // Chat v9's socket and its long-poll fallback carry the connect payload as `json`.
  if (/\/(connect|longpoll)$/.test(path) && !/\/api\/v2\/connect$/.test(path) && url.searchParams.has('json')) return 'chat';
  return null;
}

/** Product and SDK of a socket, from its connect URL. */
export function productFromUrl(url: URL): Pick<Identity, 'product' | 'client'> {
  const client = streamClientFromQuery(url.searchParams);
  return { product: productOfClient(client) ?? productOfPath(url), client };
}

/**
 * The product a client's auth frame names in `products` (`{token, user_details, products:
 * ["video"]}`), or null when the frame is no auth frame or names none we know. A frame naming
 * several takes the first known one: no SDK sends more than one today.
 */
export function productFromAuthFrame(message: unknown): StreamProduct | null {
  const object = asObject(message);
  if (!object || !('token' in object || 'user_details' in object)) return null;
  const products = object['products'];
  if (!Array.isArray(products)) return null;
  return products.find(isProduct) ?? null;
}

/** A socket's product; null for a record of an older build or a report without one. */
export function productOf(identity: Pick<Identity, 'product'>): StreamProduct | null {
  return identity.product ?? null;
}
