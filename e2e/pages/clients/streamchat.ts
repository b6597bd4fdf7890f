import { StreamChat } from 'stream-chat';
import { publishRun } from './transcript';

/** stream-chat (the real SDK) against the fake Stream backend named by `?backend=`. */
async function startStreamChat(): Promise<string[]> {
  const lines: string[] = [];
  const backend = new URLSearchParams(location.search).get('backend') ?? '';
  const client = new StreamChat('e2e-key', { baseURL: backend });
  const connected = await client.connectUser({ id: 'alice', name: 'Alice' }, client.devToken('alice'));
  lines.push(`connected as: ${connected?.me?.id}`);
  lines.push(`has connection id: ${Boolean(client._getConnectionID())}`);
  await client.disconnectUser();
  lines.push(`user after disconnect: ${client.userID ?? 'none'}`);
  return lines;
}

publishRun(startStreamChat);
