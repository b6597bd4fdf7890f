/**
 * OneSocket demo chat page: reproduces the classic "one user, many WebSockets" mistakes with the
 * REAL stream-chat SDK against the local fake backend (same origin), plus the correct patterns.
 * Test hook: window.demo (see ./types.ts). Query `?autorun=<scenario>` runs a scenario on load.
 */
import { Component, render, type ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { StreamChat } from 'stream-chat';
import {
  API_KEY,
  clearErrors,
  clientsStore,
  connectAs,
  disconnectAllClients,
  disconnectClient,
  errorsStore,
  newTrackedClient,
  reportError,
  singletonClient,
  track,
  type TrackedClient,
} from './clients';
import { ChecklistCards, forgetChecklistClients, runChecklistScenario } from './checklistScenarios';
import { SCENARIOS, type ScenarioInfo } from './scenarios';
import { disconnectProductClients, ProductsSection } from './products';
import { createStore, useStore } from './store';
import { isScenarioName, SCENARIO_NAMES, type DemoApi, type ScenarioName } from './types';

// ---------------------------------------------------------------------------------------------
// Scenario components (mounted on demand)

interface Mount {
  key: number;
  kind: 'correct' | 'effect-no-cleanup';
  done: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
  failed: boolean;
}

const mountsStore = createStore<Mount[]>([]);
let nextMountKey = 1;

function mountComponent(kind: Mount['kind']): Promise<void> {
  if (kind === 'correct') {
    const existing = mountsStore.get().find((m) => m.kind === 'correct' && !m.failed);
    // The correct component is mounted once; running it again just waits for its connection.
    if (existing) return existing.done;
  }
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const mount: Mount = { key: nextMountKey++, kind, done, resolve, reject, failed: false };
  done.catch(() => {
    mount.failed = true;
  });
  mountsStore.update((list) => [...list, mount]);
  return done;
}

/** Correct: the getInstance() singleton, connected in an effect WITH a cleanup. */
function CorrectChat({ mount }: { mount: Mount }) {
  const [clientId, setClientId] = useState<number>();
  useEffect(() => {
    const id = singletonClient('correct', 'StreamChat.getInstance() in <CorrectChat>');
    setClientId(id);
    connectAs(id, 'alice').then(mount.resolve, mount.reject);
    return () => {
      void disconnectClient(id).catch(() => {});
    };
  }, [mount]);
  return (
    <li class="mount ok">
      {'<CorrectChat user="alice">'} mounted{clientId !== undefined ? ` (client #${clientId})` : ''}
    </li>
  );
}

const LEAKY_RENDERS = 3;

/**
 * Mistake: the chat component creates a client in an effect that depends on `user`, has no
 * cleanup, and its parent passes `user` as a fresh object literal on every render.
 */
function ChatWithoutCleanup({ user, mount, renders }: { user: { id: string; name: string }; mount: Mount; renders: number }) {
  const pending = useRef<Promise<void>[]>([]);
  useEffect(() => {
    const client = new StreamChat(API_KEY, { baseURL: location.origin });
    const id = track(client, 'effect-no-cleanup', `new StreamChat() in effect, render #${pending.current.length + 1}`);
    const connecting = connectAs(id, user.id);
    connecting.catch(mount.reject);
    pending.current.push(connecting);
    if (pending.current.length === renders) {
      Promise.all(pending.current).then(() => mount.resolve(), mount.reject);
    }
    // MISTAKE: no `return () => { client.disconnectUser(); }`.
  }, [user]);
  return null;
}

/** The parent: re-renders 3 times (as on new messages), passing a new `user` object each time. */
function LeakyEffectDemo({ mount }: { mount: Mount }) {
  const [renderCount, setRenderCount] = useState(1);
  useEffect(() => {
    if (renderCount < LEAKY_RENDERS) setRenderCount(renderCount + 1);
  }, [renderCount]);
  return (
    <li class="mount bad">
      {"<ChatWithoutCleanup user={{ id: 'alice' }}>"} mounted, render {renderCount}/{LEAKY_RENDERS}
      <ChatWithoutCleanup user={{ id: 'alice', name: 'Alice' }} mount={mount} renders={LEAKY_RENDERS} />
    </li>
  );
}

/**
 * Shields a scenario component from the page's own re-renders, so it renders exactly as often as
 * its own state says (the leak count stays deterministic).
 */
class Isolated extends Component<{ children: ComponentChildren }> {
  override shouldComponentUpdate() {
    return false;
  }
  override render() {
    return this.props.children;
  }
}

// ---------------------------------------------------------------------------------------------
// Scenario runners

type RunState = 'running' | 'done' | 'failed';
const runStateStore = createStore<Partial<Record<ScenarioName, RunState>>>({});

async function runScenarioBody(name: ScenarioName): Promise<void> {
  switch (name) {
    case 'correct':
      return mountComponent('correct');
    case 'effect-no-cleanup':
      return mountComponent('effect-no-cleanup');
    case 'two-clients': {
      const first = newTrackedClient(name, 'new StreamChat() #1');
      const second = newTrackedClient(name, 'new StreamChat() #2');
      await Promise.all([connectAs(first, 'alice'), connectAs(second, 'alice')]);
      return;
    }
    case 'switch-leak': {
      const forAlice = newTrackedClient(name, 'new StreamChat() for alice (never disconnected)');
      await connectAs(forAlice, 'alice');
      const forBob = newTrackedClient(name, 'new StreamChat() for bob');
      await connectAs(forBob, 'bob');
      return;
    }
    case 'correct-switch': {
      const client = newTrackedClient(name, 'one StreamChat, switching alice → bob');
      await connectAs(client, 'alice');
      await disconnectClient(client);
      await connectAs(client, 'bob');
      return;
    }
  }
}

async function run(name: ScenarioName): Promise<void> {
  if (!isScenarioName(name)) {
    const error = new Error(`Unknown scenario "${String(name)}"; expected one of ${SCENARIO_NAMES.join(', ')}`);
    reportError('demo.run', error);
    throw error;
  }
  runStateStore.update((s) => ({ ...s, [name]: 'running' }));
  try {
    await runScenarioBody(name);
    runStateStore.update((s) => ({ ...s, [name]: 'done' }));
  } catch (error) {
    runStateStore.update((s) => ({ ...s, [name]: 'failed' }));
    reportError(`scenario "${name}"`, error);
    throw error;
  }
}

async function disconnectAll(): Promise<void> {
  // Unmount the scenario components first (the correct one disconnects in its cleanup).
  mountsStore.set([]);
  await new Promise((resolve) => setTimeout(resolve, 0));
  await disconnectAllClients();
  forgetChecklistClients();
  await disconnectProductClients();
  runStateStore.set({});
}

const demo: DemoApi = {
  run,
  checklist: runChecklistScenario,
  disconnectAll,
  clientCount: () => clientsStore.get().length,
  clients: () =>
    clientsStore.get().map(({ id, scenario, label, userId, state, connectionId }) => ({
      id,
      scenario,
      label,
      userId,
      state,
      connectionId,
    })),
};
window.demo = demo;

window.addEventListener('error', (event) => reportError('uncaught error', event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => reportError('unhandled rejection', event.reason));

// ---------------------------------------------------------------------------------------------
// UI

function ScenarioCard({ scenario, state }: { scenario: ScenarioInfo; state: RunState | undefined }) {
  return (
    <article class={`card ${scenario.verdict}`}>
      <div class="card-head">
        <span class={`badge ${scenario.verdict}`}>{scenario.verdict === 'correct' ? 'Correct' : 'Mistake'}</span>
        {state && <span class={`run-state ${state}`}>{state}</span>}
      </div>
      <h3>{scenario.title}</h3>
      <p>{scenario.explanation}</p>
      <pre>
        <code>{scenario.code}</code>
      </pre>
      <p class="expected">
        Server sees: <strong>{scenario.expected}</strong>
      </p>
      <button type="button" class={scenario.verdict} onClick={() => void run(scenario.name).catch(() => {})}>
        {scenario.button}
      </button>
    </article>
  );
}

function SocketsPerUser({ clients }: { clients: TrackedClient[] }) {
  const perUser = new Map<string, number>();
  for (const c of clients) {
    if (c.userId && (c.state === 'connected' || c.state === 'connecting' || c.state === 'offline')) {
      perUser.set(c.userId, (perUser.get(c.userId) ?? 0) + 1);
    }
  }
  if (perUser.size === 0) return <p class="muted">No user is connected.</p>;
  return (
    <ul class="per-user">
      {[...perUser].map(([user, count]) => (
        <li key={user} class={count > 1 ? 'warn' : 'ok'}>
          <span class="avatar">{user.slice(0, 1).toUpperCase()}</span>
          <span>
            <strong>{user}</strong> holds {count} socket{count === 1 ? '' : 's'}
            {count > 1 && ' — one user, more than one WebSocket!'}
          </span>
        </li>
      ))}
    </ul>
  );
}

function ClientList({ clients }: { clients: TrackedClient[] }) {
  if (clients.length === 0) return <p class="muted">No StreamChat client yet. Pick a scenario.</p>;
  return (
    <table class="clients">
      <thead>
        <tr>
          <th>#</th>
          <th>Client</th>
          <th>User</th>
          <th>State</th>
        </tr>
      </thead>
      <tbody>
        {clients.map((c) => (
          <tr key={c.id} data-client-id={c.id} data-user={c.userId ?? ''} data-state={c.state}>
            <td>{c.id}</td>
            <td>
              {c.label}
              {c.connectionId && <div class="conn-id">connection_id {c.connectionId}</div>}
              {c.error && <div class="client-error">{c.error}</div>}
            </td>
            <td>{c.userId ?? '—'}</td>
            <td>
              <span class={`state ${c.state}`}>{c.state}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function App() {
  const clients = useStore(clientsStore);
  const errors = useStore(errorsStore);
  const mounts = useStore(mountsStore);
  const runStates = useStore(runStateStore);

  return (
    <div class="layout">
      <header>
        <div class="logo">#</div>
        <div>
          <h1>OneSocket demo chat</h1>
          <p>
            A chat page on the real <code>stream-chat</code> SDK, talking to a local fake Stream backend. Open DevTools and
            pick the <strong>OneSocket</strong> panel, then run a scenario.
          </p>
        </div>
      </header>

      <main>
        <section class="scenarios" aria-label="Scenarios">
          {SCENARIOS.map((s) => (
            <ScenarioCard key={s.name} scenario={s} state={runStates[s.name]} />
          ))}
          {/* Stream products: chat + video for one user, and two video clients (products.tsx). */}
          <ProductsSection />
        </section>
        <ChecklistCards />

        <aside>
          <section class="panel">
            <div class="panel-head">
              <h2>Clients on this page</h2>
              <button type="button" class="neutral" onClick={() => void disconnectAll().catch(() => {})}>
                Disconnect all
              </button>
            </div>
            <SocketsPerUser clients={clients} />
            <ClientList clients={clients} />
            {mounts.length > 0 && (
              <ul class="mounts" aria-label="Mounted components">
                {mounts.map((m) => (
                  <Isolated key={m.key}>
                    {m.kind === 'correct' ? <CorrectChat mount={m} /> : <LeakyEffectDemo mount={m} />}
                  </Isolated>
                ))}
              </ul>
            )}
          </section>

          <section class="panel errors" aria-label="Errors" role="log">
            <div class="panel-head">
              <h2>Errors</h2>
              {errors.length > 0 && (
                <button type="button" class="neutral small" onClick={clearErrors}>
                  Clear errors
                </button>
              )}
            </div>
            {errors.length === 0 ? (
              <p class="muted">None.</p>
            ) : (
              <ul>
                {errors.map((e) => (
                  <li key={e.id} class="error">
                    <span class="time">{e.time}</span> <strong>{e.context}</strong>: {e.message}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </main>
    </div>
  );
}

const root = document.getElementById('app');
if (!root) throw new Error('#app element missing');
root.textContent = '';
render(<App />, root);

const autorun = new URLSearchParams(location.search).get('autorun');
if (autorun !== null) {
  if (isScenarioName(autorun)) {
    void run(autorun).catch(() => {});
  } else {
    reportError('?autorun', new Error(`Unknown scenario "${autorun}"; expected one of ${SCENARIO_NAMES.join(', ')}`));
  }
}
