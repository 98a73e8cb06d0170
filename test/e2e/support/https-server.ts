/**
 * A loopback HTTPS server with a self-signed certificate made for the test run by openssl,
 * valid for a chosen number of days (so "expires soon" can be tested for real).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { requireTool } from '../../../scripts/lib/system-requirements.mjs';

// Checked when a suite that serves HTTPS loads: without openssl it fails with the one line to run.
const OPENSSL = requireTool('openssl');

export interface HttpsTestServer {
  origin: string;
  close(): Promise<void>;
}

export interface HttpsServerOptions {
  days: number;
  organisation: string;
  /** The HTML every path answers with. */
  body: string;
  headers?: Record<string, string>;
  /** Paths answered with headers and then nothing more, ever (a page whose load never ends). */
  hangPaths?: readonly string[];
}

export async function startHttpsServer(options: HttpsServerOptions): Promise<HttpsTestServer> {
  const folder = await mkdtemp(join(tmpdir(), 'tabgrade-tls-'));
  const key = join(folder, 'key.pem');
  const cert = join(folder, 'cert.pem');
  await promisify(execFile)(OPENSSL, [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', String(options.days),
    '-subj', `/CN=localhost/O=${options.organisation}`, '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
  ]);
  const server = createServer({ key: await readFile(key), cert: await readFile(cert) }, (request, response) => {
    if (options.hangPaths?.includes(new URL(request.url ?? '/', 'https://localhost').pathname) === true) {
      response.writeHead(200, { 'Content-Type': 'image/png' });
      response.flushHeaders();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...options.headers });
    response.end(options.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `https://localhost:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(folder, { recursive: true, force: true });
    },
  };
}
