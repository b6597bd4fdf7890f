import { publishRun } from './transcript';

/**
 * A client that long-polls over fetch (as an SDK built on fetch would): connect, one poll,
 * close, against the fake Stream backend named by `?backend=`. Lines say what the page got.
 */
async function startFetchLongPoll(): Promise<string[]> {
  const lines: string[] = [];
  const backend = new URLSearchParams(location.search).get('backend') ?? '';
  const json = encodeURIComponent(JSON.stringify({ user_id: 'bob', user_details: { id: 'bob' } }));
  const headers = { Authorization: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX2lkIjoiYm9iIn0.devtoken', 'stream-auth-type': 'jwt' };
  const connectPromise = fetch(`${backend}/longpoll?json=${json}&user_id=bob&api_key=e2e-key`, { headers });
  lines.push(`fetch returns a Promise: ${connectPromise instanceof Promise}`);
  const connect = await connectPromise;
  const opened = (await connect.json()) as { event: { connection_id: string; me: { id: string } } };
  lines.push(`connect: ${connect.status} ${connect.headers.get('content-type')} me=${opened.event.me.id} bodyUsed=${connect.bodyUsed}`);
  const id = opened.event.connection_id;
  const poll = await fetch(new Request(`${backend}/longpoll?user_id=bob&connection_id=${id}&api_key=e2e-key`, { headers }));
  lines.push(`poll: ${poll.status} ${await poll.text()}`);
  const close = await fetch(new URL(`${backend}/longpoll?close=true&connection_id=${id}&api_key=e2e-key`), { headers });
  lines.push(`close: ${close.status}`);
  const unknown = await fetch(`${backend}/longpoll?connection_id=${id}&api_key=e2e-key`, { headers });
  lines.push(`poll after close: ${unknown.status}`);
  // A failed long-poll request rejects exactly as without the hook.
  lines.push(await fetch('http://127.0.0.1:9/longpoll').then(() => 'resolved', (error: Error) => `rejected: ${error.name}: ${error.message}`));
  return lines;
}

publishRun(startFetchLongPoll);
