/**
 * Two Content-Security-Policy drafts from what the pages observed need, every source with
 * the reason it is there:
 *
 * - **allow-list**: `default-src 'self'` plus, per directive, the exact origins the pages
 *   loaded from, and the hashes of their inline scripts and styles;
 * - **strict**: scripts trusted by nonce or hash with `'strict-dynamic'` instead of by host
 *   (web.dev "Mitigate cross-site scripting with a strict CSP"), `base-uri 'none'`, and the
 *   allow-list's other directives — so the Observatory still sees a restricted style-src and
 *   default-src (without them it grades `csp-implemented-with-unsafe-inline-in-style-src-only`).
 *
 * Both always carry `object-src 'none'`, `form-action` and `frame-ancestors`, which do not
 * fall back to default-src. A directive equal to default-src (`'self'` only) is left out.
 */
import { countOf, DIRECTIVE_OF, DIRECTIVE_ORDER, type NeedKind } from './directives';
import type { InlineCode, ObservedSource, SiteObservations } from './observations';

export type DraftVariant = 'strict' | 'allow-list';

export interface DraftSource {
  /** The source expression as written in the policy (`'self'`, `https://cdn.example.com`, `'sha256-…'`). */
  expression: string;
  /** Why it is there, in words (may quote page-controlled URLs and code). */
  why: string;
}

export interface DraftDirective {
  name: string;
  sources: DraftSource[];
}

export interface DraftPolicy {
  variant: DraftVariant;
  directives: DraftDirective[];
  /** True when the policy has `'nonce-{RANDOM}'`: the server must put a fresh value there and on the tags. */
  usesNonce: boolean;
  /** The policy as a header value, with `NONCE_PLACEHOLDER` where the per-response nonce goes. */
  text: string;
}

/** Stands for the per-response nonce in a drafted policy (web.dev's spelling). */
export const NONCE_PLACEHOLDER = '{RANDOM}';
export const NONCE_SOURCE = `'nonce-${NONCE_PLACEHOLDER}'`;

/** Kinds whose sources go into fetch directives of their own (scripts and styles are built apart). */
const OTHER_FETCH_KINDS: readonly NeedKind[] = ['image', 'font', 'connect', 'media', 'frame', 'worker', 'manifest'];

const SELF_WHY = 'this site’s own origin';

export function policyText(directives: readonly DraftDirective[]): string {
  return directives.map((directive) => [directive.name, ...directive.sources.map((source) => source.expression)].join(' ')).join('; ');
}

function sourcesOfKind(observations: SiteObservations, kind: NeedKind): ObservedSource[] {
  return observations.sources.filter((source) => source.kind === kind);
}

function whyOf(source: ObservedSource): string {
  const more = source.count > source.examples.length;
  const shown = source.examples.slice(0, 3);
  return `${countOf(source.kind, source.count, false)}${more ? ' (at least)' : ''}: ${shown.join(', ')}${source.count > shown.length ? ', …' : ''}`;
}

/** `'self'` first (with the same-origin files as its reason when there are some), then exact origins. */
function hostSources(observations: SiteObservations, kind: NeedKind): DraftSource[] {
  const observed = sourcesOfKind(observations, kind);
  const self = observed.find((source) => source.expression === "'self'");
  const sources: DraftSource[] = [{ expression: "'self'", why: self === undefined ? SELF_WHY : `${SELF_WHY} — ${whyOf(self)}` }];
  for (const source of observed) {
    if (source.expression !== "'self'") sources.push({ expression: source.expression, why: whyOf(source) });
  }
  return sources;
}

function inlineWhy(code: InlineCode): string {
  const what = code.kind === 'style' ? 'inline <style>' : code.kind === 'script' ? 'inline <script>' : `inline <script type=${code.kind}>`;
  return `${what} (${code.where}) “${code.preview}”`;
}

function hashSources(codes: readonly InlineCode[]): DraftSource[] {
  return codes.map((code) => ({ expression: `'${code.hash}'`, why: inlineWhy(code) }));
}

function onlySelf(sources: readonly DraftSource[]): boolean {
  return sources.every((source) => source.expression === "'self'");
}

