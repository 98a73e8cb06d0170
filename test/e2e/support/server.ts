/**
 * Loopback HTTP servers for end-to-end tests. Each route answers with exactly the status,
 * headers (order and duplicates kept) and body it is given.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RouteResponse {
  status?: number;
  /** Header lines in order; a name may repeat. */
  headers?: Array<[string, string]>;
  body?: string | Buffer;
  /** Keep the connection open without finishing the body (a page that never finishes loading). */
  hang?: boolean;
}

export type Route = RouteResponse | ((request: IncomingMessage, server: TestServer) => RouteResponse);

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** The same server under a second host name, which the browser treats as another origin. */
  altOrigin: string;
  /** Requests received, in order: `METHOD path`. */
  requests: string[];
  route(path: string, route: Route): void;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Route> = {}): Promise<TestServer> {
  const table = new Map<string, Route>(Object.entries(routes));
  const hanging = new Set<ServerResponse>();
  const requests: string[] = [];
  let self: TestServer | null = null;

  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    requests.push(`${request.method ?? 'GET'} ${request.url ?? '/'}`);
    const route = table.get(path);
    if (route === undefined || self === null) {
      response.writeHead(404, ['Content-Type', 'text/plain']);
      response.end('not found');
      return;
    }
    const answer = typeof route === 'function' ? route(request, self) : route;
    const flat: string[] = [];
    for (const [name, value] of answer.headers ?? [['Content-Type', 'text/html; charset=utf-8']]) flat.push(name, value);
    response.writeHead(answer.status ?? 200, flat);
    if (answer.hang === true) {
      response.write(answer.body ?? '');
      hanging.add(response);
      return;
    }
    response.end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  self = {
    origin: `http://127.0.0.1:${port}`,
    altOrigin: `http://localhost:${port}`,
    port,
    requests,
    route(path, route) {
      table.set(path, route);
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return self;
}

export function html(body: string, headers: Array<[string, string]> = []): RouteResponse {
  return { status: 200, headers: [['Content-Type', 'text/html; charset=utf-8'], ...headers], body };
}
