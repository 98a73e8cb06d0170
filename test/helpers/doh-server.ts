/**
 * A DNS-over-HTTPS resolver on loopback (plain http, JSON API) for tests: answers CAA
 * queries from a table and logs every request, so a test can also prove that nothing was asked.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DohZone {
  /** CAA `data` strings per name; a name absent here answers NOERROR with no records. */
  caa: Record<string, string[]>;
  /** Names whose answers carry AD (DNSSEC validated). */
  signed?: string[];
  /** Names the resolver answers with HTTP 500. */
  failing?: string[];
}

export interface DohServer {
  url: string;
  /** `name type` of every query, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startDohServer(zone: DohZone): Promise<DohServer> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const name = url.searchParams.get('name') ?? '';
    requests.push(`${name} ${url.searchParams.get('type') ?? ''}`);
    if (zone.failing?.includes(name)) {
      response.writeHead(500).end();
      return;
    }
    const records = zone.caa[name] ?? [];
    response.writeHead(200, { 'content-type': 'application/dns-json' });
    response.end(JSON.stringify({ Status: 0, AD: zone.signed?.includes(name) ?? false, Question: [{ name, type: 257 }], Answer: records.map((data) => ({ name, type: 257, TTL: 300, data })) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dns-query`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
