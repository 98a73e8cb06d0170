/**
 * Before deploying: which of the page's captured requests (and the URLs its HTML names)
 * would a policy block? Empty when the policy is complete for this page. It works on any
 * policy text — a draft, or the site's current policy.
 *
 * Judged as a browser does (CSP3): the request's directive with its fallbacks
 * (`directives.ts`), the URL against that directive's source list (`source-matching.ts`),
 * and for scripts under `'strict-dynamic'`: a script written in the HTML needs the nonce,
 * a script added by another script is trusted by propagation (host sources are ignored).
 * Several comma-separated policies must all allow a request.
 */
import type { PageCapture } from '../capture';
import { FALLBACKS, type NeedKind } from './directives';
import { NONCE_PLACEHOLDER } from './draft';
import { pageResources } from './page-resources';
import { resolveUrl } from './source-for';
import { urlMatchesSourceList } from './source-matching';

export interface BlockedResource {
  url: string;
  kind: NeedKind;
  /** The directive that decided it. */
  directive: string;
  /**
   * `not-allowed`: no source matches; `needs-nonce`: a script tag written in the HTML that
   * the policy allows only with its nonce, which the tag does not carry (yet).
   */
  reason: 'not-allowed' | 'needs-nonce';
  where: string | null;
}

/** One policy: directive name (lower-case) → its sources; a repeated directive is ignored (CSP3 §2.2.1). */
export function parsePolicy(text: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of text.split(';')) {
    const tokens = part.trim().split(/[\t\n\f\r ]+/).filter((token) => token !== '');
    const [name, ...sources] = tokens;
    if (name === undefined) continue;
    const lower = name.toLowerCase();
    if (!directives.has(lower)) directives.set(lower, sources);
  }
  return directives;
}

function nonceOf(source: string): string | null {
  const match = /^'nonce-(.+)'$/i.exec(source);
  return match === null ? null : (match[1] ?? null);
}

type Verdict = { blocked: false } | { blocked: true; directive: string; reason: BlockedResource['reason'] };

function judge(policy: ReadonlyMap<string, string[]>, resource: { kind: NeedKind; parserInserted: boolean; nonce: string | null }, url: URL, self: URL): Verdict {
  const directive = FALLBACKS[resource.kind].find((name) => policy.has(name));
  if (directive === undefined) return { blocked: false };
  const sources = policy.get(directive) ?? [];
  if (resource.kind === 'script') {
    const nonces = sources.map(nonceOf).filter((nonce): nonce is string => nonce !== null);
    if (resource.nonce !== null && nonces.includes(resource.nonce)) return { blocked: false };
    if (sources.some((source) => source.toLowerCase() === "'strict-dynamic'")) {
      if (!resource.parserInserted) return { blocked: false };
      return { blocked: true, directive, reason: nonces.length > 0 ? 'needs-nonce' : 'not-allowed' };
    }
    if (urlMatchesSourceList(sources, url, self)) return { blocked: false };
    // A drafted nonce placeholder means "this tag gets the nonce": say so rather than "not allowed".
    const placeholder = nonces.includes(NONCE_PLACEHOLDER);
    return { blocked: true, directive, reason: placeholder && resource.parserInserted ? 'needs-nonce' : 'not-allowed' };
  }
  return urlMatchesSourceList(sources, url, self) ? { blocked: false } : { blocked: true, directive, reason: 'not-allowed' };
}

/** The page's requests `policyText` would block, in the order the page made them. */
export function wouldBlock(policyText: string, capture: PageCapture): BlockedResource[] {
  const self = resolveUrl(capture.url, capture.url);
  if (self === null) return [];
  const policies = policyText.split(',').map(parsePolicy).filter((policy) => policy.size > 0);
  const blocked: BlockedResource[] = [];
  for (const resource of pageResources(capture)) {
    const url = resolveUrl(resource.url, capture.url);
    if (url === null) continue;
    for (const policy of policies) {
      const verdict = judge(policy, resource, url, self);
      if (verdict.blocked) {
        blocked.push({ url: resource.url, kind: resource.kind, directive: verdict.directive, reason: verdict.reason, where: resource.where });
        break;
      }
    }
  }
  return blocked;
}
