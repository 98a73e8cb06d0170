import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCapture, type PageCapture } from '../../../src/core/capture';
import { setDocument } from '../../../src/core/capture-updates';
import { DEBUG_HEADERS } from '../../../src/core/checks/tabgrade/debug-headers-data';
import { DEVELOPMENT_SERVERS } from '../../../src/core/checks/tabgrade/server-header';
import type { Finding, Severity } from '../../../src/core/findings';
import { GRADES_BEST_FIRST } from '../../../src/core/grade-order';
import { runTabgradeChecks, TABGRADE_CHECKS } from '../../../src/core/tabgrade-findings';
import type { TlsInfo } from '../../../src/core/tls';
import { CAP_RULES, capRuleFor, type CapContext, type CapRule } from '../../../src/core/verdict/cap-table';
import { captureFrom, captureFromFixtures } from '../../helpers/fixtures';
import { link, pageWith, script } from '../../helpers/page-capture';
import { finding, NOW } from './support';

const PUBLIC: CapContext = { publicHost: true, observatorySriPassed: false };
const LOCAL: CapContext = { publicHost: false, observatorySriPassed: false };
const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];

/** A finding id the rule's first pattern matches (`debug-*` → `debug-example`). */
function idFor(rule: CapRule): string {
  const pattern = rule.findingIds?.[0];
  return pattern === undefined ? 'some-finding-no-rule-names' : pattern.replace(/\*$/, 'example');
}

/** A finding each severity `rule` accepts would cap (info and low never do). */
function findingsFor(rule: CapRule): Finding[] {
  const severities = (rule.severities ?? SEVERITIES).filter((severity) => severity === 'high' || severity === 'medium');
  // addedAfterLoad satisfies the one rule that reads the finding's data.
  return severities.map((severity) => finding({ id: idFor(rule), severity, data: { addedAfterLoad: true } }));
}

describe('CAP_RULES', () => {
  it('has unique ids and a reason for every rule', () => {
    const ids = CAP_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of CAP_RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(GRADES_BEST_FIRST).toContain(rule.cap);
      expect(rule.why.length, rule.id).toBeGreaterThan(30);
    }
  });

  it('never caps at A+ (a cap that cannot lower anything is a typo)', () => {
    expect(CAP_RULES.filter((rule) => rule.cap === 'A+')).toEqual([]);
  });

  it.each(CAP_RULES.map((rule) => [rule.id, rule] as const))('reaches %s with a finding it names, at every severity it covers', (_id, rule) => {
    const cases = findingsFor(rule);
    expect(cases.length).toBeGreaterThan(0);
    for (const matching of cases) {
      // toBe: the rule object itself, so an earlier rule that shadows this one fails here.
      expect(capRuleFor(matching, PUBLIC), `${matching.id} at ${matching.severity}`).toBe(rule);
    }
  });

  it('keeps the severity fallback last, so no specific rule is shadowed by it', () => {
    expect(CAP_RULES.at(-1)?.id).toBe('high-severity');
    expect(CAP_RULES.at(-1)?.findingIds).toBeUndefined();
  });

  it('uses the rules it is given instead of the table when passed some', () => {
    const only: CapRule = { id: 'only-rule', cap: 'D', why: 'A rule for this test only, to show the table is replaceable.', findingIds: ['server-version-disclosed'] };
    const disclosed = finding({ id: 'server-version-disclosed', severity: 'medium' });
    expect(capRuleFor(disclosed, PUBLIC)).toBeNull();
    expect(capRuleFor(disclosed, PUBLIC, [only])).toBe(only);
    expect(capRuleFor(finding({ id: 'mixed-content-script', severity: 'high' }), PUBLIC, [only])).toBeNull();
  });
});

