import { Socket } from 'phoenix';
import { publishRun, sleep } from './transcript';

/** The phoenix client: join a channel, push, receive the broadcast, heartbeats, leave. */
async function startPhoenixChat(): Promise<string[]> {
  const lines: string[] = [];
  const socket = new Socket(`ws://${location.host}/socket`, { params: { user_id: 'alice' }, heartbeatIntervalMs: 250 });
  socket.connect();
  const channel = socket.channel('room:lobby', { nickname: 'alice' });
  await new Promise((resolve, reject) => channel.join().receive('ok', resolve).receive('error', reject));
  lines.push('joined');
  const received = new Promise<unknown>((resolve) => channel.on('new_msg', resolve));
  channel.push('new_msg', { body: 'hello phoenix' });
  lines.push(`broadcast: ${JSON.stringify(await received)}`);
  await sleep(Number(new URLSearchParams(location.search).get('hold') ?? 0));
  await new Promise((resolve) => channel.leave().receive('ok', resolve));
  socket.disconnect();
  return lines;
}

publishRun(startPhoenixChat);
