import { describe, expect, it } from 'vitest';
import type { HttpHeader } from '../../../src/core/capture';
import type { GradedTest, ObservatoryGrade } from '../../../src/core/checks/observatory/grade-types';
import { gradeForScore } from '../../../src/core/checks/observatory/scoring';
import type { ObservatoryTestName } from '../../../src/core/checks/observatory/types';
import { gradeCapture } from '../../../src/core/grade';
import { productionProjection } from '../../../src/core/verdict/production-projection';
import { captureFrom } from '../../helpers/fixtures';
import { headers } from './support';

/** Every header the Observatory rewards except HSTS, which plain HTTP cannot carry. No cookies, no http: sources. */
const STRONG = headers({
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
});
const BARE = headers({ 'Content-Type': 'text/html; charset=utf-8' });
const HSTS: HttpHeader = { name: 'Strict-Transport-Security', value: 'max-age=31536000' };

const DEVELOPMENT_URLS = ['http://localhost:8000/', 'http://127.0.0.1/', 'http://192.168.1.5/', 'http://app.local/', 'http://site.test/'];

const gradeAt = (url: string, sent: HttpHeader[]): ObservatoryGrade => gradeCapture(captureFrom({ url, headers: sent }));

/**
 * The oracle: the same page actually served over HTTPS with an HSTS header, on a public
 * host. Its other eight tests answer as they do on the development host.
 */
const productionGrade = (sent: HttpHeader[]): ObservatoryGrade => gradeAt('https://example.com/', [...sent, HSTS]);

/** A real grade with one test's modifier replaced (for cases plain HTTP cannot produce). */
function withModifier(grade: ObservatoryGrade, name: ObservatoryTestName, scoreModifier: number): ObservatoryGrade {
  const tests = { ...grade.tests, [name]: { ...grade.tests[name], scoreModifier } as GradedTest };
  return { ...grade, tests };
}

describe('productionProjection', () => {
  describe.each(DEVELOPMENT_URLS)('on %s', (url) => {
    const actual = gradeAt(url, STRONG);
    const projection = productionProjection(actual);

    it('starts from a page held down by the two transport tests', () => {
      expect(actual.tests.redirection.result).toBe('redirection-missing');
      expect(actual.tests['strict-transport-security'].result).toBe('hsts-not-implemented-no-https');
      // The module's premise: 60 (C+) at best over plain HTTP.
      expect(actual).toMatchObject({ score: 60, grade: 'C+' });
    });

    it('projects the redirect and the HSTS header, and says it is a projection', () => {
      expect(projection).not.toBeNull();
      expect(projection?.projection).toBe(true);
      expect(projection?.assumed).toEqual({
        redirection: 'redirection-to-https',
        'strict-transport-security': 'hsts-implemented-max-age-at-least-six-months',
      });
      expect(projection?.note).toContain('That is a projection, not a measurement.');
      expect(projection?.note).toContain(new URL(url).host);
    });

    it('scores higher than the page does here, by what the two tests cost and the bonuses that unlocks', () => {
      expect(projection?.score).toBeGreaterThan(actual.score);
      const cost = -(actual.tests.redirection.scoreModifier + actual.tests['strict-transport-security'].scoreModifier);
      expect(projection?.pointsHeldBack).toBe(cost);
      expect(cost).toBe(40); // -20 each in the 1.6.3 table
      // 60 + 40 = 100 before bonuses: the +30 of CSP, XFO, Referrer-Policy and CORP now count.
      expect(projection?.score).toBe(130);
    });

    it('scores what the same page scores when really served over HTTPS with HSTS', () => {
      const production = productionGrade(STRONG);
      expect(projection?.score).toBe(production.score);
      expect(projection?.grade).toBe(production.grade);
      expect(projection?.grade).toBe('A+');
    });
  });

  it('projects a weak page too, without making it look good', () => {
    const actual = gradeAt('http://localhost:3000/', BARE);
    const projection = productionProjection(actual);
    const production = productionGrade(BARE);
    expect(projection).toMatchObject({ score: production.score, grade: production.grade, pointsHeldBack: 40 });
    expect(projection?.score).toBe(actual.score + 40);
    expect(projection?.grade).toBe(gradeForScore(projection?.score ?? -1));
    expect(projection?.note).toContain(`this page would score ${production.score}/100 (${production.grade})`);
    expect(projection?.note).toContain('(40 points)');
    expect(projection?.note.startsWith('localhost:3000 is a development address')).toBe(true);
  });

  it.each([
    ['an HTTPS page on a development host', 'https://localhost:8443/'],
    ['an HTTPS page on a public host', 'https://example.com/'],
    ['a plain-HTTP page on a public host', 'http://example.com/'],
    ['a public host that only starts like a local one', 'http://localhost.example.com/'],
    ['a public IP address', 'http://8.8.8.8/'],
  ])('is null for %s', (_name, url) => {
    const grade = gradeAt(url, STRONG);
    expect(grade.status).toBe('graded');
    expect(productionProjection(grade)).toBeNull();
  });

  it('is null when there is no grade to project from', () => {
    const pending = gradeCapture(captureFrom({ url: 'http://localhost:8000/', overrides: { state: 'loading' } }));
    const unavailable = gradeCapture(captureFrom({ url: 'http://localhost:8000/' }));
    expect([pending.status, unavailable.status]).toEqual(['pending', 'unavailable']);
    expect(productionProjection(pending)).toBeNull();
    expect(productionProjection(unavailable)).toBeNull();
  });

  it('still projects a partial grade', () => {
    const partial: ObservatoryGrade = { ...gradeAt('http://localhost:8000/', STRONG), status: 'partial' };
    expect(productionProjection(partial)?.score).toBe(130);
  });

  it('is null for a URL that does not parse', () => {
    expect(productionProjection({ ...gradeAt('http://localhost:8000/', STRONG), url: 'not a url' })).toBeNull();
  });

  it('assumes only what would improve: a test already at its production result is left as it is', () => {
    const actual = withModifier(gradeAt('http://localhost:8000/', BARE), 'redirection', 0);
    const projection = productionProjection(actual);
    expect(projection?.assumed).toEqual({ 'strict-transport-security': 'hsts-implemented-max-age-at-least-six-months' });
    expect(projection?.pointsHeldBack).toBe(20);
    expect(projection?.note).toContain('(20 points)');
  });

  it('never lowers a test that does better than the assumption (a preloaded host’s +5)', () => {
    const actual = withModifier(withModifier(gradeAt('http://localhost:8000/', BARE), 'redirection', 0), 'strict-transport-security', 5);
    expect(productionProjection(actual)).toBeNull();
  });
});