describe('capRuleFor', () => {
  it('matches a wildcard as a prefix only, and an exact id exactly', () => {
    expect(capRuleFor(finding({ id: 'debug-symfony-profiler', severity: 'medium' }), PUBLIC)?.id).toBe('debug-tool-public');
    // Same words, not the same prefix: no rule names it, and medium has no fallback.
    expect(capRuleFor(finding({ id: 'symfony-debug-profiler', severity: 'medium' }), PUBLIC)).toBeNull();
    expect(capRuleFor(finding({ id: 'mixed-content-script-extra', severity: 'medium' }), PUBLIC)).toBeNull();
    expect(capRuleFor(finding({ id: 'https-downgrade', severity: 'medium' }), PUBLIC)).toBeNull(); // the check's id, not the finding's
  });

  it('caps a vulnerable library by its severity: high at C, medium at B', () => {
    expect(capRuleFor(finding({ id: 'vulnerable-library', severity: 'high' }), PUBLIC)).toMatchObject({ id: 'vulnerable-library-high', cap: 'C' });
    expect(capRuleFor(finding({ id: 'vulnerable-library', severity: 'medium' }), PUBLIC)).toMatchObject({ id: 'vulnerable-library-medium', cap: 'B' });
  });

  describe('public-host-only rules', () => {
    const publicOnly = CAP_RULES.filter((rule) => rule.when !== undefined && rule.id !== 'cross-origin-script-without-integrity');

    it('are the development-server, debug-tool and invalid-certificate rules', () => {
      expect(publicOnly.map((rule) => rule.id).sort()).toEqual(['certificate-invalid-public', 'debug-tool-public', 'development-server-public']);
    });

    it.each(publicOnly.map((rule) => [rule.id, rule] as const))('%s applies on a public host and not on a development host', (_id, rule) => {
      for (const matching of findingsFor(rule)) {
        expect(capRuleFor(matching, PUBLIC)).toBe(rule);
        expect(capRuleFor(matching, LOCAL)?.id).not.toBe(rule.id);
        // The SRI context does not stand in for the host.
        expect(capRuleFor(matching, { publicHost: false, observatorySriPassed: true })?.id).not.toBe(rule.id);
      }
    });

    it('leave medium development servers and debug tools uncapped on a development host', () => {
      for (const id of ['development-server-werkzeug', 'debug-firephp']) {
        expect(capRuleFor(finding({ id, severity: 'medium' }), LOCAL), id).toBeNull();
      }
    });

    // `development-hosts.ts` promises: on a development host "Tabgrade never caps its grade
    // for a development server or debug headers". The data's own severities are used, so a
    // high-severity debug tool (the Symfony profiler, Clockwork…) must not slip through to
    // the severity fallback there either.
    it('never cap a debug tool or development server on a development host, whatever its severity', () => {
      const local = [
        ...DEBUG_HEADERS.map((entry) => finding({ id: entry.id, checkId: 'debug-headers', severity: entry.severity })),
        ...DEVELOPMENT_SERVERS.map((entry) => finding({ id: entry.id, checkId: 'server-header', severity: entry.severity })),
      ];
      expect(local.map((item) => [item.id, capRuleFor(item, LOCAL)?.id ?? null]).filter(([, rule]) => rule !== null)).toEqual([]);
    });
  });

  it('never caps an info or low finding, whatever its id, data or the page', () => {
    const declared = TABGRADE_CHECKS.flatMap((check) => check.possibleFindings ?? []);
    const named = CAP_RULES.map(idFor);
    const ids = fc.oneof(fc.constantFrom(...declared, ...named, 'mixed-content-script', 'sri-missing-on-cross-origin-script'), fc.string({ maxLength: 40 }));
    fc.assert(
      fc.property(ids, fc.constantFrom<Severity>('info', 'low'), fc.string(), fc.boolean(), fc.boolean(), fc.boolean(), (id, severity, checkId, addedAfterLoad, publicHost, observatorySriPassed) => {
        const item = finding({ id, severity, checkId, data: { addedAfterLoad } });
        expect(capRuleFor(item, { publicHost, observatorySriPassed })).toBeNull();
      }),
      { numRuns: 500 },
    );
    // The same ids at high severity do cap, so the loop above is not vacuous.
    expect(named.every((id) => capRuleFor(finding({ id, severity: 'high', data: { addedAfterLoad: true } }), PUBLIC) !== null)).toBe(true);
  });

  describe('cross-origin script without integrity', () => {
    const parserScript = finding({ id: 'sri-missing-on-cross-origin-script', data: { addedAfterLoad: false } });
    const addedScript = finding({ id: 'sri-missing-on-cross-origin-script', data: { addedAfterLoad: true } });

    it('does not cap a parser-inserted script the Observatory already scored against the page', () => {
      expect(capRuleFor(parserScript, PUBLIC)).toBeNull();
      expect(capRuleFor(finding({ id: 'sri-missing-on-cross-origin-script' }), PUBLIC)).toBeNull(); // no data at all
    });

    it('caps at B+ a script added after load, which the Observatory never saw', () => {
      expect(capRuleFor(addedScript, PUBLIC)).toMatchObject({ id: 'cross-origin-script-without-integrity', cap: 'B+' });
      expect(capRuleFor(addedScript, LOCAL)?.id).toBe('cross-origin-script-without-integrity'); // not a public-host rule
    });

    it('caps a parser-inserted one when the Observatory’s SRI test passed anyway', () => {
      expect(capRuleFor(parserScript, { publicHost: true, observatorySriPassed: true })?.id).toBe('cross-origin-script-without-integrity');
    });

    it('wants addedAfterLoad to be true, not merely present', () => {
      expect(capRuleFor(finding({ id: 'sri-missing-on-cross-origin-script', data: { addedAfterLoad: 'yes' } }), PUBLIC)).toBeNull();
    });

    it('caps a stylesheet without integrity either way: the Observatory never scores stylesheets', () => {
      const style = finding({ id: 'sri-missing-on-cross-origin-stylesheet', data: { addedAfterLoad: false } });
      expect(capRuleFor(style, PUBLIC)).toMatchObject({ id: 'cross-origin-stylesheet-without-integrity', cap: 'B+' });
    });
  });

  describe('high-severity fallback', () => {
    it('caps at C a high finding no specific rule names', () => {
      expect(capRuleFor(finding({ id: 'coep-invalid', checkId: 'cross-origin-embedder-policy', severity: 'high' }), PUBLIC)).toMatchObject({ id: 'high-severity', cap: 'C' });
    });

    it('leaves the CSP review alone: the Observatory’s CSP test already scores that policy', () => {
      expect(capRuleFor(finding({ id: 'csp-script-unsafe-inline', checkId: 'csp-review', severity: 'high' }), PUBLIC)).toBeNull();
    });

    it('excludes by check, not by finding id', () => {
      // A csp-looking id from another check is still capped; csp-review's findings are not, whatever their id.
      expect(capRuleFor(finding({ id: 'csp-script-unsafe-inline', checkId: 'some-check', severity: 'high' }), PUBLIC)?.id).toBe('high-severity');
      expect(capRuleFor(finding({ id: 'anything-else', checkId: 'csp-review', severity: 'high' }), PUBLIC)).toBeNull();
    });

    it('does not catch medium findings', () => {
      expect(capRuleFor(finding({ id: 'coep-invalid', checkId: 'cross-origin-embedder-policy', severity: 'medium' }), PUBLIC)).toBeNull();
    });

    it('yields to a specific rule with a milder cap (TLS 1.1 is B, not C)', () => {
      expect(capRuleFor(finding({ id: 'tls-protocol-deprecated', severity: 'high' }), PUBLIC)).toMatchObject({ id: 'tls-deprecated-protocol', cap: 'B' });
      expect(capRuleFor(finding({ id: 'cookie-session-without-secure', severity: 'high' }), PUBLIC)).toMatchObject({ id: 'session-cookie-exposed', cap: 'B' });
    });
  });
});

