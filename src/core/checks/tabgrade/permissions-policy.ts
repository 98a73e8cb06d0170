/**
 * Permissions-Policy: which powerful browser features the page, and the frames it embeds,
 * may use.
 *
 * The header is a structured-field dictionary (W3C Permissions Policy §5.2, RFC 9651):
 * `feature=allowlist`, where an allowlist is `*`, `self`, a quoted origin, or an inner list
 * of those; `()` disables the feature. Repeated headers are one dictionary (later keys win).
 * A value that does not parse is dropped whole by the browser, so a syntax error — most
 * often the old Feature-Policy syntax `camera 'none'` — leaves no policy at all.
 *
 * Without a policy, powerful features default to `self`: the page's own scripts (and any
 * third-party script it includes) may prompt for them, and same-origin frames may too.
 * That is a hardening gap, not an open door, hence `info`/`low` severities here.
 */
import { isInnerList, parseDictionary, Token, type BareItem, type InnerList, type Item } from 'structured-headers';
import type { PageCapture } from '../../capture';
import type { Finding, TabgradeCheck } from '../../findings';
import { joinedHeader } from '../../headers';
import { OBSOLETE_FEATURES, POWERFUL_FEATURES, RECOGNISED_FEATURES, RECOMMENDED_PERMISSIONS_POLICY } from './permissions-policy-features';
import { clip, documentHeaders, findingMaker, isHtmlDocument, MDN_HEADERS } from './shared';

const LEARN_MORE = `${MDN_HEADERS}/Permissions-Policy`;
const DOES_NOT_APPLY = 'Keep self (or the origins you embed) for any feature your own pages really use, such as geolocation on a store locator or camera in a video call.';
const make = findingMaker('permissions-policy', 'server');

/** Who may use a feature, as the browser reads the allowlist. */
export interface Allowlist {
  /** `*`: every origin, including embedded cross-origin frames given `allow`. */
  all: boolean;
  self: boolean;
  /** Quoted origins, verbatim. */
  origins: string[];
  /** Members the browser ignores (unquoted origins, `none`, numbers …), verbatim. */
  ignored: string[];
}

export type PermissionsPolicyParse =
  | { valid: true; features: Map<string, Allowlist> }
  | { valid: false; reason: string };

function describeBare(bare: BareItem): string {
  if (bare instanceof Token) return bare.toString();
  if (typeof bare === 'string') return JSON.stringify(bare);
  if (typeof bare === 'number' || typeof bare === 'boolean') return String(bare);
  return '(non-text value)';
}

function addMember(allowlist: Allowlist, bare: BareItem): void {
  if (bare instanceof Token) {
    const token = bare.toString();
    if (token === '*') allowlist.all = true;
    else if (token === 'self') allowlist.self = true;
    // Origins must be quoted strings; Chromium skips a bare token such as https://a.example.
    else allowlist.ignored.push(token);
    return;
  }
  if (typeof bare === 'string') {
    allowlist.origins.push(bare);
    return;
  }
  allowlist.ignored.push(describeBare(bare));
}

function toAllowlist(member: Item | InnerList): Allowlist {
  const allowlist: Allowlist = { all: false, self: false, origins: [], ignored: [] };
  if (isInnerList(member)) {
    for (const [bare] of member[0]) addMember(allowlist, bare);
  } else {
    addMember(allowlist, member[0]);
  }
  return allowlist;
}

/** Parses a Permissions-Policy value the way Chromium does. */
export function parsePermissionsPolicy(value: string): PermissionsPolicyParse {
  let dictionary: Map<string, Item | InnerList>;
  try {
    dictionary = parseDictionary(value);
  } catch (error) {
    return { valid: false, reason: error instanceof Error ? error.message : 'not a structured-field dictionary' };
  }
  const features = new Map<string, Allowlist>();
  for (const [feature, member] of dictionary) features.set(feature, toAllowlist(member));
  return { valid: true, features };
}

