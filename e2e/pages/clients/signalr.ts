import { HttpTransportType, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { publishRun, sleep } from './transcript';

/** @microsoft/signalr (JSON hub protocol): an invocation answered by a hub method call and a completion, pings. */
async function startSignalRChat(): Promise<string[]> {
  const lines: string[] = [];
  const connection = new HubConnectionBuilder().withUrl(`${location.origin}/chathub`, { skipNegotiation: true, transport: HttpTransportType.WebSockets }).configureLogging(LogLevel.None).build();
  connection.keepAliveIntervalInMilliseconds = 250;
  const received = new Promise<string>((resolve) => connection.on('ReceiveMessage', (user: string, text: string) => resolve(`${user}: ${text}`)));
  await connection.start();
  lines.push(`result: ${String(await connection.invoke('SendMessage', 'alice', 'hello hub'))}`);
  lines.push(`received: ${await received}`);
  await sleep(Number(new URLSearchParams(location.search).get('hold') ?? 0));
  await connection.stop();
  return lines;
}

publishRun(startSignalRChat);
