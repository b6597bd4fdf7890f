import { createConsumer } from '@rails/actioncable';
import { publishRun, sleep } from './transcript';

/** @rails/actioncable: subscribe to a channel, perform an action, receive the broadcast, pings. */
async function startCableChat(): Promise<string[]> {
  const lines: string[] = [];
  const consumer = createConsumer(`ws://${location.host}/cable`);
  const received = new Promise<unknown>((resolve) => {
    const subscription = consumer.subscriptions.create({ channel: 'ChatChannel', room: 'lobby' }, {
      connected: () => subscription.perform('speak', { text: 'hello cable' }),
      received: resolve,
    });
  });
  lines.push(`received: ${JSON.stringify(await received)}`);
  await sleep(Number(new URLSearchParams(location.search).get('hold') ?? 0));
  consumer.disconnect();
  return lines;
}

publishRun(startCableChat);