const DAY = 86_400_000;

/** A document at `https://shop.example/` whose connection facts are `tls` (as the TLS check tests build it). */
function tlsCapture(tls: Partial<TlsInfo>, validTo = NOW + 60 * DAY): PageCapture {
  const url = 'https://shop.example/';
  const base = setDocument(emptyCapture({ navigationId: 'n', tabId: 1, url, startedAt: 0 }), {
    url, method: 'GET', statusCode: 200, statusLine: '', headers: [], type: 'main_frame', timeStamp: 0, fromCache: false,
  });
  const full: TlsInfo = {
    source: 'firefox', url, state: 'secure', protocol: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', keaGroup: 'x25519',
    signatureScheme: 'ECDSA-P256-SHA256',
    certificate: { subject: 'CN=shop.example', issuer: 'CN=R11', validFrom: NOW - 30 * DAY, validTo, sha256: null, serialNumber: null, isBuiltInRoot: false },
    chain: [], trusted: true, domainMismatch: false, notValidAtThisTime: false, hsts: true, certificateTransparency: 'policy_compliant', weaknessReasons: [], errorMessage: null,
    ...tls,
  };
  return { ...base, tls: full };
}

/**
 * Real findings from the real checks: proves the ids the table names are the ids the
 * checks emit (a typo in either would leave a rule unreachable in practice).
 */
