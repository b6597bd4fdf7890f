import { Client } from '@stomp/stompjs';
import SockJS from 'sockjs-client';
import { publishRun, sleep } from './transcript';

/** @stomp/stompjs over sockjs-client: CONNECT, SUBSCRIBE, SEND and the MESSAGE back, heart-beats. */
async function startStompChat(): Promise<string[]> {
  const lines: string[] = [];
  const client = new Client({ webSocketFactory: () => new SockJS(`${location.origin}/stomp`, null, { transports: ['websocket'] }), heartbeatIncoming: 250, heartbeatOutgoing: 250, reconnectDelay: 0 });
  await new Promise<void>((resolve) => {
    client.onConnect = () => resolve();
    client.activate();
  });
  lines.push('connected');
  const received = new Promise<string>((resolve) => client.subscribe('/topic/chat', (message) => resolve(message.body)));
  client.publish({ destination: '/topic/chat', body: 'hello stomp' });
  lines.push(`message: ${await received}`);
  await sleep(Number(new URLSearchParams(location.search).get('hold') ?? 0));
  await client.deactivate();
  return lines;
}

publishRun(startStompChat);
