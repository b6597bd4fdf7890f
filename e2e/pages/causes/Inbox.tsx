/** @jsxImportSource react */
import { useEffect } from 'react';
import { StreamChat } from 'stream-chat';
import { API_KEY, baseURL, fetchToken } from './token';

/** The inbox, which makes a client of its own too. */
export function Inbox() {
  useEffect(() => {
    const client = new StreamChat(API_KEY, { baseURL });
    void fetchToken('alice').then((token) => client.connectUser({ id: 'alice' }, token));
    return () => void client.disconnectUser();
  }, []);
  return <p>inbox</p>;
}
