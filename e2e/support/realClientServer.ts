import { Aedes } from 'aedes';
import { build } from 'esbuild';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Server as SocketIoServer } from 'socket.io';
import sockjs from 'sockjs';
import { createWebSocketStream, WebSocketServer } from 'ws';
import { serveActionCable, servePhoenix, serveSignalRHub, serveStomp, serveWampRouter } from './protocolServers';

const CLIENTS_DIR = path.resolve(import.meta.dirname, '../pages/clients');

/**
 * One local origin for the real-client tests: it serves a page per client
 * (`/clients/<name>.html`, its entry in e2e/pages/clients bundled by esbuild with the
 * client's npm package) and the client's real server:
 * - socket.io (`/socket.io/`): answers `hello` with an ack and a `welcome` event;
 * - graphql-ws (`/graphql`): a `hello` query and a `greetings` subscription;
 * - sockjs (`/sockjs`): echoes;
 * - mqtt (`/mqtt`): an aedes broker;
 * - minimal servers of protocols whose usual servers are not JavaScript (./protocolServers.ts):
 *   STOMP over sockjs (`/stomp`), a SignalR hub (`/chathub`), Phoenix channels
 *   (`/socket/websocket`), Action Cable (`/cable`), a WAMP router (`/wamp`);
 * - plain ws (`/echo`): echoes, and closes a `?drop=first` run's first connection after its
 *   first echo, so a reconnecting client has something to reconnect from.
 */
export interface RealClientServer {
  origin: string;
  wsOrigin: string;
  pageUrl(client: string, query?: Record<string, string>): string;
  /** WebSocket connections each server accepted, by server. */
  accepted: Record<'socketio' | 'graphql' | 'sockjs' | 'echo' | 'mqtt', number>;
  close(): Promise<void>;
}

const bundles = new Map<string, Promise<string>>();

/** The browser bundle of one client entry, built once per test process. */
function bundleOf(client: string): Promise<string> {
  let bundle = bundles.get(client);
  if (!bundle) {
    bundle = build({
      entryPoints: [path.join(CLIENTS_DIR, `${client}.ts`)],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'iife',
      target: ['chrome111'],
      // Names kept: the creation stack the extension records should read like the app's code.
      minify: false,
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      logLevel: 'warning',
    }).then((result) => result.outputFiles[0]?.text ?? '');
    bundles.set(client, bundle);
  }
  return bundle;
}

function clientPage(client: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${client}</title></head>
<body><p>Real client: ${client}</p><script src="/clients/${client}.js"></script></body></html>`;
}

const greetingsSchema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { hello: { type: GraphQLString, resolve: () => 'world' } } }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      greetings: {
        type: GraphQLString,
        subscribe: async function* () {
          for (const greeting of ['Hi', 'Bonjour', 'Hola']) yield { greetings: greeting };
        },
      },
    },
  }),
});

export interface RealClientServerOptions {
  /** socket.io's ping interval (default 25 s): shorter, a short run sees its heartbeats. */
  socketIoPingIntervalMs?: number;
}

export async function startRealClientServer(options: RealClientServerOptions = {}): Promise<RealClientServer> {
  const accepted: RealClientServer['accepted'] = { socketio: 0, graphql: 0, sockjs: 0, echo: 0, mqtt: 0 };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = /^\/clients\/([a-z-]+)\.(html|js)$/.exec(url.pathname);
    if (!match) {
      response.writeHead(404).end('not found');
      return;
    }
    const [, client = '', kind] = match;
    if (kind === 'html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(clientPage(client));
      return;
    }
    bundleOf(client).then(
      (code) => response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(code),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });

  // Plain ws servers, routed by path; other upgrades belong to socket.io and sockjs.
  const graphqlWss = new WebSocketServer({ noServer: true });
  const echoWss = new WebSocketServer({ noServer: true });
  const mqttWss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has('mqtt') ? 'mqtt' : false) });
  const aedes = await Aedes.createBroker();
  // The first subprotocol a client offers is the one it gets (v12.stomp, actioncable-v1-json, wamp.2.json).
  const protocolWss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => [...protocols][0] ?? false });
  const protocolRoutes: Record<string, (ws: WebSocket, request: IncomingMessage) => void> = {
    '/chathub': serveSignalRHub,
    '/socket/websocket': servePhoenix,
    '/cable': serveActionCable,
    '/wamp': serveWampRouter,
  };
  mqttWss.on('connection', (ws) => {
    accepted.mqtt++;
    aedes.handle(createWebSocketStream(ws));
  });
  const dropped = new Set<string>();
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql') graphqlWss.handleUpgrade(request, socket, head, (ws) => graphqlWss.emit('connection', ws, request));
    else if (url.pathname === '/echo') echoWss.handleUpgrade(request, socket, head, (ws) => echoWss.emit('connection', ws, request));
    else if (url.pathname === '/mqtt') mqttWss.handleUpgrade(request, socket, head, (ws) => mqttWss.emit('connection', ws, request));
    else if (url.pathname in protocolRoutes) protocolWss.handleUpgrade(request, socket, head, (ws) => protocolRoutes[url.pathname]?.(ws, request));
  });
  graphqlWss.on('connection', () => accepted.graphql++);
  const graphqlServer = useServer({ schema: greetingsSchema }, graphqlWss);
  echoWss.on('connection', (ws, request) => {
    accepted.echo++;
    const url = new URL(request.url ?? '/', 'http://localhost');
    const run = url.searchParams.get('run') ?? '';
    const dropThis = url.searchParams.get('drop') === 'first' && !dropped.has(run);
    if (dropThis) dropped.add(run);
    ws.on('message', (data, isBinary) => {
      ws.send(data, { binary: isBinary });
      if (dropThis) ws.close(4000, 'dropped by the test server');
    });
  });

  const io = new SocketIoServer(server, { destroyUpgrade: false, serveClient: false, ...(options.socketIoPingIntervalMs ? { pingInterval: options.socketIoPingIntervalMs } : {}) });
  io.on('connection', (socket) => {
    socket.conn.on('upgrade', () => accepted.socketio++);
    if (socket.conn.transport.name === 'websocket') accepted.socketio++;
    socket.on('hello', (name: string, ack: (reply: string) => void) => {
      ack(`hello ${name}`);
      socket.emit('welcome', { to: name, rooms: [...socket.rooms].length });
    });
  });

  const sockjsServer = sockjs.createServer({ log: () => {} });
  sockjsServer.on('connection', (connection) => {
    if (connection.protocol === 'websocket') accepted.sockjs++;
    connection.on('data', (message: string) => connection.write(`echo: ${message}`));
  });
  sockjsServer.installHandlers(server, { prefix: '/sockjs' });
  const stompServer = sockjs.createServer({ log: () => {} });
  stompServer.on('connection', (connection) => serveStomp((text) => connection.write(text), (listener) => connection.on('data', listener), (listener) => connection.on('close', listener)));
  stompServer.installHandlers(server, { prefix: '/stomp' });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    wsOrigin: `ws://127.0.0.1:${port}`,
    pageUrl: (client, query = {}) => `${origin}/clients/${client}.html${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`,
    accepted,
    async close() {
      for (const ws of [...graphqlWss.clients, ...echoWss.clients, ...mqttWss.clients, ...protocolWss.clients]) ws.terminate();
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      await graphqlServer.dispose();
      await io.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
