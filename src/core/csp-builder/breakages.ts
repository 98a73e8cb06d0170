/**
 * What the drafts will stop that the pages do today, said plainly ("3 inline event
 * handlers: onclick on button#subscribe, …"), each with the fix and, where there is one, a
 * stopgap source to add while the fix is made. Computed from the observations, so it lists
 * the same things for every stack.
 */
import type { DraftVariant } from './draft';
import type { AttributeCode, SiteObservations } from './observations';

export interface Breakage {
  id: 'event-handlers' | 'javascript-urls' | 'eval' | 'plugins' | 'nonce-needed';
  /** `breaks`: certain; `may-break`: only if a feature is used. */
  certainty: 'breaks' | 'may-break';
  /** The variants it applies to. */
  variants: DraftVariant[];
  title: string;
  /** One line per item (page-controlled text: element ids, code previews). */
  items: string[];
  fix: string;
  /** A source to add meanwhile, when one exists, e.g. `script-src-attr 'unsafe-hashes' 'sha256-…'`. */
  stopgap: string | null;
}

const BOTH: DraftVariant[] = ['strict', 'allow-list'];
const ITEMS_SHOWN = 20;

function plural(count: number, singular: string, pluralWord: string): string {
  return `${count} ${count === 1 ? singular : pluralWord}`;
}

/** `onclick on button#subscribe`, with an example list like the title promises. */
function attributeLine(use: AttributeCode): string {
  return `${use.attribute} on ${use.where}: ${use.preview}`;
}

function titleWithExamples(lead: string, uses: readonly AttributeCode[]): string {
  const examples = uses.slice(0, 3).map((use) => `${use.attribute} on ${use.where}`);
  return `${lead}: ${examples.join(', ')}${uses.length > 3 ? ', …' : ''}`;
}

function eventHandlers(observations: SiteObservations): Breakage | null {
  const uses = observations.eventHandlers;
  if (uses.length === 0) return null;
  const hashes = [...new Set(uses.map((use) => use.hash).filter((hash): hash is string => hash !== null))];
  return {
    id: 'event-handlers',
    certainty: 'breaks',
    variants: BOTH,
    title: titleWithExamples(plural(uses.length, 'inline event handler', 'inline event handlers'), uses),
    items: uses.slice(0, ITEMS_SHOWN).map(attributeLine),
    fix: 'Move each handler into a script file or an allowed inline script: document.querySelector("#subscribe").addEventListener("click", …). Inline handlers run only with \'unsafe-inline\', which would undo the policy.',
    stopgap: hashes.length > 0 ? `script-src-attr 'unsafe-hashes' ${hashes.map((hash) => `'${hash}'`).join(' ')}` : null,
  };
}

function javascriptUrls(observations: SiteObservations): Breakage | null {
  const uses = observations.javascriptUrls;
  if (uses.length === 0) return null;
  return {
    id: 'javascript-urls',
    certainty: 'breaks',
    variants: BOTH,
    title: titleWithExamples(plural(uses.length, 'javascript: URL', 'javascript: URLs'), uses),
    items: uses.slice(0, ITEMS_SHOWN).map(attributeLine),
    fix: 'Replace each javascript: link with a <button> and an event listener added from a script; a javascript: URL is inline script and stops working without \'unsafe-inline\'.',
    stopgap: null,
  };
}

function evalUses(observations: SiteObservations): Breakage | null {
  const uses = observations.evalUses;
  if (uses.length === 0) return null;
  const certain = uses.some((use) => use.certain);
  return {
    id: 'eval',
    certainty: certain ? 'breaks' : 'may-break',
    variants: BOTH,
    title: `${certain ? 'Code that needs' : 'Code that may need'} 'unsafe-eval' (${uses.length}): ${uses.slice(0, 3).map((use) => use.what).join(', ')}${uses.length > 3 ? ', …' : ''}`,
    items: uses.slice(0, ITEMS_SHOWN).map((use) => `${use.what}: ${use.why} Fix: ${use.fix}`),
    fix: 'Neither draft allows eval (the Observatory grades \'unsafe-eval\' down). Watch the report-only console for "unsafe-eval" reports, then apply the fix listed for each.',
    stopgap: "script-src … 'unsafe-eval' (costs 10 points in the Observatory grade)",
  };
}

function plugins(observations: SiteObservations): Breakage | null {
  const uses = observations.plugins;
  const requested = observations.sources.filter((source) => source.kind === 'object');
  if (uses.length === 0 && requested.length === 0) return null;
  const items = uses.length > 0 ? uses.map((use) => `${use.where}${use.preview !== '' ? `: ${use.preview}` : ''}`) : requested.flatMap((source) => source.examples);
  return {
    id: 'plugins',
    certainty: 'breaks',
    variants: BOTH,
    title: `${plural(items.length, 'plugin element', 'plugin elements')} (<object>/<embed>), which object-src 'none' stops`,
    items: items.slice(0, ITEMS_SHOWN),
    fix: 'Replace plugin content with <video>, <audio>, <iframe> or <img>. If a PDF viewer or similar must stay, allow exactly its origin in object-src.',
    stopgap: null,
  };
}

function nonceNeeded(observations: SiteObservations): Breakage | null {
  const scripts = observations.parserScripts;
  if (scripts.length === 0) return null;
  return {
    id: 'nonce-needed',
    certainty: 'breaks',
    variants: ['strict'],
    title: `${plural(scripts.length, '<script src> tag', '<script src> tags')} in the HTML need nonce="…" under the strict policy`,
    items: scripts.slice(0, ITEMS_SHOWN),
    fix: 'Generate a random nonce (16 bytes, base64) for every response, put it in the header in place of {RANDOM} and as nonce="…" on each <script> the server writes — the snippet for your stack does the header part. Without server-side templates, use the allow-list variant instead.',
    stopgap: null,
  };
}

/** Everything a draft stops that the observed pages use, worst first. */
export function breakagesOf(observations: SiteObservations): Breakage[] {
  return [nonceNeeded(observations), eventHandlers(observations), javascriptUrls(observations), evalUses(observations), plugins(observations)].filter(
    (breakage): breakage is Breakage => breakage !== null,
  );
}
