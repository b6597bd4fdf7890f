/**
 * A page with the real Stream SDKs of every product (bundled by e2e/products.spec.ts at test
 * time): `window.products` connects a new client of one product for a user, as an app would,
 * to the fake backend named by the page's `?backend=` (its REST API, tokens and sockets).
 */
import { FeedsClient } from '@stream-io/feeds-client';
import { StreamVideoClient } from '@stream-io/video-client';
import { StreamChat } from 'stream-chat';

const API_KEY = 'demo-key';
const BACKEND = new URLSearchParams(location.search).get('backend') ?? location.origin;

async function tokenFor(userId: string): Promise<string> {
  const res = await fetch(`${BACKEND}/token?user_id=${encodeURIComponent(userId)}`);
  return ((await res.json()) as { token: string }).token;
}

declare global {
  interface Window {
    products: {
      chat(userId: string): Promise<void>;
      video(userId: string): Promise<void>;
      feeds(userId: string): Promise<void>;
    };
  }
}

window.products = {
  async chat(userId) {
    // `new StreamChat` (not getInstance): each call is its own client, as a second widget would be.
    await new StreamChat(API_KEY, { baseURL: BACKEND }).connectUser({ id: userId }, await tokenFor(userId));
  },
  async video(userId) {
    const client = new StreamVideoClient({
      apiKey: API_KEY,
      user: { id: userId },
      token: await tokenFor(userId),
      // The location hint is asked of the fake backend: nothing reaches for the internet.
      options: { baseURL: `${BACKEND}/video`, locationHintUrl: `${BACKEND}/video/location-hint` },
    });
    // The constructor connects by itself (the documented usage); wait for connection.ok.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`video client for ${userId} did not connect`)), 10_000);
      const subscription = client.state.connectedUser$.subscribe((user) => {
        if (!user) return;
        clearTimeout(timer);
        resolve();
        queueMicrotask(() => subscription.unsubscribe());
      });
    });
  },
  async feeds(userId) {
    await new FeedsClient(API_KEY, { base_url: BACKEND }).connectUser({ id: userId }, await tokenFor(userId));
  },
};
