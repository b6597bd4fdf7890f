// The seeds' first mistake: connectUser in an effect without a cleanup.
import { useEffect } from 'react';
import { StreamChat } from 'stream-chat';

const client = StreamChat.getInstance('api-key');

export function Chat({ user, token }) {
  useEffect(() => {
    client.connectUser(user, token);
  }, [user, token]);
  return <div>chat</div>;
}
