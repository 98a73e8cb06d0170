import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GradedTest, GradedTests, ObservatoryGrade } from '../../src/core/checks/observatory/grade-types';
import type { ObservatoryTestName } from '../../src/core/checks/observatory/types';
import type { Finding } from '../../src/core/findings';
import type { Report } from '../../src/core/report';
import { escapeMarkdownText, formatMarkdown as formatMarkdownOfReport, formatReport, formatText as formatTextOfReport, markdownCode, markdownLink, REPORT_FORMATS } from '../../src/core/report-format';
import { formatJson as formatJsonOfReport } from '../../src/core/report-format/json';
import { reportFromGrade, vulnerableJqueryFinding, vulnerableJqueryRow } from '../helpers/report';

/** The formats take a Report; these tests start from a hand-written grade (and, below, findings). */
const formatJson = (grade: ObservatoryGrade): string => formatJsonOfReport(reportFromGrade(grade));
const formatMarkdown = (grade: ObservatoryGrade): string => formatMarkdownOfReport(reportFromGrade(grade));
const formatText = (grade: ObservatoryGrade): string => formatTextOfReport(reportFromGrade(grade));

const MDN = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/';

function gradedTest(name: ObservatoryTestName, overrides: Partial<GradedTest> = {}): GradedTest {
  return {
    name,
    result: `${name}-ok`,
    expectation: `${name}-ok`,
    pass: true,
    scoreModifier: 0,
    data: {},
    notes: [],
    title: name,
    explanation: `All good for ${name}.`,
    mdnUrl: `${MDN}${name}`,
    potentialGain: 0,
    ...overrides,
  };
}

/** A B-grade page: CSP and HSTS missing, cookies without Secure, seven tests passing. */
function sampleGrade(overrides: Partial<ObservatoryGrade> = {}): ObservatoryGrade {
  const tests: GradedTests = {
    'content-security-policy': gradedTest('content-security-policy', {
      title: 'Content Security Policy (CSP)',
      result: 'csp-not-implemented',
      expectation: 'csp-implemented-with-no-unsafe',
      pass: false,
      scoreModifier: -25,
      potentialGain: 35,
      explanation: 'No Content-Security-Policy header was sent.',
      mdnUrl: `${MDN}Content-Security-Policy`,
    }),
    cookies: gradedTest('cookies', {
      title: 'Cookies',
      result: 'cookies-without-secure-flag',
      pass: false,
      scoreModifier: -20,
      potentialGain: 25,
      explanation: 'Cookies are set without the Secure flag.',
      data: { sameSite: false, cookies: ['sessionid'] },
      notes: ['Two cookies were set.'],
    }),
    'cross-origin-resource-sharing': gradedTest('cross-origin-resource-sharing'),
    redirection: gradedTest('redirection'),
    'referrer-policy': gradedTest('referrer-policy', { scoreModifier: 5 }),
    'strict-transport-security': gradedTest('strict-transport-security', {
      title: 'Strict Transport Security (HSTS)',
      result: 'hsts-not-implemented',
      pass: false,
      scoreModifier: -20,
      potentialGain: 20,
      explanation: 'No Strict-Transport-Security header.',
    }),
    'subresource-integrity': gradedTest('subresource-integrity'),
    'x-content-type-options': gradedTest('x-content-type-options'),
    'x-frame-options': gradedTest('x-frame-options', { scoreModifier: 5 }),
    'cross-origin-resource-policy': gradedTest('cross-origin-resource-policy'),
  };
  return {
    algorithm: '1.6.3',
    url: 'https://shop.example/',
    grade: 'D+',
    score: 40,
    testsPassed: 7,
    testsFailed: 3,
    testsQuantity: 10,
    tests,
    notes: ['HSTS preload status is unknown.'],
    ...overrides,
  };
}

/** Page-controlled strings that try every trick we defend against. */
const HOSTILE_URL = 'https://evil.example/`x`[click](javascript:alert(1))<img src=x onerror=alert(1)>\n# Heading\n- [x] forged item';
const HOSTILE_NOTE = '1. @octocat see www.evil.example or https://evil.example/ *now* | ~~x~~ $x$ &amp; <script>\u001b[31mred';

