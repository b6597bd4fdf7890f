import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeEach, describe, it } from 'vitest';
import { rules } from './index';
import { forgetConnectCallSites } from './rules/singleConnectCallSite';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } }, ecmaVersion: 'latest', sourceType: 'module' },
});
const tsx = { filename: 'Chat.tsx' };

// The seeds' own examples: the effect without its cleanup, the loop of clients, getInstance with a cleanup.
const EFFECT_WITHOUT_CLEANUP = `
function Chat({ user }: { user: { id: string } }) {
  useEffect(() => {
    const client = StreamChat.getInstance('key');
    client.connectUser(user, token);
  }, [user]);
  return <div />;
}`;
const GET_INSTANCE_WITH_CLEANUP = `
const client = StreamChat.getInstance('key');
function Chat({ user }: { user: { id: string } }) {
  useEffect(() => {
    client.connectUser(user, token);
    return () => { client.disconnectUser(); };
  }, [user]);
  return <div />;
}`;
const TEN_CLIENTS = `
const clients = [];
for (let i = 0; i < 10; i++) {
  const client = new StreamChat('key');
  clients.push(client);
}`;

tester.run('connect-in-effect-needs-cleanup', rules['connect-in-effect-needs-cleanup'], {
  valid: [
    { ...tsx, code: GET_INSTANCE_WITH_CLEANUP },
    { ...tsx, code: `useEffect(() => { const c = new StreamVideoClient({ apiKey, user, token }); return () => void c.disconnectUser(); }, []);` },
    { ...tsx, code: `useEffect(() => { client.connectUser(user, token); const stop = () => client.disconnectUser(); return stop; }, []);` },
    { ...tsx, code: `useEffect(() => { document.title = 'chat'; }, []);` },
    { ...tsx, code: `useLayoutEffect(() => { client.connectUser(u, t); return function cleanup() { client.disconnect(); }; });` },
  ],
  invalid: [
    { ...tsx, code: EFFECT_WITHOUT_CLEANUP, errors: [{ messageId: 'missingCleanup', data: { connect: 'connectUser()', effect: 'useEffect' } }] },
    { ...tsx, code: `React.useEffect(() => void client.connectUser(u, t), []);`, errors: [{ messageId: 'missingCleanup' }] },
    { ...tsx, code: `useEffect(() => { client.setUser(u, t); return () => { console.log('bye'); }; }, []);`, errors: [{ messageId: 'missingCleanup', data: { connect: 'setUser()', effect: 'useEffect' } }] },
    { ...tsx, code: `useLayoutEffect(() => { const video = new StreamVideoClient({ apiKey, user, token }); }, []);`, errors: [{ messageId: 'missingCleanup', data: { connect: 'new StreamVideoClient()', effect: 'useLayoutEffect' } }] },
    { ...tsx, code: `useEffect(() => { (async () => { await client.connectUser(u, t); })(); }, []);`, errors: [{ messageId: 'missingCleanup' }] },
  ],
});

tester.run('prefer-get-instance', rules['prefer-get-instance'], {
  valid: [
    { ...tsx, code: GET_INSTANCE_WITH_CLEANUP },
    { ...tsx, code: `export const client = new StreamChat('key');` },
  ],
  invalid: [
    { ...tsx, code: TEN_CLIENTS, errors: [{ messageId: 'repeated' }] },
    { ...tsx, code: `function Chat() { const client = new StreamChat('key'); return <div />; }`, errors: [{ messageId: 'repeated' }] },
    { ...tsx, code: `const useClient = () => useMemo(() => new chat.StreamChat('key'), []);`, errors: [{ messageId: 'repeated' }] },
  ],
});

tester.run('stable-token-provider', rules['stable-token-provider'], {
  valid: [
    { ...tsx, code: `const tokenProvider = () => fetchToken(); const userData = { id: 'alice' };\nfunction App() { const client = useCreateChatClient({ apiKey, tokenOrProvider: tokenProvider, userData }); return null; }` },
    { ...tsx, code: `function App({ token, user }) { const client = useCreateChatClient({ apiKey, tokenOrProvider: token, userData: user }); return null; }` },
    { ...tsx, code: `function App() { const provider = useCallback(() => fetchToken(), []); useEffect(() => { client.connectUser(u, provider); return () => client.disconnectUser(); }, [provider]); }` },
  ],
  invalid: [
    {
      ...tsx,
      code: `function App() { const client = useCreateChatClient({ apiKey, tokenOrProvider: async () => fetchToken(), userData: { id: 'alice' } }); return null; }`,
      errors: [
        { messageId: 'inlineOption', data: { option: 'tokenOrProvider', kind: 'function' } },
        { messageId: 'inlineOption', data: { option: 'userData', kind: 'object' } },
      ],
    },
    { ...tsx, code: `function App() { const provider = () => fetchToken(); const client = useCreateChatClient({ apiKey, tokenOrProvider: provider, userData }); }`, errors: [{ messageId: 'inlineOption' }] },
    {
      ...tsx,
      code: `function App() { const user = { id: 'alice' }; useEffect(() => { client.connectUser(user, token); return () => client.disconnectUser(); }, [user]); }`,
      errors: [{ messageId: 'inlineDependency', data: { name: 'user', kind: 'object' } }],
    },
  ],
});

describe('single-connect-call-site', () => {
  beforeEach(() => forgetConnectCallSites());
  tester.run('single-connect-call-site', rules['single-connect-call-site'], {
    valid: [{ filename: '/app/chat.ts', code: `export async function connect(user, token) { await client.connectUser(user, token); }` }],
    invalid: [
      {
        filename: '/app/chat.ts',
        code: `await client.connectUser(alice, a);\nawait client.connectUser(bob, b);`,
        errors: [{ messageId: 'several', data: { count: '2', sites: '/app/chat.ts:1, /app/chat.ts:2' }, line: 2 }],
      },
    ],
  });
});
