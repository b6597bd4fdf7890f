/**
 * Workloads that run inside the measured page (passed to page.evaluate, so each function is
 * self-contained: no imports, no closures over module scope). They use `window.WebSocket`, the
 * hooked one when OneSocket is loaded. Times are taken in the page, so the figures are what the
 * page's own code experiences.
 */

export interface ExchangeArgs {
  url: string;
  messages: number;
  /** Bytes per message (ASCII JSON, so characters = bytes). */
  size: number;
  /** Messages sent ahead of their echoes: a chat client does not wait for each reply. */
  inFlight: number;
}

/**
 * Sends `messages` text messages of `size` bytes to the echo server and waits for every echo.
 * Returns the time from the first send to the last echo, in ms.
 */
export function exchangeInPage({ url, messages, size, inFlight }: ExchangeArgs): Promise<number> {
  const head = '{"type":"message.new","text":"';
  const tail = '"}';
  const payload = head + 'x'.repeat(Math.max(0, size - head.length - tail.length)) + tail;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    let sent = 0;
    let received = 0;
    let started = 0;
    socket.onerror = () => reject(new Error(`socket to ${url} failed`));
    socket.onopen = () => {
      started = performance.now();
      while (sent < Math.min(inFlight, messages)) {
        socket.send(payload);
        sent++;
      }
    };
    socket.onmessage = () => {
      received++;
      if (received === messages) {
        const elapsed = performance.now() - started;
        socket.close();
        resolve(elapsed);
      } else if (sent < messages) {
        socket.send(payload);
        sent++;
      }
    };
  });
}

export interface ChurnArgs {
  url: string;
  sockets: number;
  /** Sockets opening and closing at the same time (Chromium refuses more than ~255 pending). */
  lanes: number;
}

/** Opens and closes `sockets` sockets, `lanes` at a time; returns the total time in ms. */
export async function churnInPage({ url, sockets, lanes }: ChurnArgs): Promise<number> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < sockets) {
      const index = next++;
      await new Promise<void>((resolve, reject) => {
        const socket = new WebSocket(`${url}?churn=${index}`);
        socket.onopen = () => socket.close(1000, 'done');
        socket.onclose = () => resolve();
        socket.onerror = () => reject(new Error(`churn socket ${index} failed`));
      });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: lanes }, lane));
  return performance.now() - started;
}

export interface ScaleWaveArgs {
  /** One URL per socket of the wave. */
  urls: string[];
  /** Messages each socket sends; the echo server answers each, so frames = 2 × this. */
  messagesPerSocket: number;
  size: number;
  /** Close the wave's sockets at the end (all waves but the last). */
  close: boolean;
}

/**
 * One wave of the scale run: opens the sockets, sends round-robin over them, waits for every
 * echo and optionally closes them. Returns the frames the page saw each way.
 */
export async function scaleWaveInPage({ urls, messagesPerSocket, size, close }: ScaleWaveArgs): Promise<{ sent: number; received: number }> {
  const payload = `{"type":"message.new","text":"${'y'.repeat(Math.max(0, size - 34))}"}`;
  let received = 0;
  const expected = urls.length * messagesPerSocket;
  let allEchoed: () => void = () => undefined;
  const echoed = new Promise<void>((resolve) => (allEchoed = resolve));
  const sockets = await Promise.all(
    urls.map(
      (url) =>
        new Promise<WebSocket>((resolve, reject) => {
          const socket = new WebSocket(url);
          socket.onopen = () => resolve(socket);
          socket.onerror = () => reject(new Error(`scale socket ${url} failed`));
          socket.onmessage = () => {
            if (++received === expected) allEchoed();
          };
        }),
    ),
  );
  let sent = 0;
  for (let round = 0; round < messagesPerSocket; round++) {
    for (const socket of sockets) {
      socket.send(payload);
      sent++;
    }
  }
  await echoed;
  if (close) {
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve) => {
            socket.onclose = () => resolve();
            socket.close(1000, 'wave done');
          }),
      ),
    );
  }
  return { sent, received };
}

type BenchWindow = Window & { onesocketBench?: { sockets: Map<string, WebSocket> } };

/**
 * Latency probe, page side: opens a socket whose URL carries `marker` and returns the wall
 * clock (ms) just before `new WebSocket`. The socket is kept for `sendMarked`.
 */
export function openMarkedSocket({ url, marker }: { url: string; marker: string }): number {
  const win = window as BenchWindow;
  win.onesocketBench ??= { sockets: new Map() };
  const at = Date.now();
  win.onesocketBench.sockets.set(marker, new WebSocket(`${url}?marker=${marker}`));
  return at;
}

/** Waits until the marked socket is open. */
export function whenMarkedOpen(marker: string): Promise<void> {
  const socket = (window as BenchWindow).onesocketBench?.sockets.get(marker);
  if (!socket) return Promise.reject(new Error(`no socket ${marker}`));
  if (socket.readyState === WebSocket.OPEN) return Promise.resolve();
  return new Promise((resolve) => socket.addEventListener('open', () => resolve(), { once: true }));
}

/** Latency probe, page side: sends one message and returns the wall clock just before send(). */
export function sendMarked(marker: string): number {
  const socket = (window as BenchWindow).onesocketBench?.sockets.get(marker);
  if (!socket) throw new Error(`no socket ${marker}`);
  const at = Date.now();
  socket.send('{"type":"ping"}');
  return at;
}

/** Closes every marked socket (between latency batches, so the panel's table stays short). */
export function closeMarkedSockets(): Promise<void> {
  const sockets = (window as BenchWindow).onesocketBench?.sockets;
  if (!sockets) return Promise.resolve();
  const closing = [...sockets.values()].map(
    (socket) =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.addEventListener('close', () => resolve(), { once: true });
        socket.close();
      }),
  );
  sockets.clear();
  return Promise.all(closing).then(() => undefined);
}

export interface SyntheticFramesArgs {
  url: string;
  /** Frames each way. */
  frames: number;
  size: number;
}

/**
 * The hook's own work per frame, hot, without the network in the clock: on one open socket,
 * `frames` synthetic `message` events dispatched to it (every listener of the socket runs, the
 * hook's included), then `frames` calls of `send()`, each loop timed with the page's clock.
 * Returns µs per frame each way, once the echoes have arrived and the hook's last window left.
 */
export async function syntheticFramesInPage({ url, frames, size }: SyntheticFramesArgs): Promise<{ inUs: number; outUs: number }> {
  const payload = `{"type":"message.new","text":"${'z'.repeat(Math.max(0, size - 34))}"}`;
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.onopen = () => resolve();
    socket.onerror = () => reject(new Error(`socket to ${url} failed`));
  });
  let started = performance.now();
  for (let i = 0; i < frames; i++) socket.dispatchEvent(new MessageEvent('message', { data: payload }));
  const inUs = ((performance.now() - started) * 1000) / frames;
  started = performance.now();
  for (let i = 0; i < frames; i++) socket.send(payload);
  const outUs = ((performance.now() - started) * 1000) / frames;
  await new Promise((resolve) => setTimeout(resolve, 400));
  socket.close();
  return { inUs, outUs };
}