function hostileGrade(): ObservatoryGrade {
  const grade = sampleGrade({ url: HOSTILE_URL, notes: [HOSTILE_NOTE, '# not a heading', '    indented code?'] });
  grade.tests.cookies = {
    ...grade.tests.cookies,
    explanation: 'Cookie `a]` set by [evil](https://evil.example) <b>bold</b>',
    notes: ['- nested list?'],
    data: { value: '```\n</details>\n<img src=x>', name: '`' },
  };
  return grade;
}

/** True when the character at `index` is preceded by an odd number of backslashes. */
function isEscaped(text: string, index: number): boolean {
  let slashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) slashes++;
  return slashes % 2 === 1;
}

/** Characters in `text` that could start markup and are not escaped. */
function unescapedSpecials(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    // A backslash before ASCII punctuation is an escape (CommonMark §2.4), not a stray one.
    const startsEscape = char === '\\' && /[!-/:-@[-`{-~]/.test(text[i + 1] ?? '');
    if ('[]<>`*_|~$@&\\!'.includes(char) && !isEscaped(text, i) && !startsEscape) found.push(char);
  }
  return found;
}

describe('formatJson', () => {
  it('keeps the Observatory field names and values', () => {
    const json = JSON.parse(formatJson(sampleGrade())) as Record<string, Record<string, unknown>>;
    expect(json).toMatchObject({ url: 'https://shop.example/', grade: 'D+', score: 40, status: 'graded', notes: ['HSTS preload status is unknown.'] });
    expect(json.observatory).toMatchObject({ grade: 'D+', score: 40, algorithm: '1.6.3', testsPassed: 7 });
    const tests = json.observatory?.tests as Record<string, Record<string, unknown>>;
    expect(Object.keys(tests)).toHaveLength(10);
    expect(tests['content-security-policy']).toMatchObject({ result: 'csp-not-implemented', scoreModifier: -25, pass: false, potentialGain: 35 });
    expect(tests.cookies).toMatchObject({ data: { cookies: ['sessionid'] }, notes: ['Two cookies were set.'], explanation: 'Cookies are set without the Secure flag.' });
  });

  it('gives null grade and score when there is no grade', () => {
    const json = JSON.parse(formatJson(sampleGrade({ status: 'unavailable', grade: 'F', score: 0 }))) as Record<string, unknown>;
    expect(json).toMatchObject({ grade: null, score: null, status: 'unavailable' });
  });

  it('ends with a newline and survives hostile strings as data', () => {
    const out = formatJson(hostileGrade());
    expect(out.endsWith('}\n')).toBe(true);
    expect((JSON.parse(out) as { url: string }).url).toBe(HOSTILE_URL);
  });
});

describe('formatMarkdown', () => {
  const out = formatMarkdown(sampleGrade());
  const items = out.split('\n').filter((line) => /^- \[[ x]\] /.test(line));

  it('lists every failing test as an open item, biggest gain first, then passing ones ticked', () => {
    expect(items).toHaveLength(10);
    expect(items.slice(0, 3).map((line) => line.slice(0, 40))).toEqual([
      '- [ ] **Content Security Policy (CSP)** ',
      '- [ ] **Cookies** (-20, up to +25 to gai',
      '- [ ] **Strict Transport Security (HSTS)',
    ]);
    expect(items.slice(3).every((line) => line.startsWith('- [x] '))).toBe(true);
  });

  it('gives each item its explanation, MDN link and result id', () => {
    expect(out).toContain(`- [ ] **Cookies** (-20, up to +25 to gain): Cookies are set without the Secure flag. [MDN](${MDN}cookies)\n  Result: \`cookies-without-secure-flag\``);
    expect(out).toContain('  - Two cookies were set.');
  });

  it('shows the grade, the page and the notes', () => {
    expect(out.startsWith('## Tabgrade: D+ · Observatory-compatible D+ (40/100)\n')).toBe(true);
    expect(out).toContain('Page: `https://shop.example/`');
    expect(out).toContain('### Notes\n\n- HSTS preload status is unknown.\n');
  });

  it('shows a failing test’s data in a details block', () => {
    expect(out).toContain('<details><summary>Details</summary>');
    expect(out).toContain('"sessionid"');
  });

  it('shows the status instead of a grade when there is none', () => {
    const none = formatMarkdown(sampleGrade({ status: 'unavailable' }));
    expect(none.startsWith('## Tabgrade: no grade: the navigation ended without a document response\n')).toBe(true);
    expect(none).not.toContain('- [ ]');
    expect(none).not.toContain('D+');
    expect(none).not.toContain('tests passed');
  });

  describe('with hostile page strings', () => {
    const hostile = formatMarkdown(hostileGrade());
    const lines = hostile.split('\n');

    it('adds no headings, items, HTML or links of its own', () => {
      expect(lines.filter((line) => line.startsWith('#'))).toEqual(['## Tabgrade: D+ · Observatory-compatible D+ (40/100)', '### Score arithmetic', '### Observatory-compatible tests', '### Notes']);
      expect(lines.filter((line) => /^\s*- \[[ x]\]/.test(line))).toHaveLength(10);
      // Outside code, every `[`, `<` … that came from the page is backslash-escaped.
      // Code (the page line, result ids, the data block) is checked by the tests below.
      const prose = hostile
        .replace(/^ *`{3,}json\n[\s\S]*?\n *`{3,}$/gm, '')
        .replace(/^(Page|  Result): .*$/gm, '');
      const specials = unescapedSpecials(prose.replace(/\[MDN\]\([^)]*\)/g, '').replace(/- \[[ x]\]/g, '').replace(/\*\*/g, '').replace(/<\/?details>|<summary>Details<\/summary>/g, ''));
      expect(specials, prose).toEqual([]);
    });

    it('keeps the hostile URL on one line inside a code span', () => {
      const pageLine = lines.find((line) => line.startsWith('Page: ')) ?? '';
      expect(pageLine).toBe('Page: ``https://evil.example/`x`[click](javascript:alert(1))<img src=x onerror=alert(1)> # Heading - [x] forged item``  ');
    });

    it('escapes mentions, autolinks and block markers in notes', () => {
      expect(hostile).toContain('- 1\\. \\@octocat see www\\.evil.example or https\\://evil.example/ \\*now\\* \\| \\~\\~x\\~\\~ \\$x\\$ \\&amp; \\<script\\>\uFFFD\\[31mred');
      expect(hostile).toContain('- \\# not a heading');
      expect(hostile).toContain('- indented code?');
      expect(hostile).toContain('  - \\- nested list?');
    });

    it('fences data with more backticks than it contains', () => {
      expect(hostile).toContain('  ````json\n');
      expect(hostile).toMatch(/"value": "```\\n<\/details>\\n<img src=x>"/);
    });
  });
});

