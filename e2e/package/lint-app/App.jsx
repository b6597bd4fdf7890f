// stream-chat-react's hook with an inline token provider: a new client on every render.
import { useCreateChatClient } from 'stream-chat-react';

export function App() {
  const client = useCreateChatClient({ apiKey: 'api-key', tokenOrProvider: async () => fetch('/token').then((r) => r.text()), userData: { id: 'alice' } });
  return client ? <div>ready</div> : null;
}
