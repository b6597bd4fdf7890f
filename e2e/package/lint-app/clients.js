// The seeds' loop that creates ten clients.
import { StreamChat } from 'stream-chat';

export const clients = [];
for (let i = 0; i < 10; i++) {
  clients.push(new StreamChat('api-key'));
}
