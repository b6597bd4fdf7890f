// The correct pattern: the getInstance() client, connected in an effect with its cleanup.
import { useEffect } from 'react';
import { StreamChat } from 'stream-chat';

const client = StreamChat.getInstance('api-key');

export function CorrectChat({ user, token }) {
  useEffect(() => {
    client.connectUser(user, token);
    return () => {
      client.disconnectUser();
    };
  }, [user, token]);
  return <div>chat</div>;
}
