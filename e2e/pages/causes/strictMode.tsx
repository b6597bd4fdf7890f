/** @jsxImportSource react */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { StreamChat } from 'stream-chat';
import { API_KEY, baseURL, fetchToken } from './token';

/** The correct pattern under React 19's StrictMode: connect in the effect, disconnect in its cleanup. */
function ChatApp({ token }: { token: string }) {
  const [state, setState] = useState('connecting');
  useEffect(() => {
    const client = new StreamChat(API_KEY, { baseURL });
    const connected = client.connectUser({ id: 'alice' }, token).then(() => setState('connected'));
    return () => {
      void connected.finally(() => client.disconnectUser());
    };
  }, [token]);
  return <p id="state">{state}</p>;
}

void fetchToken('alice').then((token) =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <ChatApp token={token} />
    </StrictMode>,
  ),
);
