import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareSources,
  parseCspPolicies,
  parseCspPolicyLists,
  parseCspPolicyListsAndPrefix,
  parseMetaCspPolicies,
  splitPolicyList,
  type CspListsOutcome,
  type CspParseOutcome,
} from '../../../../src/core/checks/observatory/csp-parser';

/** The parsed directives as a plain object, for readable expectations. */
function directivesOf(outcome: CspParseOutcome): Record<string, string[]> {
  if (!outcome.valid) throw new Error(`expected a valid CSP, got: ${outcome.reason}`);
  const result: Record<string, string[]> = {};
  for (const [directive, sources] of outcome.csp.directives) result[directive] = [...sources].sort();
  return result;
}

describe('splitPolicyList', () => {
  it('splits each value on commas into trimmed policies', () => {
    expect(splitPolicyList(["default-src 'none' , script-src 'self'", 'img-src *'])).toEqual([
      "default-src 'none'",
      "script-src 'self'",
      'img-src *',
    ]);
  });

  it('keeps the empty piece a trailing comma leaves, so the CSP is later invalid', () => {
    expect(splitPolicyList(["default-src 'none',"])).toEqual(["default-src 'none'", '']);
  });
});

describe('parseCspPolicies: one policy', () => {
  it('lower-cases directive names and sources', () => {
    expect(directivesOf(parseCspPolicies(["DEFAULT-SRC 'NONE'; Script-Src 'Self' HTTPS://Example.COM"]))).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'", 'https://example.com'],
    });
  });

  it('reads a -src directive without sources as none, and other empty directives as none too', () => {
    expect(directivesOf(parseCspPolicies(['default-src; upgrade-insecure-requests']))).toEqual({
      'default-src': ["'none'"],
      'upgrade-insecure-requests': ["'none'"],
    });
  });

  it('ignores empty directives and extra whitespace, including line breaks', () => {
    expect(directivesOf(parseCspPolicies(["default-src 'none';;; ;\r\n;script-src\t'self'   https://a.example"]))).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'", 'https://a.example'],
    });
  });

  it('drops a source made redundant by a shorter neighbour in collation order', () => {
    // `https:` already allows every https URL, so the Observatory keeps only it.
    expect(directivesOf(parseCspPolicies(['script-src https: https://cdn.example']))).toEqual({ 'script-src': ['https:'] });
    expect(directivesOf(parseCspPolicies(["script-src 'self' 'self'"]))).toEqual({ 'script-src': ["'self'"] });
  });

  it('finds neighbours in en collation order, not code-point order, as the Observatory does', () => {
    // Collation puts `/` before `+`, so `…/js` follows (and is made redundant by) the bare host,
    // while `…+x` survives; code-point order would keep `…/js` and drop `…+x`.
    expect(directivesOf(parseCspPolicies(['script-src https://a.example/js https://a.example+x https://a.example']))).toEqual({
      'script-src': ['https://a.example', 'https://a.example+x'],
    });
  });

  it.each([
    ['an empty policy', ''],
    ['a blank policy', '   '],
    ['only line breaks', '\r\n\r\n'],
    ['a policy shorter than six characters', 'defa'],
    ['a repeated directive', "default-src 'none'; default-src 'none'"],
    ['a repeated directive further apart', "default-src 'none'; img-src 'self'; DEFAULT-SRC 'self'"],
  ])('is invalid with %s', (_label, policy) => {
    expect(parseCspPolicies([policy]).valid).toBe(false);
  });

  it('tolerates repeated report-uri and report-to but reports them', () => {
    const outcome = parseCspPolicies(["default-src 'none'; report-uri /a; report-uri /b; report-to x; report-to y"]);
    expect(outcome.valid).toBe(true);
    if (!outcome.valid) return;
    expect([...outcome.csp.duplicateDirectives].sort()).toEqual(['report-to', 'report-uri']);
    // In the first policy the later occurrence replaces the earlier one, as in the Observatory.
    expect(directivesOf(outcome)['report-uri']).toEqual(['/b']);
  });

  it('returns an empty map for no policies at all', () => {
    expect(directivesOf(parseCspPolicies([]))).toEqual({});
  });
});

