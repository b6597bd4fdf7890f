import { expect, test } from './support/extension';
import { recordedSockets } from './support/tabRecord';

const FRAMES = ['top', 'same-origin', 'cross-origin', 'sandboxed', 'srcdoc', 'about-blank'];

test('records the sockets of every frame of the tab, each attributed to its frame', async ({ context, fixtures, serviceWorker, tabIdOf }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/frames.html`);
  await expect.poll(() => fixtures.liveSockets().sort()).toEqual(FRAMES.map((name) => `/frame?name=${name}`).sort());
  const tabId = await tabIdOf(page);
  const port = new URL(fixtures.origin).port;

  const frameOf = async (): Promise<Record<string, string>> =>
    Object.fromEntries((await recordedSockets(serviceWorker, tabId)).map((socket) => [new URL(socket.url).searchParams.get('name'), socket.frameUrl]));
  await expect.poll(frameOf).toEqual({
    top: `${fixtures.origin}/frames.html`,
    'same-origin': `${fixtures.origin}/frame-child.html?name=same-origin`,
    'cross-origin': `http://localhost:${port}/frame-child.html?name=cross-origin`,
    sandboxed: `${fixtures.origin}/frame-child.html?name=sandboxed`,
    srcdoc: 'about:srcdoc',
    'about-blank': 'about:blank',
  });
});

test('sockets opened inside workers are not seen, the workers still work, and the panel says so', async ({ context, fixtures, serviceWorker, tabIdOf, openPanel }) => {
  const page = await context.newPage();
  await page.goto(`${fixtures.origin}/workers.html`);
  await expect.poll(() => page.evaluate(() => (window as unknown as { echoes: string[] }).echoes.slice().sort())).toEqual(['hello from dedicated', 'hello from shared']);
  expect(fixtures.liveSockets().sort()).toEqual(['/worker?name=dedicated', '/worker?name=shared']);

  const tabId = await tabIdOf(page);
  const panel = await openPanel(page);
  await expect(panel.getByText(/Web Workers, Shared Workers or Service Workers are not seen/)).toBeVisible();

  // A socket of the page itself, opened after the workers', is recorded, and it alone.
  await page.evaluate((origin) => void new WebSocket(`${origin}/page-socket`), fixtures.wsOrigin);
  await expect.poll(async () => (await recordedSockets(serviceWorker, tabId)).map((socket) => new URL(socket.url).pathname)).toEqual(['/page-socket']);
});
