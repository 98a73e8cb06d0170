/**
 * DNS-over-HTTPS answers in the JSON API that Cloudflare, Google and Quad9 serve
 * (`application/dns-json`, `?name=example.com&type=CAA`). The answer comes from the network,
 * so it is `unknown` until validated here. `AD` is the resolver's "authenticated data" bit:
 * it validated the answer with DNSSEC (RFC 4035 §3.2.3).
 */

/** CAA's RR type number (RFC 8659 §4). */
export const CAA_TYPE = 257;

export interface DohRecord {
  name: string;
  type: number;
  data: string;
}

export interface DohAnswer {
  /** The DNS RCODE: 0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN … */
  status: number;
  /** The resolver validated the answer with DNSSEC. */
  authenticated: boolean;
  records: DohRecord[];
}

/** Answers are bounded: a hostile resolver cannot fill a capture. */
const MAX_RECORDS = 50;
const MAX_DATA = 1024;

export function parseDohJson(value: unknown): DohAnswer | null {
  if (typeof value !== 'object' || value === null) return null;
  const body = value as Record<string, unknown>;
  if (typeof body.Status !== 'number' || !Number.isInteger(body.Status)) return null;
  const records: DohRecord[] = [];
  const answers = Array.isArray(body.Answer) ? body.Answer : [];
  for (const raw of answers.slice(0, MAX_RECORDS)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const { name, type, data } = raw as Record<string, unknown>;
    if (typeof name !== 'string' || typeof type !== 'number' || typeof data !== 'string') continue;
    records.push({ name: name.slice(0, MAX_DATA), type, data: data.slice(0, MAX_DATA) });
  }
  return { status: body.Status, authenticated: body.AD === true, records };
}
