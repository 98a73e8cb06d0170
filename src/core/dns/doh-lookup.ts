/**
 * Asks a DNS-over-HTTPS resolver (JSON API) for the CAA records of a host and its parents.
 * The fetch is injected (the worker's, Node's), so this runs alike in the extension and the
 * CLI; it sends the names only, with no cookies or credentials.
 */
import { caaLookupNames } from './caa-names';
import type { DnsCapture, DnsNameLookup } from './dns-capture';
import { CAA_TYPE, parseDohJson } from './doh-json';

export type DohFetch = (url: string, init: { headers: Record<string, string>; signal: AbortSignal; credentials: 'omit' }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export const DEFAULT_DOH_TIMEOUT_MS = 5000;

/** Only https resolvers: the names must not cross the network in the clear. */
export function isResolverUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hash === '';
  } catch {
    return false;
  }
}

/**
 * Plain http only to this machine (a local resolver, a test's): loopback traffic never
 * crosses the network. The options page still takes https only.
 */
export function isLoopbackResolverUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

async function lookupName(resolver: string, name: string, fetch: DohFetch, timeoutMs: number): Promise<DnsNameLookup> {
  const url = new URL(resolver);
  url.searchParams.set('name', name);
  url.searchParams.set('type', 'CAA');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url.href, { headers: { accept: 'application/dns-json' }, signal: controller.signal, credentials: 'omit' });
    if (!response.ok) return { name, status: null, authenticated: false, caa: [], error: `the resolver answered HTTP ${response.status}` };
    const answer = parseDohJson(await response.json());
    if (answer === null) return { name, status: null, authenticated: false, caa: [], error: 'the resolver did not answer in the DNS JSON format' };
    const caa = answer.records.filter((record) => record.type === CAA_TYPE).map((record) => record.data);
    return { name, status: answer.status, authenticated: answer.authenticated, caa, error: null };
  } catch (error) {
    const words = controller.signal.aborted ? `no answer within ${timeoutMs / 1000} s` : error instanceof Error ? error.message : String(error);
    return { name, status: null, authenticated: false, caa: [], error: words.slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}

/** The host's CAA lookup, climbing to its parents until a name has CAA records; null when the host has no DNS name (an IP address). */
export async function lookupDns(host: string, resolver: string, fetch: DohFetch, timeoutMs = DEFAULT_DOH_TIMEOUT_MS): Promise<DnsCapture | null> {
  if (!isResolverUrl(resolver) && !isLoopbackResolverUrl(resolver)) throw new Error(`not an https resolver URL: ${resolver}`);
  const names = caaLookupNames(host);
  if (names.length === 0) return null;
  const lookups: DnsNameLookup[] = [];
  for (const name of names) {
    const lookup = await lookupName(resolver, name, fetch, timeoutMs);
    lookups.push(lookup);
    // A failure leaves the relevant record set unknown: asking further up could pick the wrong one.
    if (lookup.error !== null || lookup.caa.length > 0) break;
    // SERVFAIL and the like are not "no records" either (RFC 8659 §3: a CA must not issue on an error).
    if (lookup.status !== 0 && lookup.status !== 3) break;
  }
  return { resolver, host: names[0]!, lookups };
}
