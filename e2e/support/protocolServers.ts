import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';

/**
 * The smallest servers that real client libraries from npm accept, for protocols whose usual
 * servers are not JavaScript (a STOMP broker, an ASP.NET SignalR hub, Phoenix, Rails' Action
 * Cable, a WAMP router). Each speaks just enough of its protocol for a connect, a message each
 * way and the keep-alives. Used by the browser tests' real-client server and by
 * scripts/captureFrames.mjs, which records the decoders' fixtures.
 */

const SEPARATOR = '\u001e';

/** A STOMP 1.2 broker on any text transport: CONNECTED (heart-beats every 250 ms), SUBSCRIBE, SEND → MESSAGE, receipts. */
export function serveStomp(write: (text: string) => void, onText: (listener: (text: string) => void) => void, onClose: (listener: () => void) => void): void {
  const subscriptions = new Map<string, string>();
  let messageId = 0;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  onClose(() => clearInterval(heartbeat));
  const frame = (command: string, headers: Record<string, string>, body = ''): string => `${command}\n${Object.entries(headers).map(([name, value]) => `${name}:${value}`).join('\n')}\n\n${body}\0`;
  onText((text) => {
    if (/^[\r\n]+$/.test(text)) return;
    const [head = '', ...bodyParts] = text.split('\n\n');
    const [command, ...headerLines] = head.replace(/^[\r\n]+/, '').split('\n');
    const headers: Record<string, string> = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)]));
    const body = bodyParts.join('\n\n').replace(/\0$/, '');
    const destination = headers['destination'] ?? '';
    if (command === 'CONNECT' || command === 'STOMP') {
      write(frame('CONNECTED', { version: '1.2', 'heart-beat': '250,250', server: 'minimal-broker/1' }));
      heartbeat = setInterval(() => write('\n'), 250);
    } else if (command === 'SUBSCRIBE') subscriptions.set(destination, headers['id'] ?? '');
    else if (command === 'SEND' && subscriptions.has(destination)) {
      write(frame('MESSAGE', { subscription: subscriptions.get(destination) ?? '', 'message-id': String(++messageId), destination, 'content-type': headers['content-type'] ?? 'text/plain' }, body));
    } else if (command === 'DISCONNECT') clearInterval(heartbeat);
    if (headers['receipt']) write(frame('RECEIPT', { 'receipt-id': headers['receipt'] }));
  });
}

/** A SignalR hub (JSON protocol): the handshake, `SendMessage` answered with `ReceiveMessage` and a completion, pings every 250 ms. */
export function serveSignalRHub(ws: WebSocket): void {
  const send = (message: object): void => ws.send(JSON.stringify(message) + SEPARATOR);
  const ping = setInterval(() => send({ type: 6 }), 250);
  ws.on('close', () => clearInterval(ping));
  ws.on('message', (data) => {
    for (const text of data.toString().split(SEPARATOR).filter(Boolean)) {
      const message = JSON.parse(text) as { protocol?: string; type?: number; target?: string; arguments?: unknown[]; invocationId?: string };
      if (message.protocol) ws.send(`{}${SEPARATOR}`);
      else if (message.type === 1 && message.target === 'SendMessage') {
        send({ type: 1, target: 'ReceiveMessage', arguments: message.arguments ?? [] });
        if (message.invocationId) send({ type: 3, invocationId: message.invocationId, result: 'delivered' });
      } else if (message.type === 1 && message.invocationId) send({ type: 3, invocationId: message.invocationId, error: `Unknown hub method '${message.target}'` });
    }
  });
}

/** Phoenix channels (vsn 2.0.0 arrays, 1.0.0 objects): join, leave and heartbeat replies; `new_msg` broadcast back. */
export function servePhoenix(ws: WebSocket, request: IncomingMessage): void {
  const v1 = new URL(request.url ?? '/', 'http://localhost').searchParams.get('vsn') === '1.0.0';
  const send = (joinRef: unknown, ref: unknown, topic: string, event: string, payload: unknown): void =>
    ws.send(JSON.stringify(v1 ? { topic, event, payload, ref, join_ref: joinRef } : [joinRef, ref, topic, event, payload]));
  ws.on('message', (data) => {
    const raw = JSON.parse(data.toString()) as unknown[] | { join_ref?: unknown; ref: unknown; topic: string; event: string; payload: unknown };
    const [joinRef, ref, topic, event, payload] = Array.isArray(raw) ? (raw as [unknown, unknown, string, string, unknown]) : [raw.join_ref ?? null, raw.ref, raw.topic, raw.event, raw.payload];
    if (event === 'heartbeat' || event === 'phx_join' || event === 'phx_leave') send(joinRef, ref, topic, 'phx_reply', { status: 'ok', response: {} });
    else if (event === 'new_msg') {
      send(joinRef, ref, topic, 'phx_reply', { status: 'ok', response: {} });
      send(null, null, topic, 'new_msg', payload);
    }
  });
}

/** Action Cable: welcome, pings every 250 ms, subscriptions confirmed, each performed action broadcast back. */
export function serveActionCable(ws: WebSocket): void {
  ws.send(JSON.stringify({ type: 'welcome' }));
  const ping = setInterval(() => ws.send(JSON.stringify({ type: 'ping', message: Math.floor(Date.now() / 1000) })), 250);
  ws.on('close', () => clearInterval(ping));
  ws.on('message', (data) => {
    const { command, identifier, data: payload } = JSON.parse(data.toString()) as { command: string; identifier: string; data?: string };
    if (command === 'subscribe') ws.send(JSON.stringify({ identifier, type: 'confirm_subscription' }));
    else if (command === 'message' && payload) {
      const { action: _action, ...message } = JSON.parse(payload) as Record<string, unknown>;
      ws.send(JSON.stringify({ identifier, message }));
    }
  });
}

/** A WAMP v2 router (JSON): sessions, subscribe/publish, register/call, goodbye. */
export function serveWampRouter(ws: WebSocket): void {
  const subscriptions = new Map<string, number>();
  const registrations = new Map<string, number>();
  const calls = new Map<number, unknown>();
  let next = 1000;
  const send = (message: unknown[]): void => ws.send(JSON.stringify(message));
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as unknown[];
    switch (message[0]) {
      case 1:
        return send([2, 4242, { roles: { broker: { features: {} }, dealer: { features: {} } } }]);
      case 32: {
        const id = ++next;
        subscriptions.set(String(message[3]), id);
        return send([33, message[1], id]);
      }
      case 16: {
        const [, request, options, topic, args = [], kwargs = {}] = message as [number, number, { acknowledge?: boolean }, string, unknown[]?, object?];
        if (options.acknowledge) send([17, request, ++next]);
        const subscription = subscriptions.get(topic);
        if (subscription !== undefined) send([36, subscription, next, {}, args, kwargs]);
        return;
      }
      case 64: {
        const id = ++next;
        registrations.set(String(message[3]), id);
        return send([65, message[1], id]);
      }
      case 48: {
        const [, request, , procedure, args = [], kwargs = {}] = message as [number, number, object, string, unknown[]?, object?];
        const registration = registrations.get(procedure);
        if (registration === undefined) return send([8, 48, request, {}, 'wamp.error.no_such_procedure']);
        const invocation = ++next;
        calls.set(invocation, request);
        return send([68, invocation, registration, {}, args, kwargs]);
      }
      case 70:
        return send([50, calls.get(Number(message[1])), {}, message[3] ?? []]);
      case 6:
        return send([6, {}, 'wamp.close.goodbye_and_out']);
    }
  });
}