describe('parseCspPolicies: several policies', () => {
  it('keeps what identical policies share', () => {
    const policy = "default-src 'none'; script-src 'self' https://mozilla.org";
    expect(directivesOf(parseCspPolicies([policy, policy]))).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'", 'https://mozilla.org'],
    });
  });

  it('keeps only sources every policy allows, whatever their order', () => {
    expect(
      directivesOf(
        parseCspPolicies([
          "default-src 'none'; script-src 'self' https://mozilla.org",
          "default-src 'none'; script-src https://example.com 'self' https://mozilla.org",
        ]),
      ),
    ).toEqual({ 'default-src': ["'none'"], 'script-src': ["'self'", 'https://mozilla.org'] });
  });

  it('ends with none when the policies share no source', () => {
    expect(directivesOf(parseCspPolicies(['default-src https://mozilla.org', 'default-src https://mozilla.com']))).toEqual({
      'default-src': ["'none'"],
    });
    expect(directivesOf(parseCspPolicies(['default-src http:', 'default-src https:']))).toEqual({ 'default-src': ["'none'"] });
  });

  it('keeps the sources common to four policies', () => {
    expect(
      directivesOf(
        parseCspPolicies([
          'default-src https://mozilla.org https://mozilla.net https://mozilla.com https://mozilla.io',
          'default-src https://mozilla.pizza https://mozilla.ninja https://mozilla.net https://mozilla.org',
          'default-src https://mozilla.net https://mozilla.fox https://mozilla.fire https://mozilla.org',
          'default-src https://mozilla.browser https://mozilla.web https://mozilla.net https://mozilla.org',
        ]),
      ),
    ).toEqual({ 'default-src': ['https://mozilla.net', 'https://mozilla.org'] });
  });

  it('keeps the narrower of two nested paths', () => {
    expect(
      directivesOf(parseCspPolicies(['default-src https://mozilla.org/firefox/', 'default-src https://mozilla.org/firefox/download/'])),
    ).toEqual({ 'default-src': ['https://mozilla.org/firefox/download/'] });
    expect(directivesOf(parseCspPolicies(['default-src https://mozilla.org/fire', 'default-src https://mozilla.org/firefox/']))).toEqual({
      'default-src': ["'none'"],
    });
  });

  it('accepts the same directive once per policy (the 1.6.2 multi-policy fix)', () => {
    expect(parseCspPolicies(["default-src 'none'", "default-src 'self'"]).valid).toBe(true);
  });

  it('treats a directive that only a later policy sets as none', () => {
    expect(directivesOf(parseCspPolicies(["default-src 'none'", "script-src 'self'"]))).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'none'"],
    });
  });

  it('is invalid when shared sources carry malformed percent-encoding (the Observatory throws there)', () => {
    expect(parseCspPolicies(['img-src https://a.example/%zz', 'img-src https://a.example/%zz']).valid).toBe(false);
  });

  it('is invalid when any one of the policies is empty', () => {
    expect(parseCspPolicies(["default-src 'none'", ''])).toEqual({ valid: false, reason: 'empty policy' });
  });
});

describe('parseMetaCspPolicies', () => {
  it('drops the directives a meta policy cannot carry', () => {
    expect(
      directivesOf(parseMetaCspPolicies(["default-src 'self'; frame-ancestors 'none'; report-uri /r; sandbox allow-forms"])),
    ).toEqual({ 'default-src': ["'self'"] });
  });

  it('leaves nothing from a meta policy made only of those directives', () => {
    expect(directivesOf(parseMetaCspPolicies(["frame-ancestors 'none'"]))).toEqual({});
  });
});

describe('compareSources', () => {
  const collator = new Intl.Collator('en');
  const alphabet = [..."abcxyz0189'-_.:/*+%#?=&!$@~;,()[]{}<>|\\^`\"", '\u0001', '\u007f', 'é', 'ß', 'ı', '\u00ad', '😀'];
  const source = fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((chars) => chars.join(''));

  it('orders exactly like Intl.Collator("en"), including characters it hands to the collator', () => {
    fc.assert(
      fc.property(source, source, (a, b) => {
        expect(Math.sign(compareSources(a, b))).toBe(Math.sign(collator.compare(a, b)));
      }),
      { numRuns: 5000 },
    );
  });

  it('orders realistic sources like the collator', () => {
    const sources = ["'self'", "'none'", 'https:', 'https://a.example', 'https://a.example/js', 'https://a.example+x', '*.cdn.example', 'data:', "'nonce-abc'", 'wss://x.example'];
    expect([...sources].sort(compareSources)).toEqual([...sources].sort(collator.compare));
  });
});

