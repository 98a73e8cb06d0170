import { describe, expect, it } from 'vitest';
import type { RedirectHop } from '../../src/core/capture';
import { httpsDowngradeCheck, httpsDowngradeFindings, HTTPS_DOWNGRADE_CHECK_ID } from '../../src/core/checks/tabgrade/https-downgrade';
import { runTabgradeChecks, TABGRADE_CHECKS } from '../../src/core/tabgrade-findings';
import { captureFrom } from '../helpers/fixtures';

function hop(url: string, location: string, statusCode = 301): RedirectHop {
  return { url, statusCode, statusLine: `HTTP/1.1 ${statusCode}`, location, headers: [{ name: 'Location', value: location }], internal: false };
}

/** A finished navigation through `redirects` to `url` (requestedUrl is the first hop's). */
const navigation = (url: string, redirects: RedirectHop[] = []) => captureFrom({ url, headers: [{ name: 'Content-Type', value: 'text/html' }], redirects });

describe('https-downgrade', () => {
  it('is registered with the other Tabgrade checks and declares its finding', () => {
    expect(TABGRADE_CHECKS).toContain(httpsDowngradeCheck);
    expect(httpsDowngradeCheck.id).toBe(HTTPS_DOWNGRADE_CHECK_ID);
    expect(httpsDowngradeCheck.possibleFindings).toEqual(['https-downgrade-redirect']);
    expect(httpsDowngradeCheck.needs).toEqual(expect.arrayContaining(['redirects']));
  });

  it('says nothing about a page that stays on HTTPS, or was plain HTTP all along', () => {
    expect(httpsDowngradeFindings(navigation('https://example.com/'))).toEqual([]);
    expect(httpsDowngradeFindings(navigation('https://www.example.com/', [hop('https://example.com/', 'https://www.example.com/')]))).toEqual([]);
    expect(httpsDowngradeFindings(navigation('http://example.com/'))).toEqual([]);
    expect(httpsDowngradeFindings(navigation('http://example.com/b', [hop('http://example.com/a', 'http://example.com/b')]))).toEqual([]);
  });

  it('says nothing about an upgrade from HTTP to HTTPS: that is the good direction', () => {
    expect(httpsDowngradeFindings(navigation('https://example.com/', [hop('http://example.com/', 'https://example.com/')]))).toEqual([]);
  });

  it('reports an HTTPS address that redirects to HTTP, naming both ends', () => {
    const findings = httpsDowngradeFindings(navigation('http://example.com/', [hop('https://example.com/', 'http://example.com/')]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: 'https-downgrade-redirect',
      checkId: 'https-downgrade',
      group: 'transport',
      severity: 'high',
      subject: 'http://example.com/',
      data: { from: 'https://example.com/', to: 'http://example.com/' },
    });
    expect(findings[0]?.detail).toContain('started on https://example.com/ and was redirected to http://example.com/');
    expect(findings[0]?.recommendation).toMatch(/https:\/\//);
    expect(findings[0]?.learnMoreUrl).toMatch(/^https:\/\/developer\.mozilla\.org\//);
  });

  it('names the hop that left HTTPS, not the start or end of a longer chain', () => {
    const chain = [
      hop('http://example.com/', 'https://example.com/'),
      hop('https://example.com/', 'https://example.com/login'),
      hop('https://example.com/login', 'http://legacy.example.com/login', 302),
      hop('http://legacy.example.com/login', 'http://legacy.example.com/login/'),
    ];
    const [found] = httpsDowngradeFindings(navigation('http://legacy.example.com/login/', chain));
    expect(found?.data).toEqual({ from: 'https://example.com/login', to: 'http://legacy.example.com/login' });
  });

  it('reports one finding for a chain that leaves HTTPS twice (the first time)', () => {
    const chain = [hop('https://a.example/', 'http://a.example/'), hop('http://a.example/', 'https://b.example/'), hop('https://b.example/', 'http://b.example/')];
    const findings = httpsDowngradeFindings(navigation('http://b.example/', chain));
    expect(findings.map((item) => item.data)).toEqual([{ from: 'https://a.example/', to: 'http://a.example/' }]);
  });

  it('resolves a relative Location against the hop: a path or a scheme-relative URL stays on HTTPS', () => {
    expect(httpsDowngradeFindings(navigation('https://example.com/next', [hop('https://example.com/', '/next')]))).toEqual([]);
    expect(httpsDowngradeFindings(navigation('https://cdn.example.com/', [hop('https://example.com/', '//cdn.example.com/')]))).toEqual([]);
  });

  it('spots a downgrade the browser did not report hop by hop, from where it started and ended', () => {
    const capture = { ...navigation('http://example.com/home'), requestedUrl: 'https://example.com/' };
    expect(httpsDowngradeFindings(capture).map((item) => item.data)).toEqual([{ from: 'https://example.com/', to: 'http://example.com/home' }]);
  });

  it('reads the end from the document, falling back to the capture’s URL without one', () => {
    const noDocument = captureFrom({ url: 'http://example.com/', overrides: { requestedUrl: 'https://example.com/' } });
    expect(noDocument.document).toBeNull();
    expect(httpsDowngradeFindings(noDocument)).toHaveLength(1);
    // The document's URL wins over a stale tab URL.
    const staleUrl = { ...navigation('https://example.com/'), url: 'http://example.com/', requestedUrl: 'https://example.com/' };
    expect(httpsDowngradeFindings(staleUrl)).toEqual([]);
  });

  it('does not fail on a Location or URL that does not parse', () => {
    expect(httpsDowngradeFindings(navigation('https://example.com/', [hop('https://example.com/', 'http://[bad')]))).toEqual([]);
    expect(httpsDowngradeFindings({ ...navigation('http://example.com/'), requestedUrl: 'not a url' })).toEqual([]);
  });

  it('clips page-controlled URLs: 200 characters in the subject and detail, 300 in the data', () => {
    const long = `http://example.com/${'a'.repeat(400)}`;
    const [found] = httpsDowngradeFindings(navigation(long, [hop('https://example.com/', long)]));
    expect(found?.subject).toBe(`${long.slice(0, 200)}…`);
    expect(found?.data?.to).toBe(`${long.slice(0, 300)}…`);
    expect(found?.detail).not.toContain(long.slice(0, 201));
  });

  it('shows up in the full run of checks, high severity first', () => {
    const findings = runTabgradeChecks(navigation('http://example.com/', [hop('https://example.com/', 'http://example.com/')]), { now: 0 });
    expect(findings.filter((item) => item.id === 'https-downgrade-redirect')).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
  });
});