/** Old Feature-Policy syntax (`camera 'none'; microphone 'self'`) pasted into the new header. */
function looksLikeFeaturePolicySyntax(value: string): boolean {
  return /'(?:none|self|src)'/i.test(value) || /^[a-z-]+\s+(?:'|\*|https?:)/i.test(value.trim());
}

function judge(capture: PageCapture): Finding[] {
  if (!isHtmlDocument(capture)) return [];
  const raw = joinedHeader(documentHeaders(capture), 'permissions-policy');
  if (raw === null) {
    return [
      make({
        id: 'permissions-policy-missing',
        severity: 'info',
        title: 'No Permissions-Policy',
        detail: `Permissions-Policy switches off browser features the site does not use, so that neither an injected script nor a third-party one can ask for the camera, microphone or location. Without it these features default to the site's own origin. ${DOES_NOT_APPLY}`,
        subject: 'Permissions-Policy',
        recommendation: `Permissions-Policy: ${RECOMMENDED_PERMISSIONS_POLICY}`,
        learnMoreUrl: LEARN_MORE,
      }),
    ];
  }

  const parsed = parsePermissionsPolicy(raw);
  if (!parsed.valid) {
    const featurePolicySyntax = looksLikeFeaturePolicySyntax(raw);
    return [
      make({
        id: 'permissions-policy-invalid',
        severity: 'low',
        title: 'Permissions-Policy cannot be parsed, so browsers ignore all of it',
        detail: `${featurePolicySyntax ? "The value uses the old Feature-Policy syntax (feature 'none'; …), which the Permissions-Policy header does not accept. " : ''}The header is a structured-field dictionary such as camera=(), geolocation=(self "https://maps.example"): lower-case feature names, = between name and allowlist, commas between features, and origins in double quotes. One error drops the whole header.`,
        subject: 'Permissions-Policy',
        recommendation: `Permissions-Policy: ${RECOMMENDED_PERMISSIONS_POLICY}`,
        learnMoreUrl: LEARN_MORE,
        data: { value: clip(raw), reason: clip(parsed.reason), featurePolicySyntax },
      }),
    ];
  }

  const findings: Finding[] = [];
  const openToAll = POWERFUL_FEATURES.filter((entry) => parsed.features.get(entry.feature)?.all === true);
  if (openToAll.length > 0) {
    findings.push(
      make({
        id: 'permissions-policy-powerful-feature-open',
        severity: 'low',
        title: 'Permissions-Policy opens powerful features to every origin (*)',
        detail: `With *, any cross-origin frame the page embeds can be granted these features by an allow attribute, and nothing limits which origin that is: ${openToAll.map((entry) => `${entry.feature} (${entry.why})`).join('; ')}. List the origins that need them instead, or self. ${DOES_NOT_APPLY}`,
        subject: 'Permissions-Policy',
        recommendation: `${openToAll.map((entry) => `${entry.feature}=(self)`).join(', ')} — or () for features the site does not use`,
        learnMoreUrl: LEARN_MORE,
        data: { features: openToAll.map((entry) => entry.feature) },
      }),
    );
  }

  const unrestricted = POWERFUL_FEATURES.filter((entry) => entry.core && !parsed.features.has(entry.feature));
  if (unrestricted.length > 0) {
    findings.push(
      make({
        id: 'permissions-policy-powerful-feature-unrestricted',
        severity: 'info',
        title: 'Permissions-Policy leaves common powerful features at their default',
        detail: `The policy does not mention ${unrestricted.map((entry) => entry.feature).join(', ')}, so the page itself and any script on it may still ask for them. Disable the ones the site never uses. ${DOES_NOT_APPLY}`,
        subject: 'Permissions-Policy',
        recommendation: unrestricted.map((entry) => `${entry.feature}=()`).join(', '),
        learnMoreUrl: LEARN_MORE,
        data: { features: unrestricted.map((entry) => entry.feature) },
      }),
    );
  }

  const unknown: string[] = [];
  const obsolete: string[] = [];
  const ignored: Array<{ feature: string; members: string[] }> = [];
  for (const [feature, allowlist] of parsed.features) {
    if (OBSOLETE_FEATURES.has(feature)) obsolete.push(feature);
    else if (!RECOGNISED_FEATURES.has(feature)) unknown.push(clip(feature, 80));
    if (allowlist.ignored.length > 0) ignored.push({ feature: clip(feature, 80), members: allowlist.ignored.map((member) => clip(member, 120)) });
  }
  if (obsolete.length > 0 || unknown.length > 0) {
    findings.push(
      make({
        id: 'permissions-policy-unrecognised-feature',
        severity: 'info',
        title: 'Permissions-Policy names features browsers do not recognise',
        detail:
          'Chromium ignores these entries and logs a console warning; the rest of the policy still applies. Obsolete names (such as interest-cohort, from the abandoned FLoC trial) can simply be removed. Names a newer browser may know are harmless.',
        subject: 'Permissions-Policy',
        recommendation: 'Remove the obsolete entries',
        learnMoreUrl: LEARN_MORE,
        data: { obsolete, unknown },
      }),
    );
  }
  if (ignored.length > 0) {
    findings.push(
      make({
        id: 'permissions-policy-ignored-allowlist-entry',
        severity: 'info',
        title: 'Some Permissions-Policy allowlist entries are ignored',
        detail:
          'Allowlists accept only *, self and origins written as double-quoted strings ("https://a.example"). Unquoted origins, none or quoted keywords are skipped, which usually makes the feature stricter than intended rather than looser.',
        subject: 'Permissions-Policy',
        recommendation: 'Quote origins, and use () to disable a feature',
        learnMoreUrl: LEARN_MORE,
        data: { entries: ignored },
      }),
    );
  }
  return findings;
}

export const permissionsPolicyCheck: TabgradeCheck = {
  id: 'permissions-policy',
  title: 'Permissions-Policy',
  group: 'server',
  needs: ['document'],
  possibleFindings: [
    'permissions-policy-missing',
    'permissions-policy-invalid',
    'permissions-policy-powerful-feature-open',
    'permissions-policy-powerful-feature-unrestricted',
    'permissions-policy-unrecognised-feature',
    'permissions-policy-ignored-allowlist-entry',
  ],
  run: judge,
};
