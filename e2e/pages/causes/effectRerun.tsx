/** @jsxImportSource react */
import { createRoot } from 'react-dom/client';
import { useCreateChatClient } from 'stream-chat-react';
import { API_KEY, baseURL, fetchToken } from './token';

/**
 * The mistake useCreateChatClient invites: an inline token provider, a new function each render,
 * so the hook's effect makes a new client (and disconnects the last) on every render.
 */
function ChatApp() {
  const client = useCreateChatClient({ apiKey: API_KEY, tokenOrProvider: () => fetchToken('alice'), userData: { id: 'alice' }, options: { baseURL } });
  return <p>{client ? 'connected' : 'connecting'}</p>;
}

createRoot(document.getElementById('root') as HTMLElement).render(<ChatApp />);
