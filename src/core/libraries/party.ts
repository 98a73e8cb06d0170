/**
 * Whose file is it: the site's own (first party: same registrable domain, e.g. a
 * `static.example.com` file on `www.example.com`) or someone else's embed (third party,
 * named by host). The fix differs: update your copy, or ask the provider / drop the embed.
 */
import { getDomain } from 'tldts';

export type Party = 'first' | 'third';

function site(url: URL): string {
  // Private suffixes count (`a.github.io` and `b.github.io` are different sites); IP
  // addresses and single-label hosts have no registrable domain, so the host stands in.
  return getDomain(url.hostname, { allowPrivateDomains: true }) ?? url.hostname;
}

export function partyOf(resourceUrl: string, pageUrl: string): { party: Party; host: string } | null {
  try {
    const resource = new URL(resourceUrl);
    const page = new URL(pageUrl);
    return { party: site(resource) === site(page) ? 'first' : 'third', host: resource.host };
  } catch {
    return null;
  }
}