/** The directives both variants share: everything but scripts and base-uri. */
function sharedDirectives(observations: SiteObservations): DraftDirective[] {
  const directives: DraftDirective[] = [];
  directives.push({ name: 'default-src', sources: [{ expression: "'self'", why: `anything not listed below: only ${SELF_WHY}` }, ...hostSources(observations, 'other').slice(1)] });

  const styles = [...hostSources(observations, 'style'), ...hashSources(observations.inlineStyles)];
  if (!onlySelf(styles)) directives.push({ name: 'style-src', sources: styles });
  if (observations.styleAttributes.length > 0) {
    const examples = observations.styleAttributes.slice(0, 3).map((use) => use.where).join(', ');
    directives.push({
      name: 'style-src-attr',
      sources: [{
        expression: "'unsafe-inline'",
        why: `${observations.styleAttributes.length} style="…" attribute${observations.styleAttributes.length === 1 ? '' : 's'} (${examples}${observations.styleAttributes.length > 3 ? ', …' : ''}); style attributes cannot run script, and only this directive allows them — style-src stays strict`,
      }],
    });
  }
  for (const kind of OTHER_FETCH_KINDS) {
    const sources = hostSources(observations, kind);
    if (!onlySelf(sources)) directives.push({ name: DIRECTIVE_OF[kind], sources });
  }

  const plugins = sourcesOfKind(observations, 'object');
  directives.push({
    name: 'object-src',
    sources: [{ expression: "'none'", why: plugins.length === 0 ? 'no plugins (<object>, <embed>): no modern page needs them' : 'plugins are blocked even though this page has some — see what breaks' }],
  });

  const forms = hostSources(observations, 'form');
  const formCount = sourcesOfKind(observations, 'form').reduce((sum, source) => sum + source.count, 0);
  directives.push({
    name: 'form-action',
    sources: formCount === 0 ? [{ expression: "'self'", why: 'no forms seen; this keeps the site’s own forms working' }] : forms,
  });
  directives.push({
    name: 'frame-ancestors',
    sources: [{ expression: "'self'", why: 'which pages may frame this one cannot be seen from here: only this site’s own pages; use \'none\' if nothing frames it' }],
  });
  return directives;
}

function baseUri(observations: SiteObservations, strict: boolean): DraftDirective {
  const bases = sourcesOfKind(observations, 'base');
  if (bases.length === 0) {
    return {
      name: 'base-uri',
      sources: [{ expression: strict ? "'none'" : "'self'", why: 'no <base> element; an injected one could send relative script URLs to another host' }],
    };
  }
  return { name: 'base-uri', sources: hostSources(observations, 'base') };
}

function allowListScripts(observations: SiteObservations): DraftDirective | null {
  const sources = [...hostSources(observations, 'script'), ...hashSources(observations.inlineScripts)];
  return onlySelf(sources) ? null : { name: 'script-src', sources };
}

function strictScripts(observations: SiteObservations): { directive: DraftDirective; usesNonce: boolean } {
  const sources: DraftSource[] = [];
  const parserScripts = observations.parserScripts;
  const noncedInline = observations.inlineScripts.filter((code) => code.hasNonce).length;
  const usesNonce = parserScripts.length > 0 || noncedInline > 0;
  if (usesNonce) {
    const reasons: string[] = [];
    if (parserScripts.length > 0) reasons.push(`${parserScripts.length} <script src> tag${parserScripts.length === 1 ? '' : 's'} written in the HTML (${parserScripts.slice(0, 3).join(', ')}${parserScripts.length > 3 ? ', …' : ''}) must carry nonce="…"`);
    if (noncedInline > 0) reasons.push(`${noncedInline} inline script${noncedInline === 1 ? ' already carries' : 's already carry'} a nonce`);
    sources.push({ expression: NONCE_SOURCE, why: `a fresh random value for every response: ${reasons.join('; ')}` });
  }
  sources.push(...hashSources(observations.inlineScripts));
  if (sources.length === 0) {
    return { directive: { name: 'script-src', sources: [{ expression: "'none'", why: 'the pages run no script' }] }, usesNonce: false };
  }
  sources.push({ expression: "'strict-dynamic'", why: 'scripts that trusted scripts load are trusted too, so no host list has to be kept up to date' });
  // web.dev's backward-compatible strict policy: browsers that know nonces/hashes ignore
  // 'unsafe-inline', and those that know 'strict-dynamic' ignore scheme sources.
  sources.push({ expression: "'unsafe-inline'", why: 'only for very old browsers without nonce or hash support; ignored by every current browser because the policy has a nonce or hash' });
  if (observations.https) sources.push({ expression: 'https:', why: 'only for old browsers without \'strict-dynamic\'; ignored by every current browser' });
  return { directive: { name: 'script-src', sources }, usesNonce };
}

function ordered(directives: DraftDirective[]): DraftDirective[] {
  const rank = (name: string): number => {
    const index = DIRECTIVE_ORDER.indexOf(name);
    return index === -1 ? DIRECTIVE_ORDER.length : index;
  };
  return [...directives].sort((a, b) => rank(a.name) - rank(b.name));
}

function policy(variant: DraftVariant, directives: DraftDirective[], usesNonce: boolean): DraftPolicy {
  const sorted = ordered(directives);
  return { variant, directives: sorted, usesNonce, text: policyText(sorted) };
}

export function draftAllowList(observations: SiteObservations): DraftPolicy {
  const scripts = allowListScripts(observations);
  return policy('allow-list', [...sharedDirectives(observations), ...(scripts === null ? [] : [scripts]), baseUri(observations, false)], false);
}

export function draftStrict(observations: SiteObservations): DraftPolicy {
  const { directive, usesNonce } = strictScripts(observations);
  return policy('strict', [...sharedDirectives(observations), directive, baseUri(observations, true)], usesNonce);
}

export interface CspDrafts {
  strict: DraftPolicy;
  allowList: DraftPolicy;
}

export function draftPolicies(observations: SiteObservations): CspDrafts {
  return { strict: draftStrict(observations), allowList: draftAllowList(observations) };
}
