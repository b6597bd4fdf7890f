/**
 * A page with the real stream-chat SDK and `enableWSFallback` (bundled by e2e/rulesSdk.spec.ts
 * at test time). `window.connectWithFallback()` connects alice; when the WebSocket cannot
 * connect, the SDK falls back to XHR long-polling on its own.
 */
import { StreamChat } from 'stream-chat';

declare global {
  interface Window {
    connectWithFallback: (token: string) => Promise<string | undefined>;
  }
}

const client = new StreamChat('fallback-key', { baseURL: location.origin, enableWSFallback: true });
// The SDK gives the WebSocket 6 s before falling back; the test needs no more than 2 s of it.
client.defaultWSTimeoutWithFallback = 2000;

window.connectWithFallback = async (token) => {
  const connected = await client.connectUser({ id: 'alice' }, token);
  return connected?.connection_id;
};
