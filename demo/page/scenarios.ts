import type { ScenarioName } from './types';

export interface ScenarioInfo {
  name: ScenarioName;
  /** The exact text (and accessible name) of the scenario's button. */
  button: string;
  verdict: 'correct' | 'mistake';
  explanation: string;
  /** What the server sees once the scenario has run (starting from no clients). */
  expected: string;
  code: string;
}

export const SCENARIOS: readonly ScenarioInfo[] = [
  {
    name: 'correct',
    button: 'Correct: one client per user',
    verdict: 'correct',
    explanation:
      'A component takes the app-wide client from StreamChat.getInstance(), connects alice in useEffect and disconnects in the cleanup.',
    expected: 'alice: 1 socket',
    code: `useEffect(() => {
  const client = StreamChat.getInstance(key);
  client.connectUser({ id: 'alice' }, token);
  return () => { client.disconnectUser(); };
}, []);`,
  },
  {
    name: 'two-clients',
    button: 'Mistake: two clients for one user',
    verdict: 'mistake',
    explanation:
      'Two parts of the app each call new StreamChat(...) and connectUser("alice"). Each instance opens its own WebSocket.',
    expected: 'alice: 2 sockets',
    code: `const a = new StreamChat(key);
const b = new StreamChat(key); // e.g. a widget
await a.connectUser({ id: 'alice' }, token);
await b.connectUser({ id: 'alice' }, token);`,
  },
  {
    name: 'switch-leak',
    button: 'Mistake: switch user without disconnect',
    verdict: 'mistake',
    explanation:
      'On logout/login the app creates a fresh client for bob but never disconnects alice\'s client (one instance would throw, so the leak is a new instance).',
    expected: 'alice: 1 socket (leaked), bob: 1 socket',
    code: `const chat = new StreamChat(key);
await chat.connectUser({ id: 'alice' }, tokenA);
// "log in as bob"
const next = new StreamChat(key);
await next.connectUser({ id: 'bob' }, tokenB);`,
  },
  {
    name: 'effect-no-cleanup',
    button: 'Mistake: effect without cleanup',
    verdict: 'mistake',
    explanation:
      'An effect depends on an options object that is new on every render and has no cleanup: each of 3 renders opens one more socket.',
    expected: 'alice: 3 sockets',
    code: `const options = { baseURL }; // new every render
useEffect(() => {
  const client = new StreamChat(key, options);
  client.connectUser({ id: 'alice' }, token);
  // no cleanup!
}, [options]);`,
  },
  {
    name: 'correct-switch',
    button: 'Correct: switch user',
    verdict: 'correct',
    explanation: 'One client: connect alice, then disconnectUser() before connectUser("bob").',
    expected: 'alice: 0 sockets, bob: 1 socket',
    code: `await client.connectUser({ id: 'alice' }, tokenA);
await client.disconnectUser();
await client.connectUser({ id: 'bob' }, tokenB);`,
  },
];
