import ReconnectingWebSocket from 'reconnecting-websocket';
import { publishRun } from './transcript';

/** reconnecting-websocket: the server drops the first connection; the client opens a second. */
async function startReconnectingEcho(): Promise<string[]> {
  const lines: string[] = [];
  const run = new URLSearchParams(location.search).get('run') ?? 'r';
  const socket = new ReconnectingWebSocket(`ws://${location.host}/echo?drop=first&run=${run}`, [], {
    minReconnectionDelay: 50,
    maxReconnectionDelay: 100,
    maxRetries: 3,
  });
  let opens = 0;
  await new Promise<void>((resolve) => {
    socket.addEventListener('open', () => socket.send(`ping ${++opens}`));
    socket.addEventListener('message', (event) => {
      lines.push(`echo: ${event.data}`);
      if (opens === 2) resolve();
    });
    socket.addEventListener('close', (event) => {
      lines.push(`close: ${event.code} ${event.reason}`);
    });
  });
  lines.push(`retries: ${socket.retryCount}`);
  socket.close(1000, 'done');
  return lines;
}

publishRun(startReconnectingEcho);
