/**
 * Subresource Integrity in depth: Tabgrade's own findings about the page's scripts and
 * stylesheets (they never change the Observatory-compatible grade). One finding per
 * resource and problem, naming the URL and how the tag got into the page; past
 * `MAX_PER_PROBLEM` resources a single finding counts the rest, so a page with thousands of
 * tags stays readable. Same-origin files without `integrity` are fine and produce nothing.
 */
import type { PageCapture, SriVerificationResult } from '../../capture';
import type { Finding, Severity, TabgradeCheck } from '../../findings';
import { clip, findingMaker } from './shared';
import type { TokenProblem } from './sri-integrity-metadata';
import { sriRows, type SriProblem, type SriRow } from './sri-resources';

export const SRI_CHECK_ID = 'subresource-integrity-in-depth';
const make = findingMaker(SRI_CHECK_ID, 'content');
const LEARN_MORE = 'https://developer.mozilla.org/en-US/docs/Web/Security/Subresource_Integrity';
const MIXED_CONTENT = 'https://developer.mozilla.org/en-US/docs/Web/Security/Mixed_content';
export const MAX_PER_PROBLEM = 10;

const TOKEN_PROBLEM_WORDS: Record<TokenProblem, string> = {
  'unknown-algorithm': 'an algorithm browsers do not know (only sha256, sha384 and sha512 exist)',
  'not-base64': 'a hash that is empty or not base64',
  'wrong-length': 'a hash of the wrong length for its algorithm',
  'non-standard-prefix': 'a `sha-384-` style prefix only Chromium understands',
};

function thing(row: SriRow): string {
  return row.kind === 'script' ? 'script' : 'stylesheet';
}

/** Where the tag came from, in words: the fix goes where the tag is written. */
function provenance(row: SriRow): string {
  return row.addedAfterLoad
    ? `It was added by a script after the page loaded (about ${row.firstSeenMs} ms in); which script did it cannot be seen from outside the page, so look for the code that inserts this URL.`
    : 'It is in the page’s HTML (inserted by the parser).';
}

function hostOf(row: SriRow): string {
  return row.resourceOrigin ?? 'another origin';
}

interface Rule {
  id: (row: SriRow) => string;
  severity: (row: SriRow) => Severity;
  title: (row: SriRow) => string;
  detail: (row: SriRow) => string;
  recommendation: (row: SriRow, suggested: string | null) => string;
  learnMoreUrl: string;
}

const RULES: Record<SriProblem, Rule> = {
  'missing-integrity': {
    id: (row) => `sri-missing-on-cross-origin-${thing(row)}`,
    // Stylesheets too: CSS from a compromised host can read what the page shows (attribute
    // selectors leak input values) and redraw it (a fake login form), so it caps the grade.
    severity: () => 'medium',
    title: (row) => `Cross-origin ${thing(row)} loaded without integrity`,
    detail: (row) =>
      `${hostOf(row)} serves this ${thing(row)}; if that server or the path to it is compromised, ${
        row.kind === 'script' ? 'the code runs with full access to the page' : 'the styles can deface the page or leak what it shows'
      }. With an integrity hash the browser refuses any file that does not match. This only suits a file that never changes at its URL (a versioned library); a file that changes by design (an analytics or widget loader) cannot carry a hash: host a pinned copy instead. ${provenance(row)}`,
    recommendation: (_row, suggested) =>
      suggested !== null
        ? `Add integrity="${suggested}" crossorigin="anonymous" (the hash of the file as fetched now).`
        : 'Add integrity="sha384-…" crossorigin="anonymous" (use “Verify hashes” to compute it), or serve the file from your own origin.',
    learnMoreUrl: LEARN_MORE,
  },
  'malformed-integrity': {
    id: () => 'sri-integrity-malformed',
    severity: (row) => (row.metadata?.effect === 'checked' ? 'low' : 'medium'),
    title: (row) =>
      row.metadata?.effect === 'always-fails'
        ? `The integrity of a ${thing(row)} can never match: the browser blocks it`
        : row.metadata?.effect === 'unchecked'
          ? `The integrity of a ${thing(row)} has no usable hash: it loads unchecked`
          : `The integrity of a ${thing(row)} has a malformed token`,
    detail: (row) =>
      `The attribute has ${row.tokenProblems.map((problem) => TOKEN_PROBLEM_WORDS[problem]).join('; ')}. Browsers skip tokens with an unknown algorithm or non-base64 characters (with none left, the file is not checked at all), and a hash of the wrong length never matches (the file is refused). ${provenance(row)}`,
    recommendation: (_row, suggested) =>
      suggested !== null ? `Use integrity="${suggested}".` : 'Regenerate the value: `sha384-` followed by the base64 of the file’s SHA-384 digest (64 characters).',
    learnMoreUrl: LEARN_MORE,
  },
  'non-standard-prefix': {
    id: () => 'sri-integrity-non-standard-prefix',
    severity: () => 'low',
    title: (row) => `The integrity of a ${thing(row)} uses a prefix only Chromium understands`,
    detail: (row) =>
      `Chromium accepts \`sha-256-\`, \`sha-384-\` and \`sha-512-\`; the standard (and Firefox and Safari) know only \`sha256-\`, \`sha384-\` and \`sha512-\`, so other browsers ignore this hash. ${provenance(row)}`,
    recommendation: () => 'Write the algorithm without the dash: sha384-…',
    learnMoreUrl: LEARN_MORE,
  },
  'sha256-only': {
    id: () => 'sri-integrity-sha256-only',
    severity: () => 'info',
    title: (row) => `The integrity of a ${thing(row)} uses only SHA-256`,
    detail: () =>
      'SHA-256 is still sound, but SHA-384 is what the SRI spec’s examples, MDN and the CDNs’ ready-made snippets use; a sha384 (or sha512) hash can be listed beside this one.',
    recommendation: (_row, suggested) => (suggested !== null ? `Use integrity="${suggested}".` : 'Use a sha384 hash.'),
    learnMoreUrl: LEARN_MORE,
  },
  'missing-crossorigin': {
    id: () => 'sri-without-crossorigin',
    severity: () => 'medium',
    title: (row) => `Cross-origin ${thing(row)} has integrity but no crossorigin: the browser blocks it`,
    detail: (row) =>
      `Without \`crossorigin\` the ${thing(row)} is fetched in no-cors mode; the response is opaque, its hash cannot be checked, and the browser refuses it (Chromium logs “Subresource Integrity: … requires the request to be CORS enabled”). ${provenance(row)}`,
    recommendation: () => 'Add crossorigin="anonymous" (the server must answer with Access-Control-Allow-Origin).',
    learnMoreUrl: LEARN_MORE,
  },
  'cors-not-allowed': {
    id: () => 'sri-cors-not-allowed',
    severity: () => 'medium',
    title: (row) => `Cross-origin ${thing(row)} with integrity is refused by CORS`,
    detail: (row) =>
      `The ${thing(row)} is fetched with CORS (needed for its integrity check), but the response Tabgrade saw does not allow this page to read it (Access-Control-Allow-Origin is missing or names another origin), so the browser blocks it. ${provenance(row)}`,
    recommendation: () => 'Have the server send Access-Control-Allow-Origin: * for this file (or this page’s origin).',
    learnMoreUrl: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS',
  },
  'mixed-content': {
    id: (row) => `mixed-content-${thing(row)}`,
    severity: (row) => (row.kind === 'script' ? 'high' : 'medium'),
    title: (row) => `A ${thing(row)} is loaded over http: on an https: page`,
    detail: (row) =>
      `Anyone on the network path can replace a file fetched over plain HTTP. Browsers block such active mixed content, so the page is also broken where it relies on this ${thing(row)}. ${provenance(row)}`,
    recommendation: () => 'Load it over https: (or from your own origin).',
    learnMoreUrl: MIXED_CONTENT,
  },
};

