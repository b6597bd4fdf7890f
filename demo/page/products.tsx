/**
 * The demo's Stream products cards: Chat and Video for one user, done right (one client of each:
 * two products, two sockets, nothing wrong) and the video mistake (two `new StreamVideoClient`
 * for one user), with the REAL `@stream-io/video-client` against the fake backend's video
 * coordinator. Test hook: `window.demoProducts`.
 */
import { StreamVideoClient } from '@stream-io/video-client';
import { StreamChat } from 'stream-chat';
import { API_KEY, errorMessage, reportError } from './clients';
import { createStore, useStore } from './store';

export const PRODUCT_SCENARIO_NAMES = ['chat-video', 'two-video-clients'] as const;
export type ProductScenarioName = (typeof PRODUCT_SCENARIO_NAMES)[number];

interface ProductClient {
  id: number;
  product: 'chat' | 'video';
  label: string;
  state: 'connecting' | 'connected' | 'disconnected' | 'error';
  error?: string;
  disconnect: () => Promise<unknown>;
}

const productClientsStore = createStore<ProductClient[]>([]);
let nextId = 1;

/** The video coordinator lives under the fake backend's `/video`; so does the location hint. */
function videoOptions() {
  return { baseURL: `${location.origin}/video`, locationHintUrl: `${location.origin}/video/location-hint` };
}

async function fetchToken(userId: string): Promise<string> {
  const res = await fetch(`/token?user_id=${encodeURIComponent(userId)}`);
  if (!res.ok) throw new Error(`GET /token?user_id=${userId} failed: HTTP ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

function patch(id: number, changes: Partial<ProductClient>): void {
  productClientsStore.update((list) => list.map((c) => (c.id === id ? { ...c, ...changes } : c)));
}

/** Tracks a client on the page while `connecting` runs; errors are shown and rethrown. */
async function tracked(product: ProductClient['product'], label: string, disconnect: () => Promise<unknown>, connecting: () => Promise<unknown>): Promise<void> {
  const id = nextId++;
  productClientsStore.update((list) => [...list, { id, product, label, state: 'connecting', disconnect }]);
  try {
    await connecting();
    patch(id, { state: 'connected' });
  } catch (error) {
    patch(id, { state: 'error', error: errorMessage(error) });
    reportError(label, error);
    throw error;
  }
}

/** Resolves once a video client's coordinator socket said `connection.ok` (the constructor connects by itself). */
function videoConnected(client: StreamVideoClient, userId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the video client for ${userId} did not connect within 10 s`)), 10_000);
    const subscription = client.state.connectedUser$.subscribe((user) => {
      if (!user) return;
      clearTimeout(timer);
      resolve();
      queueMicrotask(() => subscription.unsubscribe());
    });
  });
}

async function connectVideo(userId: string, how: 'getOrCreateInstance' | 'new'): Promise<void> {
  const token = await fetchToken(userId);
  const args = { apiKey: API_KEY, user: { id: userId }, token, options: videoOptions() };
  const client = how === 'new' ? new StreamVideoClient(args) : StreamVideoClient.getOrCreateInstance(args);
  const label = how === 'new' ? `new StreamVideoClient() for ${userId}` : `StreamVideoClient.getOrCreateInstance() for ${userId}`;
  await tracked('video', label, () => client.disconnectUser(), () => videoConnected(client, userId));
}

export async function runProductScenario(name: ProductScenarioName): Promise<void> {
  if (name === 'chat-video') {
    // One client per product for alice, both from the app-wide accessors Stream documents.
    const chat = StreamChat.getInstance(API_KEY, { baseURL: location.origin });
    const token = await fetchToken('alice');
    await tracked('chat', 'StreamChat.getInstance() for alice', () => chat.disconnectUser(), () => chat.connectUser({ id: 'alice', name: 'Alice' }, token));
    await connectVideo('alice', 'getOrCreateInstance');
    return;
  }
  // MISTAKE: two `new StreamVideoClient` for one user; the SDK only warns, each opens a socket.
  await connectVideo('alice', 'new');
  await connectVideo('alice', 'new');
}

export async function disconnectProductClients(): Promise<void> {
  const clients = productClientsStore.get();
  await Promise.allSettled(clients.map((c) => c.disconnect()));
  productClientsStore.set([]);
}

window.demoProducts = {
  run: runProductScenario,
  disconnectAll: disconnectProductClients,
  clients: () => productClientsStore.get().map(({ id, product, label, state }) => ({ id, product, label, state })),
};

declare global {
  interface Window {
    demoProducts: {
      run(name: ProductScenarioName): Promise<void>;
      disconnectAll(): Promise<void>;
      clients(): Array<Pick<ProductClient, 'id' | 'product' | 'label' | 'state'>>;
    };
  }
}

const CARDS: ReadonlyArray<{ name: ProductScenarioName; verdict: 'correct' | 'mistake'; title: string; button: string; explanation: string; expected: string; code: string }> = [
  {
    name: 'chat-video',
    verdict: 'correct',
    title: 'Chat + video, done right',
    button: 'Correct: chat + video for one user',
    explanation: 'Stream tells an app with Chat and Video to hold one chat client and one video client per user. Two products, two sockets: OneSocket counts them apart and raises nothing.',
    expected: 'alice: 1 chat socket, 1 video socket',
    code: `const chat = StreamChat.getInstance(key);
await chat.connectUser({ id: 'alice' }, token);
const video = StreamVideoClient.getOrCreateInstance({
  apiKey: key, user: { id: 'alice' }, token,
});`,
  },
  {
    name: 'two-video-clients',
    verdict: 'mistake',
    title: 'Two video clients, one user',
    button: 'Mistake: two video clients for one user',
    explanation: 'Two parts of the app each call new StreamVideoClient(...) for alice. The SDK only logs a warning; each client opens its own coordinator socket.',
    expected: 'alice: 2 video sockets',
    code: `const a = new StreamVideoClient({ apiKey: key, user, token });
const b = new StreamVideoClient({ apiKey: key, user, token });
// use StreamVideoClient.getOrCreateInstance(...) instead`,
  },
];

/** The products cards (in the page's grid of scenario cards) and the clients they created. */
export function ProductsSection() {
  const clients = useStore(productClientsStore);
  return (
    <>
      {CARDS.map((card) => (
        <article key={card.name} class={`card ${card.verdict}`}>
          <div class="card-head">
            <span class={`badge ${card.verdict}`}>{card.verdict === 'correct' ? 'Correct' : 'Mistake'}</span>
          </div>
          <h3>{card.title}</h3>
          <p>{card.explanation}</p>
          <pre>
            <code>{card.code}</code>
          </pre>
          <p class="expected">
            Server sees: <strong>{card.expected}</strong>
          </p>
          <button type="button" class={card.verdict} onClick={() => void runProductScenario(card.name).catch(() => {})}>
            {card.button}
          </button>
        </article>
      ))}
      {clients.length > 0 ? (
        <article class="card">
          <h3>Product clients</h3>
          <ul aria-label="Product clients">
            {clients.map((c) => (
              <li key={c.id} data-product={c.product} data-state={c.state}>
                {c.product}: {c.label}: {c.state}
                {c.error ? ` (${c.error})` : ''}
              </li>
            ))}
          </ul>
        </article>
      ) : null}
    </>
  );
}
