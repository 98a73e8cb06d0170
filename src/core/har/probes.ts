/**
 * Probe results (`capture.probes`) from a HAR: the entries a Tabgrade export tagged with
 * `_tabgradeProbe`, or else the requests the Observatory itself makes, when the HAR
 * happens to contain them.
 */
import { CAPTURE_LIMITS, type ProbeResult, type Probes } from '../capture';
import { firstHeader, hasHeader } from '../headers';
import { decodeBody } from './body';
import { failureOf, toHop, toResponse, type Entry } from './entry';
import { resourceTypeOf } from './resource-types';
import { urlKey } from './urls';
import { PROBE_KINDS, type ProbeKind } from './validate';

/** Characters kept of a policy file body: the extension's probes keep as much (probe-requests.ts). */
const POLICY_FILE_BODY_CHARS = 256 * 1024;

interface FollowedRequest {
  start: Entry;
  hops: Entry[];
  /** The response after the redirects; null when the HAR stops at a redirect. */
  final: Entry | null;
  error: string | null;
}

/** Follows `start`'s redirects forward through later entries of `pool` with the same method. */
function followRedirects(start: Entry, pool: readonly Entry[]): FollowedRequest {
  const hops: Entry[] = [];
  let current = start;
  while (current.target !== null) {
    if (hops.length >= CAPTURE_LIMITS.redirects) return { start, hops, final: null, error: 'too many redirects' };
    hops.push(current);
    const from = current;
    const targetKey = urlKey(from.target ?? '');
    const next = pool.find((entry) => entry.index > from.index && entry.key === targetKey && entry.method === start.method);
    if (next === undefined) return { start, hops, final: null, error: `the redirect to ${from.target} is not in the HAR` };
    current = next;
  }
  return { start, hops, final: current, error: null };
}

function toProbeResult(followed: FollowedRequest, withBody: boolean): ProbeResult {
  const { start, hops, final } = followed;
  const result: ProbeResult = { url: start.url, redirects: hops.map(toHop), response: null };
  if (final === null) {
    result.error = followed.error ?? 'no response was recorded';
    return result;
  }
  if (final.status === 0) {
    result.error = failureOf(final);
    return result;
  }
  // A probe answered by a navigation (a page the user opened) was a top-level document;
  // anything else keeps its recorded type.
  const isNavigation = final.resourceType === 'document';
  const type = isNavigation ? 'main_frame' : resourceTypeOf(final.resourceType, final.content.mimeType);
  result.response = toResponse(final, type);
  if (withBody) {
    const body = decodeBody(final.content, firstHeader(final.headers, 'content-type'));
    if (body.ok) result.body = body.text.slice(0, POLICY_FILE_BODY_CHARS);
  }
  return result;
}

/**
 * Does this untagged entry start `kind` the way the Observatory requests it? `audited`
 * is the final document's URL, whose host the Observatory would scan (scan-view.ts).
 */
function isUntaggedProbeStart(kind: ProbeKind, entry: Entry, audited: URL, documentKey: string): boolean {
  switch (kind) {
    // The redirection test requests `http://<host>/` on port 80, whatever port the page used.
    case 'http':
      return entry.method === 'GET' && entry.key === `http://${audited.hostname}/`;
    case 'crossdomainXml':
      return entry.method === 'GET' && entry.key === `${audited.origin}/crossdomain.xml`;
    case 'clientaccesspolicyXml':
      return entry.method === 'GET' && entry.key === `${audited.origin}/clientaccesspolicy.xml`;
    case 'cors':
      return entry.method === 'OPTIONS' && entry.key === documentKey && hasHeader(entry.requestHeaders, 'origin');
    // Only Tabgrade makes this request, and its HARs tag it: an untagged 404 is the page's own.
    case 'notFound':
      return false;
  }
}

/**
 * Probe results from tagged entries, else from the requests the Observatory would make.
 * The page's own navigation is never reused as a probe: the redirection test already
 * reads a navigation that started on `http://`, and says that it did.
 */
export function findProbes(entries: readonly Entry[], documentEntry: Entry, chain: ReadonlySet<number>): { probes: Probes; used: Set<number> } {
  const probes: Probes = {};
  const used = new Set<number>();
  const untagged = entries.filter((entry) => entry.probe === null && !chain.has(entry.index));
  const audited = new URL(documentEntry.url);
  for (const kind of PROBE_KINDS) {
    const tagged = entries.filter((entry) => entry.probe === kind);
    const pool = tagged.length > 0 ? tagged : untagged;
    const start = tagged[0] ?? untagged.find((entry) => isUntaggedProbeStart(kind, entry, audited, documentEntry.key));
    if (start === undefined) continue;
    const followed = followRedirects(start, pool);
    for (const entry of [...followed.hops, ...(followed.final === null ? [] : [followed.final])]) used.add(entry.index);
    probes[kind] = toProbeResult(followed, kind === 'crossdomainXml' || kind === 'clientaccesspolicyXml' || kind === 'notFound');
  }
  return { probes, used };
}