describe('parseCspPolicies: the one-pass reading of an ASCII policy', () => {
  // An ASCII policy is read in one pass; a policy with any other character entry by entry,
  // with splits. Appending a directive with a non-ASCII name sends the same policy down the
  // second path: everything but that directive must come out the same, failures included.
  const piece = fc.constantFrom(
    ';', ' ', '  ', '\t', '\u000b', '\u000c', 'default-src', 'SCRIPT-SRC', 'img-src', 'report-uri', 'report-to', 'sandbox',
    "'self'", "'SELF'", "'none'", 'https:', 'https://a.example', 'https://a.example/x', 'HTTPS://B.example', '*', 'data:', '/r', 'a', 'B', '-src',
  );
  const asciiPolicy = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));
  const MARKER = 'x-\u00e9';

  function withoutMarker(outcome: CspParseOutcome): unknown {
    if (!outcome.valid) return outcome;
    const directives = new Map(outcome.csp.directives);
    directives.delete(MARKER);
    return { directives: [...directives].map(([name, sources]) => [name, [...sources]]), duplicates: [...outcome.csp.duplicateDirectives] };
  }

  it('reads the same directives, sources, order and failures as the entry-by-entry reading', () => {
    fc.assert(
      fc.property(asciiPolicy, (policy) => {
        fc.pre(policy.trim().length >= 6);
        expect(withoutMarker(parseCspPolicies([policy]))).toEqual(withoutMarker(parseCspPolicies([`${policy}; ${MARKER}`])));
      }),
      { numRuns: 5000 },
    );
  });

  it('splits on every ASCII whitespace character that trim() and \\s know', () => {
    expect(directivesOf(parseCspPolicies(["\u000bscript-src\t'self'\u000chttps://a.example \u000b; img-src\u000c*"]))).toEqual({
      'script-src': ["'self'", 'https://a.example'],
      'img-src': ['*'],
    });
  });
});

describe('parseCspPolicyListsAndPrefix: one merge for a list and its first policies', () => {
  const piece = fc.constantFrom(
    '; ', ' ', 'default-src ', 'script-src ', 'img-src ', 'report-uri ', 'frame-ancestors ', 'upgrade-insecure-requests',
    "'self' ", "'none' ", 'https: ', 'https://a.example ', 'https://a.example/x/ ', 'https://a.example/%zz ', '* ', 'data: ', '/r ',
  );
  // Mostly valid policies (a directive first), sometimes too short, empty or repeating a directive.
  const policy = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom('default-src ', 'script-src ', 'img-src '), fc.array(piece, { maxLength: 14 })).map(([name, rest]) => name + rest.join('')) },
    { weight: 1, arbitrary: fc.constantFrom('', 'a', 'img-src', "script-src 'self'; script-src *") },
  );

  /** The outcome as plain data: directives in order with their sources in order. */
  function plain(outcome: CspListsOutcome): unknown {
    if (!outcome.valid) return outcome;
    return { directives: [...outcome.directives].map(([name, sources]) => [name, [...sources]]), duplicates: [...outcome.duplicateDirectives].sort() };
  }

  it('gives what parsing the list and its prefix apart gives, failures included', () => {
    fc.assert(
      fc.property(fc.array(policy, { maxLength: 5 }), fc.nat(6), (policies, wanted) => {
        const prefixLength = Math.min(wanted, policies.length);
        const both = parseCspPolicyListsAndPrefix(policies, prefixLength);
        expect(plain(both.all)).toEqual(plain(parseCspPolicyLists(policies)));
        expect(plain(both.prefix)).toEqual(plain(parseCspPolicyLists(policies.slice(0, prefixLength))));
      }),
      { numRuns: 3000 },
    );
  });

  it('does not let the later policies change what the prefix kept', () => {
    // The third policy re-sorts and re-flags the very list the merge kept for script-src.
    const policies = ["script-src 'self' https://a.example", "script-src 'self'", 'script-src https://b.example'];
    const both = parseCspPolicyListsAndPrefix(policies, 2);
    expect(plain(both.prefix)).toEqual({ directives: [['script-src', ["'self'"]]], duplicates: [] });
    expect(plain(both.all)).toEqual(plain(parseCspPolicyLists(policies)));
  });
});
