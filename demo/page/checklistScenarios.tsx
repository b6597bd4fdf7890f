/**
 * The demo's cards for Stream's integration checklist beyond the socket: each mistake makes the
 * REST calls a real app makes by mistake, through the real stream-chat SDK against the fake
 * backend (which answers with rate-limit headers, 429 and 403: demo/backend/restApi.mjs), and
 * each correct card makes the same call the right way, which turns its section back to passed.
 * The cards share one connected client per user, so running them never opens extra sockets.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { StreamChat } from 'stream-chat';
import { connectAs, errorMessage, newTrackedClient, reportError, clientsStore } from './clients';
import { createStore, useStore } from './store';

export const CHECKLIST_SCENARIO_NAMES = [
  'query-every-render',
  'query-once',
  'query-unfiltered',
  'query-filtered',
  'forbidden-action',
  'allowed-action',
  'rate-limit-burst',
  'batched-call',
] as const;
export type ChecklistScenarioName = (typeof CHECKLIST_SCENARIO_NAMES)[number];

interface ChecklistScenario {
  name: ChecklistScenarioName;
  section: string;
  verdict: 'correct' | 'mistake';
  title: string;
  button: string;
  code: string;
  run: () => Promise<void>;
}

/** One client per user for every checklist card, connected once (the correct pattern itself). */
const clients = new Map<string, Promise<StreamChat>>();
function clientFor(userId: string): Promise<StreamChat> {
  let client = clients.get(userId);
  if (!client) {
    const id = newTrackedClient('correct', `checklist client (${userId})`);
    client = connectAs(id, userId).then(() => {
      const tracked = clientsStore.get().find((entry) => entry.id === id);
      if (!tracked) throw new Error('the checklist client was disconnected');
      return tracked.client;
    });
    client.catch(() => clients.delete(userId));
    clients.set(userId, client);
  }
  return client;
}

/** After "Disconnect all": the next card connects afresh. */
export function forgetChecklistClients(): void {
  clients.clear();
}

const MEMBER_FILTER = (userId: string) => ({ type: 'messaging', members: { $in: [userId] } });
const SORT = [{ last_message_at: -1 as const }];

/** The component that queries in its body: every answer re-renders it, which queries again. */
const RENDERS = 5;
function QueriesOnEveryRender({ client, done }: { client: StreamChat; done: () => void }) {
  const [renders, setRenders] = useState(0);
  if (renders < RENDERS) {
    // The mistake: a side effect in the render, with a filter object made anew each time.
    void client.queryChannels(MEMBER_FILTER(client.userID ?? ''), SORT, { limit: 20, watch: true }).then(() => setRenders(renders + 1));
  }
  useEffect(() => {
    if (renders >= RENDERS) done();
  }, [renders, done]);
  return null;
}

