import { Wampy } from 'wampy';
import { publishRun } from './transcript';

/** wampy (wamp.2.json): a session, subscribe and publish, register and call. */
async function startWampSession(): Promise<string[]> {
  const lines: string[] = [];
  const wampy = new Wampy(`ws://${location.host}/wamp`, { realm: 'realm1', autoReconnect: false });
  await wampy.connect();
  lines.push('connected');
  const event = new Promise<unknown>((resolve) => void wampy.subscribe('chat.room1', (data: { argsList?: unknown[] }) => resolve(data.argsList)));
  await wampy.publish('chat.room1', ['hello wamp'], { exclude_me: false, acknowledge: true });
  lines.push(`event: ${JSON.stringify(await event)}`);
  await wampy.register('math.add', ({ argsList = [] }) => ({ argsList: [Number(argsList[0]) + Number(argsList[1])] }));
  const result = (await wampy.call('math.add', [2, 3])) as { argsList: unknown[] };
  lines.push(`sum: ${JSON.stringify(result.argsList)}`);
  await wampy.disconnect();
  return lines;
}

publishRun(startWampSession);
