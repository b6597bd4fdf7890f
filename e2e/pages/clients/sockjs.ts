import SockJS from 'sockjs-client';
import { publishRun } from './transcript';

/** sockjs-client: an /info request over XHR, then a WebSocket transport, echoes. */
async function startSockJsEcho(): Promise<string[]> {
  const lines: string[] = [];
  const socket = new SockJS(`${location.origin}/sockjs`);
  await new Promise<void>((resolve, reject) => {
    socket.onopen = () => resolve();
    socket.onerror = () => reject(new Error('sockjs error'));
  });
  lines.push(`transport: ${(socket as unknown as { transport: string }).transport}`);
  for (const text of ['one', 'two']) {
    const reply = new Promise<string>((resolve) => (socket.onmessage = (event) => resolve(String(event.data))));
    socket.send(text);
    lines.push(await reply);
  }
  await new Promise<void>((resolve) => {
    socket.onclose = (event) => {
      lines.push(`close: ${event.code} ${event.reason}`);
      resolve();
    };
    socket.close(1000, 'done');
  });
  return lines;
}

publishRun(startSockJsEcho);
