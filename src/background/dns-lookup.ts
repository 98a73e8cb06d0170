/**
 * The opt-in DNS lookup (settings → DNS): once a page has loaded, the worker asks the
 * user's DoH resolver for the document host's CAA records and DNSSEC, and adds the answer
 * to the capture. Off by default: with the setting off, this sends nothing. Answers are
 * cached per host and resolver for a while, so reloading a page asks nothing again.
 */
import type { DohFetch } from '../core/dns/doh-lookup';
import type { DnsCapture } from '../core/dns/dns-capture';
import { loadSettings } from '../shared/settings-store';
import { getCapture, updateCapture } from './capture-store';
import { loadWorkerCore } from './worker-core-loader';

const CACHE_MS = 10 * 60_000;
const CACHE_ENTRIES = 100;
const cache = new Map<string, { at: number; answer: Promise<DnsCapture | null> }>();

function cachedLookup(host: string, resolver: string, now: number): Promise<DnsCapture | null> {
  const key = `${resolver} ${host}`;
  const hit = cache.get(key);
  if (hit !== undefined && now - hit.at < CACHE_MS) return hit.answer;
  // The DNS message code comes with the grading engine: a page load does not need it.
  const answer = loadWorkerCore()
    .then((core) => core.lookupDns(host, resolver, fetch as DohFetch))
    .catch(() => null);
  cache.delete(key);
  cache.set(key, { at: now, answer });
  // A failed lookup is not remembered: the next page load asks again.
  void answer.then((dns) => {
    if (dns === null || dns.lookups.some((lookup) => lookup.error !== null)) cache.delete(key);
  });
  while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return answer;
}

/** Adds the DNS answers to the tab's capture when the user turned DNS lookups on. */
export async function addDnsLookup(tabId: number, onAdded: () => void): Promise<void> {
  const settings = await loadSettings();
  if (!settings.dns.enabled) return;
  const capture = await getCapture(tabId);
  const url = capture?.document?.url;
  if (capture === null || url === undefined || !/^https?:/.test(url)) return;
  const dns = await cachedLookup(new URL(url).hostname, settings.dns.resolver, Date.now());
  if (dns === null) return;
  await updateCapture(tabId, (current) => (current?.navigationId === capture.navigationId ? { ...current, dns } : current), { important: true });
  onAdded();
}

/** For tests: forget every cached answer. */
export function clearDnsCache(): void {
  cache.clear();
}
