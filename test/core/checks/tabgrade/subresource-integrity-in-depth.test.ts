import { describe, expect, it } from 'vitest';
import type { SriVerificationResult } from '../../../../src/core/capture';
import { MAX_PER_PROBLEM, subresourceIntegrityInDepthCheck } from '../../../../src/core/checks/tabgrade/subresource-integrity-in-depth';
import { link, pageWith, script } from '../../../helpers/page-capture';

const GOOD = 'sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW';
const run = (capture: Parameters<typeof subresourceIntegrityInDepthCheck.run>[0]) => subresourceIntegrityInDepthCheck.run(capture, { now: 0 });

describe('subresource-integrity-in-depth', () => {
  it('says nothing about same-origin files or well-protected cross-origin ones', () => {
    expect(run(pageWith([script('https://www.example.com/app.js'), link('https://www.example.com/a.css'), script('https://cdn.example.net/x.js', { integrity: GOOD, crossorigin: 'anonymous' })]))).toEqual([]);
  });

  it('names the URL and where a missing-integrity script came from', () => {
    const [parser] = run(pageWith([script('https://cdn.example.net/lib.js')]));
    expect(parser).toMatchObject({ id: 'sri-missing-on-cross-origin-script', severity: 'medium', group: 'content', checkId: 'subresource-integrity-in-depth', subject: 'https://cdn.example.net/lib.js' });
    expect(parser?.detail).toContain('inserted by the parser');
    const [added] = run(pageWith([script('https://cdn.example.net/lib.js', { origin: 'added-after-load', firstSeenMs: 1040 })]));
    expect(added?.detail).toContain('added by a script after the page loaded (about 1040 ms in)');
    const [style] = run(pageWith([link('https://cdn.example.net/a.css')]));
    expect(style).toMatchObject({ id: 'sri-missing-on-cross-origin-stylesheet', severity: 'medium' });
  });

  it('reports each kind of problem with its own id', () => {
    const findings = run(
      pageWith([
        script('https://cdn.example.net/a.js', { integrity: 'sha1-abc', crossorigin: 'anonymous' }),
        script('https://cdn.example.net/b.js', { integrity: GOOD }),
        script('https://cdn.example.net/c.js', { integrity: 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=', crossorigin: 'anonymous' }),
        script('https://cdn.example.net/d.js', { integrity: GOOD.replace('sha384', 'sha-384'), crossorigin: 'anonymous' }),
        script('http://cdn.example.net/e.js'),
      ]),
    );
    expect(findings.map((finding) => `${finding.id}:${finding.severity}`)).toEqual([
      'mixed-content-script:high',
      'sri-missing-on-cross-origin-script:medium',
      'sri-integrity-malformed:medium',
      'sri-without-crossorigin:medium',
      'sri-integrity-non-standard-prefix:low',
      'sri-integrity-sha256-only:info',
    ]);
  });

  it('a malformed token beside a good hash is only low', () => {
    const [finding] = run(pageWith([script('https://cdn.example.net/a.js', { integrity: `${GOOD} sha1-abc`, crossorigin: 'anonymous' })]));
    expect(finding).toMatchObject({ id: 'sri-integrity-malformed', severity: 'low' });
  });

  it('caps findings per problem and counts the rest in one', () => {
    const tags = Array.from({ length: 25 }, (_, index) => script(`https://cdn.example.net/${index}.js`));
    const findings = run(pageWith(tags));
    expect(findings).toHaveLength(MAX_PER_PROBLEM + 1);
    expect(findings.at(-1)).toMatchObject({ subject: '15 more resources', data: { count: 15 } });
  });

  it('turns a verified mismatch into a finding, and offers the computed hash as the fix', () => {
    const url = 'https://cdn.example.net/lib.js';
    const mismatch: SriVerificationResult = { url, integrity: GOOD, status: 'mismatch', algorithm: 'sha384', actual: 'Zm9v', suggested: 'sha384-Zm9v', bytes: 3, error: null };
    const capture = { ...pageWith([script(url, { integrity: GOOD, crossorigin: 'anonymous' })]), sriVerification: { state: 'done' as const, startedAt: 0, completedAt: 1, results: [mismatch], skipped: 0 } };
    const [finding] = run(capture);
    expect(finding).toMatchObject({ id: 'sri-hash-mismatch', subject: url });
    expect(finding?.recommendation).toContain('integrity="sha384-Zm9v"');

    const computed: SriVerificationResult = { ...mismatch, integrity: null, status: 'computed', algorithm: null, actual: null };
    const missing = { ...pageWith([script(url)]), sriVerification: { state: 'done' as const, startedAt: 0, completedAt: 1, results: [computed], skipped: 0 } };
    expect(run(missing)[0]?.recommendation).toContain('integrity="sha384-Zm9v" crossorigin="anonymous"');
  });

  it('keeps page-controlled text as data, cut to size', () => {
    const url = `https://cdn.example.net/${'<b>'.repeat(200)}.js`;
    const [finding] = run(pageWith([script(url)]));
    expect(finding?.subject?.length).toBeLessThanOrEqual(301);
  });
});
