import { io } from 'socket.io-client';
import { publishRun, sleep, unsignedToken } from './transcript';

/** socket.io-client 4: handshake over HTTP polling, upgrade to a WebSocket, events with an ack. */
async function startSocketIoChat(): Promise<string[]> {
  const lines: string[] = [];
  const socket = io({ query: { token: unsignedToken('sio-user') }, reconnection: false });
  const upgraded = new Promise<void>((resolve) => socket.io.engine.on('upgrade', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    socket.on('connect', () => resolve());
    socket.on('connect_error', reject);
  });
  lines.push('connected');
  await upgraded;
  lines.push(`transport: ${socket.io.engine.transport.name}`);
  const welcome = new Promise<unknown>((resolve) => socket.once('welcome', resolve));
  lines.push(`ack: ${await socket.emitWithAck('hello', 'sio-user')}`);
  lines.push(`welcome: ${JSON.stringify(await welcome)}`);
  // `?hold=<ms>`: stay connected a while, so the heartbeats show too.
  await sleep(Number(new URLSearchParams(location.search).get('hold') ?? 0));
  socket.disconnect();
  lines.push(`connected after disconnect: ${socket.connected}`);
  return lines;
}

publishRun(startSocketIoChat);
