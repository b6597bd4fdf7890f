import mqtt from 'mqtt';
import { publishRun, sleep } from './transcript';

/** mqtt.js over a WebSocket: connect, subscribe, publish and receive, keep-alive pings. */
async function startMqttChat(): Promise<string[]> {
  const lines: string[] = [];
  const client = await mqtt.connectAsync(`ws://${location.host}/mqtt`, { clientId: 'browser-client', keepalive: 1, reconnectPeriod: 0 });
  lines.push('connected');
  await client.subscribeAsync('chat/room1', { qos: 1 });
  const received = new Promise<string>((resolve) => client.once('message', (topic, payload) => resolve(`${topic}: ${payload.toString()}`)));
  await client.publishAsync('chat/room1', 'hello mqtt', { qos: 1 });
  lines.push(await received);
  // `?hold=<ms>`: stay connected past the keep-alive, so PINGREQ/PINGRESP show too.
  await sleep(Number(new URLSearchParams(location.search).get('hold') ?? 0));
  await client.endAsync();
  lines.push('ended');
  return lines;
}

publishRun(startMqttChat);
