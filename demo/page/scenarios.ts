import type { ScenarioName } from './types';

export interface ScenarioInfo {
  name: ScenarioName;
  /** The exact text (and accessible name) of the scenario's button. */
  button: string;
  verdict: 'correct' | 'mistake';
  title: string;
  explanation: string;
  /** What the server sees once the scenario has run (starting from no clients). */
  expected: string;
  code: string;
}

export const SCENARIOS: readonly ScenarioInfo[] = [
  {
    name: 'correct',
    title: 'getInstance() with a cleanup',
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
    title: 'Two instances, one user',
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
    title: 'New client on login, old one kept',
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
    title: 'Effect without cleanup',
    button: 'Mistake: effect without cleanup',
    verdict: 'mistake',
    explanation:
      'A chat component creates its client in an effect without cleanup. The effect depends on `user`, which the parent passes as a new object literal on every render: 3 renders, 3 sockets.',
    expected: 'alice: 3 sockets',
    code: `// parent: <Chat user={{ id: 'alice' }} />
useEffect(() => {
  const client = new StreamChat(key);
  client.connectUser(user, token);
  // no cleanup!
}, [user]); // a new object every render`,
  },
  {
    name: 'correct-switch',
    title: 'Disconnect, then connect',
    button: 'Correct: switch user',
    verdict: 'correct',
    explanation: 'One client: connect alice, then disconnectUser() before connectUser("bob").',
    expected: 'alice: 0 sockets, bob: 1 socket',
    code: `await client.connectUser({ id: 'alice' }, tokenA);
await client.disconnectUser();
await client.connectUser({ id: 'bob' }, tokenB);`,
  },
];
