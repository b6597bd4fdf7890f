/** @jsxImportSource react */
import { useEffect } from 'react';
import { StreamChat } from 'stream-chat';
import { API_KEY, baseURL, fetchToken } from './token';

/** A widget that makes its own client (the mistake: `new StreamChat` where one shared client was meant). */
export function ChatWidget() {
  useEffect(() => {
    const client = new StreamChat(API_KEY, { baseURL });
    void fetchToken('alice').then((token) => client.connectUser({ id: 'alice' }, token));
    return () => void client.disconnectUser();
  }, []);
  return <p>widget</p>;
}