const PROBLEM_ORDER: SriProblem[] = ['mixed-content', 'missing-integrity', 'malformed-integrity', 'missing-crossorigin', 'cors-not-allowed', 'non-standard-prefix', 'sha256-only'];

function resourceData(row: SriRow): Record<string, unknown> {
  return {
    url: clip(row.url),
    element: row.element,
    origin: row.resourceOrigin,
    addedAfterLoad: row.addedAfterLoad,
    integrity: row.integrity === null ? null : clip(row.integrity),
    crossorigin: row.crossorigin === null ? null : clip(row.crossorigin, 40),
  };
}

function verificationByUrl(capture: PageCapture): Map<string, SriVerificationResult> {
  return new Map((capture.sriVerification?.results ?? []).map((result) => [result.url, result]));
}

function mismatchFinding(row: SriRow, result: SriVerificationResult): Finding {
  return make({
    id: 'sri-hash-mismatch',
    severity: 'medium',
    title: `The file no longer matches its integrity hash: browsers refuse this ${thing(row)}`,
    detail: `Tabgrade fetched the file and its ${result.algorithm ?? ''} digest is ${result.actual ?? 'different'}, which is not in the attribute. Either the file changed (an update at an unversioned URL, or tampering) or the hash was wrong from the start. ${provenance(row)}`,
    subject: clip(row.url),
    recommendation:
      result.suggested !== null
        ? `Check that the file is the one you meant to load, then use integrity="${result.suggested}".`
        : 'Check the file, then regenerate its hash.',
    learnMoreUrl: LEARN_MORE,
    data: { ...resourceData(row), algorithm: result.algorithm, actual: result.actual },
  });
}

export function subresourceIntegrityFindings(capture: PageCapture): Finding[] {
  const rows = sriRows(capture);
  const verification = verificationByUrl(capture);
  const findings: Finding[] = [];
  for (const problem of PROBLEM_ORDER) {
    const rule = RULES[problem];
    const affected = rows.filter((row) => row.problems.includes(problem));
    for (const row of affected.slice(0, MAX_PER_PROBLEM)) {
      findings.push(
        make({
          id: rule.id(row),
          severity: rule.severity(row),
          title: rule.title(row),
          detail: rule.detail(row),
          subject: clip(row.url),
          recommendation: rule.recommendation(row, verification.get(row.url)?.suggested ?? null),
          learnMoreUrl: rule.learnMoreUrl,
          data: resourceData(row),
        }),
      );
    }
    const rest = affected.slice(MAX_PER_PROBLEM);
    const first = rest[0];
    if (first !== undefined) {
      findings.push(
        make({
          id: rule.id(first),
          severity: rule.severity(first),
          title: `Same problem on ${rest.length} more resources: ${rule.title(first)}`,
          detail: `The same problem as above, on ${rest.length} more files (the Page section lists them all).`,
          subject: `${rest.length} more resources`,
          recommendation: rule.recommendation(first, null),
          learnMoreUrl: rule.learnMoreUrl,
          data: { count: rest.length, urls: rest.slice(0, 100).map((row) => clip(row.url)) },
        }),
      );
    }
  }
  for (const row of rows) {
    const result = verification.get(row.url);
    if (result?.status === 'mismatch') findings.push(mismatchFinding(row, result));
  }
  return findings;
}

export const subresourceIntegrityInDepthCheck: TabgradeCheck = {
  id: SRI_CHECK_ID,
  title: 'Subresource Integrity in depth',
  group: 'content',
  needs: ['dom', 'subresources'],
  run: subresourceIntegrityFindings,
};