const SCENARIOS: readonly ChecklistScenario[] = [
  {
    name: 'query-every-render',
    section: 'queryChannels filters',
    verdict: 'mistake',
    title: 'queryChannels on every render',
    button: 'Mistake: query on every render',
    code: `function Inbox({ client }) {
  const [n, setN] = useState(0);
  client.queryChannels({ members: { $in: [id] } })
    .then(() => setN(n + 1)); // renders, queries again
}`,
    run: async () => {
      const client = await clientFor('carol');
      const host = document.createElement('div');
      document.body.append(host);
      await new Promise<void>((resolve) => render(<QueriesOnEveryRender client={client} done={resolve} />, host));
      render(null, host);
      host.remove();
    },
  },
  {
    name: 'query-once',
    section: 'queryChannels filters',
    verdict: 'correct',
    title: 'queryChannels once, in an effect',
    button: 'Correct: query once',
    code: `const filters = useMemo(() => ({ type: 'messaging',
  members: { $in: [id] } }), [id]);
useEffect(() => {
  client.queryChannels(filters, sort, { limit: 20 });
}, [client, filters]);`,
    run: async () => {
      const client = await clientFor('carol');
      await client.queryChannels(MEMBER_FILTER('carol'), SORT, { limit: 20, watch: true });
    },
  },
  {
    name: 'query-unfiltered',
    section: 'queryChannels filters',
    verdict: 'mistake',
    title: 'queryChannels without members or type',
    button: 'Mistake: unfiltered query',
    code: `client.queryChannels({ frozen: false }, sort,
  { limit: 20 }); // scans every channel`,
    run: async () => {
      const client = await clientFor('carol');
      await client.queryChannels({ frozen: false }, SORT, { limit: 20, watch: true });
    },
  },
  {
    name: 'query-filtered',
    section: 'queryChannels filters',
    verdict: 'correct',
    title: 'queryChannels for the user\u2019s channels',
    button: 'Correct: filtered query',
    code: `client.queryChannels({ type: 'messaging',
  members: { $in: [client.userID] } }, sort, { limit: 20 });`,
    run: async () => {
      const client = await clientFor('carol');
      await client.queryChannels(MEMBER_FILTER('carol'), SORT, { limit: 20, watch: true });
    },
  },
  {
    name: 'forbidden-action',
    section: 'Permission settings',
    verdict: 'mistake',
    title: 'A message where the role may not write',
    button: 'Mistake: forbidden action',
    code: `// role 'user' may not SendMessage on 'announcements'
client.channel('announcements', 'news')
  .sendMessage({ text: 'hello' }); // 403`,
    run: async () => {
      const client = await clientFor('carol');
      try {
        await client.channel('announcements', 'news').sendMessage({ text: 'hello' });
      } catch (error) {
        // The 403 is the point of the card: shown on the card, not as a page error.
        console.info('[demo] forbidden action refused as expected:', errorMessage(error));
      }
    },
  },
  {
    name: 'allowed-action',
    section: 'Permission settings',
    verdict: 'correct',
    title: 'A message where the role may write',
    button: 'Correct: allowed action',
    code: `client.channel('messaging', 'general')
  .sendMessage({ text: 'hello' });`,
    run: async () => {
      const client = await clientFor('carol');
      await client.channel('messaging', 'general').sendMessage({ text: 'hello' });
    },
  },
  {
    name: 'rate-limit-burst',
    section: 'Rate limits',
    verdict: 'mistake',
    title: 'One call per item, in a loop',
    button: 'Mistake: burst into the rate limit',
    code: `for (const id of ids) // 35 ids
  await client.queryUsers({ id }); // 429 after 30`,
    run: async () => {
      const client = await clientFor('dave');
      for (let i = 0; i < 35; i++) {
        try {
          await client.queryUsers({ id: `user-${i}` });
        } catch {
          // 429s, as the card says: the checklist shows them.
        }
      }
    },
  },
  {
    name: 'batched-call',
    section: 'Rate limits',
    verdict: 'correct',
    title: 'One batched call',
    button: 'Correct: one batched call',
    code: `await client.queryUsers({ id: { $in: ids } });`,
    run: async () => {
      const client = await clientFor('erin');
      await client.queryUsers({ id: { $in: Array.from({ length: 35 }, (_, i) => `user-${i}`) } });
    },
  },
];

const runStates = createStore<Partial<Record<ChecklistScenarioName, 'running' | 'done' | 'failed'>>>({});

export async function runChecklistScenario(name: ChecklistScenarioName): Promise<void> {
  const scenario = SCENARIOS.find((entry) => entry.name === name);
  if (!scenario) throw new Error(`Unknown checklist scenario "${String(name)}"; expected one of ${CHECKLIST_SCENARIO_NAMES.join(', ')}`);
  runStates.update((states) => ({ ...states, [name]: 'running' }));
  try {
    await scenario.run();
    runStates.update((states) => ({ ...states, [name]: 'done' }));
  } catch (error) {
    runStates.update((states) => ({ ...states, [name]: 'failed' }));
    reportError(`checklist "${name}"`, error);
    throw error;
  }
}

export function ChecklistCards() {
  const states = useStore(runStates);
  return (
    <section class="scenarios checklist-scenarios" aria-label="Checklist scenarios">
      <h2 class="section-title">Stream's integration checklist: permissions, queryChannels, rate limits</h2>
      {SCENARIOS.map((scenario) => (
        <article key={scenario.name} class={`card ${scenario.verdict}`}>
          <div class="card-head">
            <span class={`badge ${scenario.verdict}`}>{scenario.verdict === 'correct' ? 'Correct' : 'Mistake'}</span>
            {states[scenario.name] && <span class={`run-state ${states[scenario.name]}`}>{states[scenario.name]}</span>}
          </div>
          <h3>{scenario.title}</h3>
          <p class="muted">{scenario.section}</p>
          <pre>
            <code>{scenario.code}</code>
          </pre>
          <button type="button" class={scenario.verdict} onClick={() => void runChecklistScenario(scenario.name).catch(() => {})}>
            {scenario.button}
          </button>
        </article>
      ))}
    </section>
  );
}
