import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';

const PAGES_DIR = path.resolve(import.meta.dirname, '../pages');

export interface FixtureServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** ws://127.0.0.1:PORT */
  wsOrigin: string;
  /** Sockets the server currently holds, by request path + query. */
  liveSockets(): string[];
  /** Paths of every HTTP request the server received, in order. */
  requestedPaths(): string[];
  close(): Promise<void>;
}

/**
 * Serves e2e/pages/*.html and accepts WebSockets on any path: it echoes every frame back, and
 * answers a Stream-style hello when the client sends `hello`.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const clients = new Map<WebSocket, string>();
  const requested: string[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requested.push(url.pathname);
    const file = path.join(PAGES_DIR, path.basename(url.pathname) || 'index.html');
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(body);
      },
      () => {
        response.writeHead(404);
        response.end('not found');
      },
    );
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket, request) => {
    clients.set(socket, request.url ?? '/');
    socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
    socket.on('close', () => clients.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    wsOrigin: `ws://127.0.0.1:${port}`,
    liveSockets: () => [...clients.values()],
    requestedPaths: () => [...requested],
    async close() {
      for (const socket of clients.keys()) socket.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