describe('markdown escaping', () => {
  it('leaves ordinary prose readable', () => {
    expect(escapeMarkdownText('Set max-age to at least 6 months (15768000 seconds).')).toBe('Set max-age to at least 6 months (15768000 seconds).');
  });

  it('never lets a string produce a line break or unescaped markup', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeMarkdownText(text, { startsLine: true });
        expect(escaped).not.toMatch(/[\n\r\u2028\u2029\u001b]/);
        expect(unescapedSpecials(escaped)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('builds code spans that no backtick run can close early', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('`', 'a', ' ', '\n') }), (text) => {
        const span = markdownCode(text);
        const fence = /^`+/.exec(span)?.[0] ?? '';
        const inner = span.slice(fence.length, span.length - fence.length);
        expect(span.endsWith(fence)).toBe(true);
        expect(inner.includes(fence)).toBe(false);
        expect(span).not.toContain('\n');
      }),
      { numRuns: 300 },
    );
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`x')).toBe('`` `x ``');
  });

  it('links only https URLs and keeps the destination inside its parentheses', () => {
    expect(markdownLink('MDN', 'https://developer.mozilla.org/a_(b)')).toBe('[MDN](https://developer.mozilla.org/a_%28b%29)');
    expect(markdownLink('MDN', 'javascript:alert(1)')).toBe('`javascript:alert(1)`');
    expect(markdownLink('MDN', 'not a url')).toBe('`not a url`');
  });
});

describe('formatText', () => {
  const out = formatText(sampleGrade());
  const lines = out.split('\n');

  it('starts with the page and the grade', () => {
    expect(lines[0]).toBe('Tabgrade report for https://shop.example/');
    expect(lines[1]).toBe('Tabgrade grade D+');
    expect(lines[2]).toBe('Observatory-compatible: D+ · 40/100 · 7/10 tests passed (MDN HTTP Observatory 1.6.3 rules)');
  });

  it('prints an aligned table, biggest potential gain first', () => {
    const header = lines.findIndex((line) => line.includes('Gain') && line.includes('Test'));
    const rows = lines.slice(header, header + 11);
    const testColumn = rows[0]?.indexOf('Test') ?? -1;
    expect(testColumn).toBeGreaterThan(0);
    for (const line of rows.slice(1)) expect(line[testColumn - 1]).toBe(' ');
    expect(rows.slice(1, 4).map((line) => line.slice(testColumn).split(/\s{2,}/)[0])).toEqual([
      'Content Security Policy (CSP)',
      'Cookies',
      'Strict Transport Security (HSTS)',
    ]);
    expect(rows[1]).toMatch(/^ {2}FAIL +\+35 +-25 {2}Content Security Policy \(CSP\) +csp-not-implemented$/);
    // The score before bonuses is 40: the two +5 bonuses do not count, and the table says so.
    expect(rows.find((line) => line.includes('referrer-policy'))).toContain('(+5 withheld)');
  });

  it('lists what to fix with the explanation and MDN link', () => {
    expect(out).toContain('  1. Content Security Policy (CSP) (+35): No Content-Security-Policy header was sent.\n');
    expect(out).toContain(`     ${MDN}Content-Security-Policy\n`);
    expect(out).toContain('     - Two cookies were set.\n');
  });

  it('cannot be made to print terminal escapes or extra lines by the page', () => {
    const hostile = formatText(hostileGrade());
    expect(hostile).not.toContain('\u001b');
    expect(hostile.split('\n')[0]).toBe('Tabgrade report for https://evil.example/`x`[click](javascript:alert(1))<img src=x onerror=alert(1)> # Heading - [x] forged item');
  });

  it('prints no table when there is no grade', () => {
    const none = formatText(sampleGrade({ status: 'pending' }));
    expect(none).toContain('Tabgrade: no grade yet: the page was still loading');
    expect(none).not.toContain('FAIL');
  });
});

describe('formatReport', () => {
  it('dispatches every format', () => {
    const report = reportFromGrade(sampleGrade());
    for (const format of REPORT_FORMATS) expect(formatReport(report, format).length).toBeGreaterThan(0);
    expect(formatReport(report, 'text')).toBe(formatTextOfReport(report));
    expect(formatReport(report, 'markdown', { summary: true })).toBe(formatMarkdownOfReport(report, { summary: true }));
    expect(JSON.parse(formatReport(report, 'sarif'))).toMatchObject({ version: '2.1.0' });
  });
});

/** The sample page with an old jQuery from a widget: one cap (B), a library, a finding with fixes. */
function cappedReport(findingOverrides: Partial<Finding> = {}, rowOverrides: Parameters<typeof vulnerableJqueryRow>[0] = {}): Report {
  const grade = sampleGrade({ grade: 'A', score: 90 });
  return reportFromGrade(grade, {
    findings: [
      vulnerableJqueryFinding(findingOverrides),
      {
        id: 'server-version-disclosed',
        checkId: 'server-header',
        severity: 'low',
        group: 'server',
        title: 'The Server header names the version',
        detail: 'Apache/2.4.62 tells attackers which CVEs to try.',
        subject: 'Server',
        recommendation: 'Send ServerTokens Prod.',
      },
    ],
    libraries: [vulnerableJqueryRow(rowOverrides)],
    stacks: ['django', 'apache'],
  });
}

describe('the verdict and findings in every format', () => {
  const report = cappedReport();

  it('text: the Tabgrade letter first, the cap with its reason, findings by group with fixes, libraries with CVE ids', () => {
    const text = formatTextOfReport(report);
    const lines = text.split('\n');
    expect(lines[1]).toBe('Tabgrade grade B (capped)');
    expect(lines[2]).toContain('Observatory-compatible: A · 90/100');
    expect(text).toContain('  B   Capped at B by jQuery 1.12.4 (CVE-2020-11022, CVE-2020-11023, CVE-2019-11358 …): update jQuery to 3.5.0, or have its provider do so, or remove the embed to lift the cap');
    expect(text.indexOf('  Web server & headers')).toBeGreaterThan(text.indexOf('Findings beyond the Observatory tests (2), fixes for Django and Apache httpd:'));
    expect(text.indexOf('  Page content')).toBeGreaterThan(text.indexOf('  Web server & headers'));
    expect(text).toContain('    [medium] jQuery 1.12.4 has known vulnerabilities — jQuery 1.12.4  [caps the grade: B]');
    expect(text).toMatch(/Fix for Apache httpd \(the main server configuration.*\):\n {8}\| ServerTokens Prod\n/);
    expect(text).toContain('  jQuery 1.12.4: vulnerable (medium), third party: widgets.example\n    CVE-2020-11022, CVE-2015-9251\n    update to 3.5.0 (latest 3.7.1)');
  });

  it('text --summary keeps the short form: the verdict and the tests, no findings or libraries', () => {
    const short = formatTextOfReport(report, { summary: true });
    expect(short).toContain('Tabgrade grade B (capped)');
    expect(short).toContain('Capped at B by jQuery 1.12.4');
    expect(short).toContain('Content Security Policy (CSP)');
    expect(short).not.toContain('Findings beyond');
    expect(short).not.toContain('Libraries (');
  });

  it('markdown: caps first, then the tests, then findings grouped as the popup groups them, each with its fix in a code fence', () => {
    const markdown = formatMarkdownOfReport(report);
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '## Tabgrade: B (capped) · Observatory-compatible A (90/100)',
      '### Grade caps',
      '### Score arithmetic',
      '### Observatory-compatible tests',
      '### Web server & headers',
      '### Page content',
      '### Libraries',
      '### Notes',
    ]);
    expect(markdown).toContain('- [ ] **B**: Capped at B by jQuery 1.12.4 (CVE-2020-11022, CVE-2020-11023, CVE-2019-11358 …)');
    expect(markdown).toContain('_(holds the letter down now)_');
    expect(markdown).toContain('- [ ] **The Server header names the version** `Server` · low');
    expect(markdown).toMatch(/<details><summary>Fix for Apache httpd<\/summary>\n\n {2}[^\n]*\n {2}\n {2}```apache\n[\s\S]*?ServerTokens Prod/);
    expect(markdown).toContain('| jQuery | 1.12.4 | vulnerable (medium) | third party: widgets.example | CVE-2020-11022, CVE-2015-9251 | 3.5.0 |');
  });

  it('markdown summary leaves the findings and libraries out but keeps the caps', () => {
    const short = formatMarkdownOfReport(report, { summary: true });
    expect(short).toContain('### Grade caps');
    expect(short).not.toContain('### Libraries');
    expect(short).not.toContain('### Page content');
  });

  it('a cap that does not hold the letter down yet is still listed', () => {
    // Observatory D+: the B cap is above the letter, so it is not binding, but fixing the headers would hit it.
    const low = reportFromGrade(sampleGrade(), { findings: [vulnerableJqueryFinding()] });
    expect(low.verdict.grade).toBe('D+');
    expect(formatTextOfReport(low)).toContain('  B   Capped at B by jQuery 1.12.4');
    expect(formatMarkdownOfReport(low)).toContain('_(not binding yet)_');
    expect(JSON.parse(formatJsonOfReport(low)).tabgrade.caps).toMatchObject([{ rule: 'vulnerable-library-medium', grade: 'B', binding: false }]);
  });

  it('the withheld bonus explanation appears in text, Markdown and JSON alike', () => {
    const low = reportFromGrade(sampleGrade());
    const explanation = low.arithmetic.explanation ?? '';
    expect(explanation).toContain('+10 in bonuses not counted');
    expect(formatTextOfReport(low)).toContain(`Score: ${explanation}`);
    expect(formatMarkdownOfReport(low)).toContain(escapeMarkdownText(explanation, { startsLine: true }));
    const json = JSON.parse(formatJsonOfReport(low)) as { scoreArithmetic: { withheldBonus: number; explanation: string }; observatory: { tests: Record<string, { bonusWithheld: boolean }> } };
    expect(json.scoreArithmetic).toMatchObject({ withheldBonus: 10, explanation });
    expect(json.observatory.tests['referrer-policy']?.bonusWithheld).toBe(true);
    expect(json.observatory.tests.cookies?.bonusWithheld).toBe(false);
  });

  it('the localhost projection appears, labelled, in every format', () => {
    const local = reportFromGrade(sampleGrade({ url: 'http://localhost:8000/' }));
    const projection = local.projection;
    expect(projection).not.toBeNull();
    expect(formatTextOfReport(local)).toContain(`In production over HTTPS (projection): ${projection?.score}/100 (${projection?.grade})`);
    expect(formatMarkdownOfReport(local)).toContain('### In production (projection)');
    expect(JSON.parse(formatJsonOfReport(local)).projection).toMatchObject({ score: projection?.score, grade: projection?.grade });
  });

  describe('page-controlled text in the new fields is escaped', () => {
    const hostile = cappedReport(
      { subject: 'jQuery <img src=x onerror=alert(1)>\n# forged', title: '[click](javascript:alert(1)) *bold*', detail: '<script>alert(1)</script> | ~~x~~', recommendation: '- [x] forged item' },
      { name: 'jQuery](https://evil.example)', version: '1.12.4<b>', thirdPartyHosts: ['evil.example|col'] },
    );
    const markdown = formatMarkdownOfReport(hostile);
    const lines = markdown.split('\n');

    it('adds no headings or checklist items of its own', () => {
      expect(lines.filter((line) => line.startsWith('#')).every((line) => !line.includes('forged'))).toBe(true);
      expect(lines.filter((line) => /^\s*- \[x\]/.test(line)).every((line) => !line.includes('forged'))).toBe(true);
    });

    it('escapes titles, details, recommendations, cap reasons and library cells', () => {
      expect(markdown).toContain('**\\[click\\](javascript:alert(1)) \\*bold\\***');
      expect(markdown).toContain('\\<script\\>alert(1)\\</script\\> \\| \\~\\~x\\~\\~');
      expect(markdown).toContain('Recommended: - \\[x\\] forged item');
      expect(markdown).toContain('Capped at B by jQuery \\<img src=x onerror=alert(1)\\> # forged');
      expect(markdown).toContain('| jQuery\\](https\\://evil.example) | 1.12.4\\<b\\> | vulnerable (medium) | third party: evil.example\\|col |');
      // The subject itself is shown verbatim inside a code span, where nothing is markup.
      expect(markdown).toContain('`jQuery <img src=x onerror=alert(1)> # forged`');
      expect(markdown.replace(/`jQuery <img[^`]*`/g, '')).not.toMatch(/(?<!\\)<(img|b|script)/);
    });

    it('keeps the text report on its lines', () => {
      const text = formatTextOfReport(hostile);
      expect(text).not.toContain('\n# forged');
      expect(text).toContain('jQuery <img src=x onerror=alert(1)> # forged');
    });
  });
});