describe('capRuleFor on real findings', () => {
  const cases: Array<[string, PageCapture, string, string | null]> = [
    ['a high-severity AngularJS', pageWith([script('https://www.example.com/angular-1.8.3.min.js')]), 'vulnerable-library', 'vulnerable-library-high'],
    ['a medium-severity jQuery', pageWith([script('https://www.example.com/js/jquery-3.4.1.min.js')]), 'vulnerable-library', 'vulnerable-library-medium'],
    ['a script over http:', pageWith([script('http://cdn.example.net/e.js')]), 'mixed-content-script', 'mixed-content-script'],
    [
      'an HTTPS page redirecting to HTTP',
      captureFrom({
        url: 'http://example.com/',
        headers: [],
        redirects: [{ url: 'https://example.com/', statusCode: 301, statusLine: 'HTTP/1.1 301', location: 'http://example.com/', headers: [], internal: false }],
      }),
      'https-downgrade-redirect',
      'https-downgrade',
    ],
    ['Django’s runserver', captureFromFixtures('tabgrade/server-django-runserver'), 'development-server-wsgiref', 'development-server-public'],
    ['Clockwork', captureFromFixtures('tabgrade/debug-clockwork'), 'debug-clockwork', 'debug-tool-public'],
    ['an expired certificate', tlsCapture({}, NOW - DAY), 'tls-certificate-expired', 'certificate-invalid-public'],
    ['an untrusted certificate', tlsCapture({ trusted: false }), 'tls-certificate-untrusted', 'certificate-invalid-public'],
    ['TLS 1.1', tlsCapture({ protocol: 'TLSv1.1' }), 'tls-protocol-deprecated', 'tls-deprecated-protocol'],
    ['a certificate expiring in 3 days', tlsCapture({}, NOW + 3 * DAY), 'tls-certificate-expiring-soon', 'high-severity'],
    ['a session page in a public cache', captureFromFixtures('tabgrade/session-cookie-cache-public'), 'cache-session-response-shared-cacheable', 'shared-cache-session-page'],
    ['an Express session cookie without Secure', captureFromFixtures('tabgrade/cookies-express-session'), 'cookie-session-without-secure', 'session-cookie-exposed'],
    ['a cross-origin script added after load', pageWith([script('https://cdn.example.net/lib.js', { origin: 'added-after-load', firstSeenMs: 1040 })]), 'sri-missing-on-cross-origin-script', 'cross-origin-script-without-integrity'],
    ['a parser-inserted cross-origin script', pageWith([script('https://cdn.example.net/lib.js')]), 'sri-missing-on-cross-origin-script', null],
    ['a cross-origin stylesheet', pageWith([link('https://cdn.example.net/a.css')]), 'sri-missing-on-cross-origin-stylesheet', 'cross-origin-stylesheet-without-integrity'],
    ['a CSP without object-src (csp-review, high)', captureFromFixtures('tabgrade/csp-missing-object-src'), 'csp-missing-directive', null],
  ];

  it.each(cases)('%s', (_name, capture, findingId, ruleId) => {
    const found = runTabgradeChecks(capture, { now: NOW }).filter((item) => item.id === findingId);
    expect(found.length, `the checks should report ${findingId}`).toBeGreaterThan(0);
    for (const item of found) expect(capRuleFor(item, PUBLIC)?.id ?? null).toBe(ruleId);
  });

  it('covers every rule of the table', () => {
    const covered = new Set(cases.map(([, , , ruleId]) => ruleId));
    expect(CAP_RULES.map((rule) => rule.id).filter((id) => !covered.has(id))).toEqual([]);
  });
});
