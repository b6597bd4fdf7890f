// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- see the reason below
// @ts-nocheck -- a one-off dev tool driving ten client libraries through their Node entry points,
// several without typings (phoenix, wampy, @rails/actioncable); its output, the fixtures, is what
// the typed unit tests check.
// Captures the WebSocket frames real client libraries exchange with real (or minimal local)
// servers, as fixtures for the protocol decoders' unit tests (src/core/decoders/fixtures/).
//
//   node --import ./scripts/tsLoader.mjs scripts/captureFrames.mjs [name...]   (default: every capture)
//
// Each client talks to its server through a recording proxy on 127.0.0.1 that forwards HTTP
// and WebSocket traffic unchanged, so the frames are exactly what the client library sent and
// received. Nothing leaves the machine.
import { Client as StompClient } from '@stomp/stompjs';
import { HubConnectionBuilder, HttpTransportType, LogLevel } from '@microsoft/signalr';
import { Aedes } from 'aedes';
import { GraphQLObjectType, GraphQLSchema, GraphQLString, execute, subscribe } from 'graphql';
import { createClient as createGraphqlWsClient } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import mqtt from 'mqtt';
import { readFileSync } from 'node:fs';
import { writeFile, mkdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { Socket as PhoenixSocket } from 'phoenix';
import { Server as SocketIoServer } from 'socket.io';
import { io as socketIoClient } from 'socket.io-client';
import sockjs from 'sockjs';
import SockJS from 'sockjs-client';
import { StreamChat } from 'stream-chat';
import { SubscriptionClient } from 'subscriptions-transport-ws';
import { SubscriptionServer } from 'subscriptions-transport-ws/dist/server.js';
import { Wampy } from 'wampy';
import WebSocket, { WebSocketServer, createWebSocketStream } from 'ws';
import { startFakeStreamBackend } from '../demo/backend/fakeStreamBackend.mjs';
import { serveActionCable, servePhoenix, serveSignalRHub, serveStomp, serveWampRouter } from '../e2e/support/protocolServers.ts';

const FIXTURES_DIR = path.resolve(import.meta.dirname, '../src/core/decoders/fixtures');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
const closeServer = (server) => {
  server.closeAllConnections?.();
  return new Promise((resolve) => server.close(() => resolve()));
};
const hex = (buffer) => Array.from(buffer, (byte) => byte.toString(16).padStart(2, '0')).join(' ');

/**
 * A proxy in front of `targetPort` that records every WebSocket frame each way: `out` is what
 * the client sent, `in` what it received. HTTP requests (polling handshakes, /info) pass through.
 */
async function recordingProxy(targetPort) {
  const connections = [];
  const server = http.createServer((request, response) => {
    const upstream = http.request({ host: '127.0.0.1', port: targetPort, method: request.method, path: request.url, headers: request.headers }, (reply) => {
      response.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  const wss = new WebSocketServer({ server, handleProtocols: (protocols) => [...protocols][0] ?? false });
  wss.on('connection', (client, request) => {
    const protocols = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
    const record = { path: request.url, protocols, frames: [] };
    connections.push(record);
    const server = new WebSocket(`ws://127.0.0.1:${targetPort}${request.url}`, protocols);
    const pending = [];
    const note = (direction, data, isBinary) => {
      const buffer = Buffer.isBuffer(data) ? data : Buffer.concat(data);
      record.frames.push({ direction, binary: isBinary, size: buffer.length, data: isBinary ? hex(buffer) : buffer.toString('utf8') });
    };
    client.on('message', (data, isBinary) => {
      note('out', data, isBinary);
      if (server.readyState === WebSocket.OPEN) server.send(data, { binary: isBinary });
      else pending.push([data, isBinary]);
    });
    server.on('open', () => {
      for (const [data, isBinary] of pending.splice(0)) server.send(data, { binary: isBinary });
    });
    server.on('message', (data, isBinary) => {
      note('in', data, isBinary);
      if (client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
    });
    const validCode = (code) => (code >= 3000 && code <= 4999) || code === 1000 ? code : 1000;
    server.on('close', (code, reason) => client.readyState === WebSocket.OPEN && client.close(validCode(code), reason));
    client.on('close', (code, reason) => server.readyState === WebSocket.OPEN && server.close(validCode(code), reason));
    server.on('error', () => client.terminate());
    client.on('error', () => server.terminate());
  });
  const port = await listen(server);
  return {
    port,
    connections,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      await closeServer(server);
    },
  };
}

/** Runs `exchange(proxyPort)` against a server on `serverPort` and returns the recorded connections. */
async function throughProxy(serverPort, exchange) {
  const proxy = await recordingProxy(serverPort);
  try {
    await exchange(proxy.port);
    await sleep(100);
  } finally {
    await proxy.close();
  }
  return proxy.connections;
}

async function saveFixture(name, description, connections) {
  await mkdir(FIXTURES_DIR, { recursive: true });
  const file = path.join(FIXTURES_DIR, `${name}.json`);
  await writeFile(file, `${JSON.stringify({ description, connections }, null, 2)}\n`);
  console.log(`${name}: ${connections.length} connection(s), ${connections.reduce((sum, c) => sum + c.frames.length, 0)} frames -> ${path.relative(process.cwd(), file)}`);
}

/** The installed version of a package, named in each fixture's description. */
function version(pkg) {
  return JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../node_modules/${pkg}/package.json`), 'utf8')).version;
}

const greetingsSchema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { hello: { type: GraphQLString, resolve: () => 'world' } } }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      greetings: {
        type: GraphQLString,
        subscribe: async function* () {
          for (const greeting of ['Hi', 'Bonjour']) {
            await sleep(150);
            yield { greetings: greeting };
          }
        },
      },
    },
  }),
});

const CAPTURES = {
  /** socket.io-client against socket.io: polling handshake, upgrade, events, acks, a namespace, binary. */
  async socketio() {
    const server = http.createServer();
    const io = new SocketIoServer(server, { pingInterval: 300, pingTimeout: 1000 });
    const onConnection = (socket) => {
      socket.on('hello', (name, ack) => {
        ack(`hello ${name}`);
        socket.emit('welcome', { to: name, rooms: socket.rooms.size });
      });
      socket.on('upload', (name, data, ack) => ack({ name, bytes: data.length }));
    };
    io.on('connection', onConnection);
    io.of('/chat').on('connection', (socket) => socket.on('message.new', (message) => socket.emit('message.new', { ...message, id: 'm1' })));
    const port = await listen(server);
    const connections = await throughProxy(port, async (proxyPort) => {
      const socket = socketIoClient(`http://127.0.0.1:${proxyPort}`, { auth: { token: 'secret-token' }, reconnection: false });
      await new Promise((resolve) => socket.io.engine.on('upgrade', resolve));
      const chat = socketIoClient(`http://127.0.0.1:${proxyPort}/chat`, { reconnection: false });
      await new Promise((resolve) => chat.on('connect', resolve));
      const welcome = new Promise((resolve) => socket.once('welcome', resolve));
      await socket.emitWithAck('hello', 'sio-user');
      await welcome;
      await socket.emitWithAck('upload', 'photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      const echoed = new Promise((resolve) => chat.once('message.new', resolve));
      chat.emit('message.new', { text: 'hi' });
      await echoed;
      // Long enough for a ping and its pong.
      await sleep(700);
      socket.disconnect();
    });
    await io.close();
    await closeServer(server);
    await saveFixture('socketio', `socket.io-client ${version('socket.io-client')} against socket.io ${version('socket.io')} (Engine.IO 4, Socket.IO 5): upgrade from polling, an event with an ack, a /chat namespace, a binary event, pings`, connections);
  },

  /** @stomp/stompjs over sockjs-client, against a sockjs server with a minimal STOMP broker. */
  async sockjs() {
    const server = http.createServer();
    const sockjsServer = sockjs.createServer({ log: () => {}, heartbeat_delay: 300 });
    sockjsServer.on('connection', (connection) => serveStomp((text) => connection.write(text), (listener) => connection.on('data', listener), (listener) => connection.on('close', listener)));
    sockjsServer.installHandlers(server, { prefix: '/stomp' });
    const port = await listen(server);
    const connections = await throughProxy(port, (proxyPort) => runStompClient(() => new SockJS(`http://127.0.0.1:${proxyPort}/stomp`, null, { transports: ['websocket'] })));
    await closeServer(server);
    await saveFixture('sockjs', `@stomp/stompjs ${version('@stomp/stompjs')} over sockjs-client ${version('sockjs-client')}, against a sockjs ${version('sockjs')} server with a minimal STOMP broker (e2e/support/protocolServers.ts): open, heartbeats, STOMP inside a[...]`, connections);
  },

  /** @stomp/stompjs over a plain WebSocket (subprotocol v12.stomp), against the same minimal broker. */
  async stomp() {
    const server = http.createServer();
    const wss = new WebSocketServer({ server, handleProtocols: (protocols) => (protocols.has('v12.stomp') ? 'v12.stomp' : false) });
    wss.on('connection', (ws) => serveStomp((text) => ws.send(text), (listener) => ws.on('message', (data) => listener(data.toString())), (listener) => ws.on('close', listener)));
    const port = await listen(server);
    const connections = await throughProxy(port, (proxyPort) => runStompClient(() => new WebSocket(`ws://127.0.0.1:${proxyPort}/stomp`, ['v12.stomp', 'v11.stomp', 'v10.stomp'])));
    for (const ws of wss.clients) ws.terminate();
    await closeServer(server);
    await saveFixture('stomp', `@stomp/stompjs ${version('@stomp/stompjs')} over a WebSocket, against a minimal STOMP 1.2 broker (e2e/support/protocolServers.ts): CONNECT, SUBSCRIBE, SEND, MESSAGE, heart-beats, a receipt`, connections);
  },

  /** @microsoft/signalr against a minimal JSON hub (handshake, invocations, completions, pings). */
  async signalr() {
    const server = http.createServer();
    const wss = new WebSocketServer({ server });
    wss.on('connection', serveSignalRHub);
    const port = await listen(server);
    const connections = await throughProxy(port, async (proxyPort) => {
      const connection = new HubConnectionBuilder()
        .withUrl(`http://127.0.0.1:${proxyPort}/chathub`, { skipNegotiation: true, transport: HttpTransportType.WebSockets })
        .configureLogging(LogLevel.None)
        .build();
      connection.keepAliveIntervalInMilliseconds = 300;
      const received = new Promise((resolve) => connection.on('ReceiveMessage', (user, text) => resolve([user, text])));
      await connection.start();
      await connection.invoke('SendMessage', 'alice', 'hello hub');
      await received;
      await connection.invoke('Missing').catch(() => {});
      await sleep(700);
      await connection.stop();
    });
    await closeServer(server);
    await saveFixture('signalr', `@microsoft/signalr ${version('@microsoft/signalr')} (JSON hub protocol, WebSockets without negotiation) against a minimal hub (e2e/support/protocolServers.ts): handshake, invocations, completions, pings`, connections);
  },

  /** mqtt.js against an aedes broker over WebSocket. */
  async mqtt() {
    const aedes = await Aedes.createBroker();
    const server = http.createServer();
    const wss = new WebSocketServer({ server, handleProtocols: (protocols) => [...protocols][0] ?? false });
    wss.on('connection', (ws) => aedes.handle(packetPerMessage(ws)));
    const port = await listen(server);
    const connections = await throughProxy(port, async (proxyPort) => {
      // The browser's stream (one WebSocket message per MQTT packet); Node's would send each field apart.
      globalThis.WebSocket ??= WebSocket;
      const client = await mqtt.connectAsync(`ws://127.0.0.1:${proxyPort}/mqtt`, { forceNativeWebSocket: true, clientId: 'onesocket-capture', keepalive: 1, username: 'alice', password: 'not-a-real-password', reconnectPeriod: 0 });
      await client.subscribeAsync('chat/room1', { qos: 1 });
      const received = new Promise((resolve) => client.once('message', resolve));
      await client.publishAsync('chat/room1', JSON.stringify({ user: 'alice', text: 'hello mqtt' }), { qos: 1 });
      await received;
      await client.publishAsync('sensors/raw', Buffer.from([0x00, 0xff, 0x10, 0x80]), { qos: 0 });
      await sleep(1600);
      await client.endAsync();
    });
    for (const ws of wss.clients) ws.terminate();
    await closeServer(server);
    await new Promise((resolve) => aedes.close(resolve));
    await saveFixture('mqtt', `mqtt.js ${version('mqtt')} (MQTT 3.1.1, its browser WebSocket stream) against an aedes ${version('aedes')} broker over WebSocket (a packet per message): CONNECT, SUBSCRIBE, PUBLISH qos 1 and 0, PINGREQ/PINGRESP, DISCONNECT`, connections);
  },

  /** The phoenix client (v2 array serializer, and the v1 object form) against a minimal channels server. */
  async phoenix() {
    const server = http.createServer();
    const wss = new WebSocketServer({ server });
    wss.on('connection', servePhoenix);
    const port = await listen(server);
    const connections = await throughProxy(port, async (proxyPort) => {
      for (const vsn of ['2.0.0', '1.0.0']) {
        const options = { transport: WebSocket, heartbeatIntervalMs: 300, params: { user_id: 'alice' }, vsn, timeout: 2000 };
        if (vsn === '1.0.0') Object.assign(options, { encode: (message, callback) => callback(JSON.stringify(message)), decode: (text, callback) => callback(JSON.parse(text)) });
        const socket = new PhoenixSocket(`ws://127.0.0.1:${proxyPort}/socket`, options);
        socket.connect();
        const channel = socket.channel('room:lobby', { nickname: 'alice' });
        await new Promise((resolve, reject) => channel.join().receive('ok', resolve).receive('error', reject));
        const received = new Promise((resolve) => channel.on('new_msg', resolve));
        channel.push('new_msg', { body: 'hello phoenix' });
        await received;
        await sleep(700);
        await new Promise((resolve) => channel.leave().receive('ok', resolve));
        socket.disconnect();
        await sleep(50);
      }
    });
    await closeServer(server);
    await saveFixture('phoenix', `phoenix ${version('phoenix')} client (vsn 2.0.0 arrays, then 1.0.0 objects through its encode/decode options) against a minimal channels server (e2e/support/protocolServers.ts): join, push, broadcast, heartbeats, leave`, connections);
  },

  /** graphql-ws's client and server (graphql-transport-ws). */
  async graphqlws() {
    const server = http.createServer();
    const wss = new WebSocketServer({ server, path: '/graphql' });
    const disposable = useServer({ schema: greetingsSchema }, wss);
    const port = await listen(server);
    const connections = await throughProxy(port, async (proxyPort) => {
      const client = createGraphqlWsClient({ url: `ws://127.0.0.1:${proxyPort}/graphql`, webSocketImpl: WebSocket, keepAlive: 150, lazy: false, connectionParams: { userId: 'alice' } });
      const query = client.iterate({ query: 'query Hello { hello }' });
      for await (const _result of query) break;
      const subscription = client.iterate({ query: 'subscription OnGreetings { greetings }' });
      for await (const _result of subscription) {
        // every greeting
      }
      await client.dispose();
    });
    await disposable.dispose();
    await closeServer(server);
    await saveFixture('graphqlws', `graphql-ws ${version('graphql-ws')} client and server (graphql-transport-ws): connection_init/ack, subscribe with operation names, next, complete, ping/pong`, connections);
  },

  /** subscriptions-transport-ws's client and server (the older `graphql-ws` subprotocol). */
  async subscriptionsTransportWs() {
    const server = http.createServer();
    const port = await listen(server);
    const subscriptionServer = SubscriptionServer.create({ schema: greetingsSchema, execute, subscribe, keepAlive: 200 }, { server, path: '/subscriptions' });
    const connections = await throughProxy(port, async (proxyPort) => {
      const client = new SubscriptionClient(`ws://127.0.0.1:${proxyPort}/subscriptions`, { connectionParams: { userId: 'alice' } }, WebSocket);
      await new Promise((resolve, reject) => {
        client.request({ query: 'subscription OnGreetings { greetings }', operationName: 'OnGreetings' }).subscribe({ next: () => {}, error: reject, complete: resolve });
      });
      await sleep(250);
      client.close();
    });
    subscriptionServer.close();
    await closeServer(server);
    await saveFixture('subscriptions-transport-ws', `subscriptions-transport-ws ${version('subscriptions-transport-ws')} client and server (subprotocol graphql-ws): connection_init/ack, ka keep-alives, start, data, complete, stop`, connections);
  },

  /** @rails/actioncable's consumer against a minimal Action Cable server. */
  async actioncable() {
    const server = http.createServer();
    const wss = new WebSocketServer({ server, handleProtocols: (protocols) => (protocols.has('actioncable-v1-json') ? 'actioncable-v1-json' : false) });
    wss.on('connection', serveActionCable);
    const port = await listen(server);
    // The consumer reads page globals; the smallest stand-ins a Node run needs.
    globalThis.document ??= { visibilityState: 'visible', addEventListener() {}, removeEventListener() {}, head: { querySelector: () => null } };
    globalThis.addEventListener ??= () => {};
    globalThis.removeEventListener ??= () => {};
    const { createConsumer, adapters } = await import('@rails/actioncable');
    adapters.WebSocket = WebSocket;
    const connections = await throughProxy(port, async (proxyPort) => {
      const consumer = createConsumer(`ws://127.0.0.1:${proxyPort}/cable`);
      const received = new Promise((resolve) => {
        const subscription = consumer.subscriptions.create({ channel: 'ChatChannel', room: 'lobby' }, {
          connected: () => subscription.perform('speak', { text: 'hello cable' }),
          received: resolve,
        });
      });
      await received;
      await sleep(600);
      consumer.disconnect();
    });
    for (const ws of wss.clients) ws.terminate();
    await closeServer(server);
    await saveFixture('actioncable', `@rails/actioncable ${version('@rails/actioncable')} consumer against a minimal Action Cable server (e2e/support/protocolServers.ts): welcome, subscribe, confirm_subscription, perform, broadcast, pings`, connections);
  },

  /** wampy against a minimal WAMP v2 router (wamp.2.json). */
  async wamp() {
    const server = http.createServer();
    const wss = new WebSocketServer({ server, handleProtocols: (protocols) => (protocols.has('wamp.2.json') ? 'wamp.2.json' : false) });
    wss.on('connection', serveWampRouter);
    const port = await listen(server);
    const connections = await throughProxy(port, async (proxyPort) => {
      const wampy = new Wampy(`ws://127.0.0.1:${proxyPort}/ws`, { ws: WebSocket, realm: 'realm1', autoReconnect: false });
      await wampy.connect();
      const event = new Promise((resolve) => wampy.subscribe('chat.room1', resolve));
      await sleep(50);
      await wampy.publish('chat.room1', ['hello wamp'], { exclude_me: false, acknowledge: true });
      await event;
      await wampy.register('math.add', ({ argsList }) => ({ argsList: [argsList[0] + argsList[1]] }));
      await wampy.call('math.add', [2, 3]);
      await wampy.call('math.missing', []).catch(() => {});
      await wampy.disconnect();
    });
    for (const ws of wss.clients) ws.terminate();
    await closeServer(server);
    await saveFixture('wamp', `wampy ${version('wampy')} (wamp.2.json) against a minimal WAMP v2 router (e2e/support/protocolServers.ts): HELLO/WELCOME, SUBSCRIBE, PUBLISH, EVENT, REGISTER, CALL, INVOCATION, YIELD, RESULT, ERROR, GOODBYE`, connections);
  },

  /** stream-chat against the demo's fake Stream backend: health checks both ways, a message.new. */
  async stream() {
    const backend = await startFakeStreamBackend({ staticDir: false });
    const port = backend.port;
    const connections = await throughProxy(port, async (proxyPort) => {
      const client = new StreamChat('demo-key', { baseURL: `http://127.0.0.1:${proxyPort}`, allowServerSideConnect: true });
      const token = (await (await fetch(`${backend.baseURL}/token?user_id=alice`)).json()).token;
      await client.connectUser({ id: 'alice', name: 'Alice' }, token);
      // The SDK's own keep-alive, sooner than its 25 s: it pings after each health.check.
      client.wsConnection.pingInterval = 200;
      client.wsConnection.scheduleNextPing();
      await sleep(300);
      const received = new Promise((resolve) => client.on('message.new', resolve));
      backend.sendEvent({ type: 'message.new', cid: 'messaging:general', channel_id: 'general', channel_type: 'messaging', message: { id: 'msg-1', text: 'hello stream', user: { id: 'bob' } }, user: { id: 'bob' } }, { userId: 'alice' });
      await received;
      await client.disconnectUser();
    });
    await backend.close();
    await saveFixture('stream', `stream-chat ${version('stream-chat')} against the demo's fake Stream backend (demo/backend): health.check with me, a message.new, the client's health.check pings`, connections);
  },
};

/**
 * A stream over `ws` that sends what one tick wrote as one WebSocket message: aedes writes each
 * packet field by field, and brokers in the field (and mqtt.js in a browser) send one message a packet.
 */
function packetPerMessage(ws) {
  const stream = createWebSocketStream(ws);
  const chunks = [];
  stream._write = (chunk, _encoding, callback) => {
    if (chunks.push(chunk) === 1) setImmediate(() => ws.readyState === WebSocket.OPEN && ws.send(Buffer.concat(chunks.splice(0))));
    callback();
  };
  return stream;
}

async function runStompClient(webSocketFactory) {
  const client = new StompClient({ webSocketFactory, connectHeaders: { login: 'alice', passcode: 'not-a-real-passcode', host: 'chat' }, heartbeatIncoming: 250, heartbeatOutgoing: 250, reconnectDelay: 0, debug: () => {} });
  const connected = new Promise((resolve) => (client.onConnect = resolve));
  client.activate();
  await connected;
  const received = new Promise((resolve) => client.subscribe('/topic/chat', resolve));
  client.publish({ destination: '/topic/chat', body: JSON.stringify({ user: 'alice', text: 'hello stomp' }), headers: { 'content-type': 'application/json' } });
  await received;
  await sleep(700);
  await client.deactivate();
}

const wanted = process.argv.slice(2);
for (const [name, capture] of Object.entries(CAPTURES)) {
  if (wanted.length === 0 || wanted.includes(name)) await capture();
}
process.exit(0);
