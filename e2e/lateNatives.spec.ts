import { expect, test } from './support/extension';
import { recordedSockets } from './support/tabRecord';

/**
 * The hook reads the Web API natives it needs only with the first socket or request (cheaper
 * per document: src/content/page/lateNatives.ts). A page may have replaced them by then: the
 * hook must never call the page's replacements, and must still record the socket.
 */
test('natives a page replaced before its first socket and fetch are never called by the hook, and the socket is still recorded', async ({ context, fixtures, serviceWorker, tabIdOf }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/blank.html`);
  const tabId = await tabIdOf(page);
  const pageCalls = await page.evaluate(async (wsOrigin) => {
    const calls = { data: 0, code: 0, url: 0 };
    // Counting replacements, as an instrumentation library would install them.
    const countReads = (proto: object, name: 'data' | 'code'): void => {
      const native = Object.getOwnPropertyDescriptor(proto, name)?.get as (this: unknown) => unknown;
      Object.defineProperty(proto, name, {
        configurable: true,
        enumerable: true,
        get(this: unknown) {
          calls[name]++;
          return native.call(this);
        },
      });
    };
    countReads(MessageEvent.prototype, 'data');
    countReads(CloseEvent.prototype, 'code');
    const NativeURL = URL;
    (window as unknown as { URL: unknown }).URL = new Proxy(NativeURL, {
      construct(target, args: [string, string?]) {
        calls.url++;
        return new target(...args);
      },
    });

    const socket = new WebSocket(`${wsOrigin}/late-natives`);
    await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
    const echo = new Promise<unknown>((resolve) => socket.addEventListener('message', (event) => resolve(event.data), { once: true }));
    socket.send('hello');
    await echo; // the page's own read of data: one
    const closed = new Promise<unknown>((resolve) => socket.addEventListener('close', (event) => resolve(event.code), { once: true }));
    socket.close(1000);
    await closed; // the page's own read of code: one
    // A request the long-poll and API-call views look at: its URL would go through URL.
    await fetch('/blank.html?api_key=k');
    await fetch('/longpoll?api_key=k').catch(() => undefined);
    return calls;
  }, fixtures.wsOrigin);

  expect(pageCalls).toEqual({ data: 1, code: 1, url: 0 });
  await expect.poll(async () => (await recordedSockets(serviceWorker, tabId))[0]?.state).toBe('closed');
  const [socket] = await recordedSockets(serviceWorker, tabId);
  // What the hook saw without the page's getters: every frame counted, the one it sends sized.
  expect(socket).toMatchObject({ messagesSent: 1, messagesReceived: 1, bytesSent: 5 });
});
