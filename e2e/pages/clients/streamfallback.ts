import { StreamChat } from 'stream-chat';
import { publishRun } from './transcript';

/**
 * stream-chat with `enableWSFallback`, against a backend (`?backend=`) that refuses WebSockets:
 * the SDK falls back to long-polling `/longpoll` over XHR. The run resolves once connected and
 * polling; `window.finishRun()` then disconnects and resolves with the rest of the lines.
 */
async function startStreamFallback(): Promise<string[]> {
  const lines: string[] = [];
  const backend = new URLSearchParams(location.search).get('backend') ?? '';
  const client = new StreamChat('e2e-key', { baseURL: backend, enableWSFallback: true });
  // The SDK gives a WebSocket this long before falling back (6 s by default).
  client.defaultWSTimeoutWithFallback = 300;
  client.on('transport.changed', (event) => lines.push(`transport: ${(event as { mode?: string }).mode}`));
  const connected = await client.connectUser({ id: 'alice', name: 'Alice' }, client.devToken('alice'));
  lines.push(`connected as: ${connected?.me?.id}`);
  lines.push(`has connection id: ${Boolean(client._getConnectionID())}`);
  (window as unknown as { finishRun: () => Promise<string[]> }).finishRun = async () => {
    await client.disconnectUser();
    return [...lines, `user after disconnect: ${client.userID ?? 'none'}`];
  };
  return lines;
}

publishRun(startStreamFallback);
