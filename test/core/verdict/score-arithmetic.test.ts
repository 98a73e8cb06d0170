import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ObservatoryGrade } from '../../../src/core/checks/observatory/grade-types';
import { CURRENT_SCORING } from '../../../src/core/checks/observatory/scoring';
import { gradeCapture } from '../../../src/core/grade';
import { scoreArithmetic, scoringTableOf } from '../../../src/core/verdict/score-arithmetic';
import { captureFrom, captureFromFixtures } from '../../helpers/fixtures';
import { gradeWithResults } from './support';

// Two +10 bonuses, on pages whose penalties leave 85 (withheld) or exactly 90 (counted).
const BONUSES = {
  'content-security-policy': 'csp-implemented-with-no-unsafe-default-src-none', // +10
  'cross-origin-resource-policy': 'corp-implemented-with-same-origin', // +10
} as const;
const AT_85 = { 'strict-transport-security': 'hsts-implemented-max-age-less-than-six-months', 'x-content-type-options': 'x-content-type-options-not-implemented' } as const; // -10 -5
const AT_90 = { 'strict-transport-security': 'hsts-implemented-max-age-less-than-six-months' } as const; // -10

describe('scoreArithmetic', () => {
  describe('below 90 before bonuses', () => {
    const grade = gradeWithResults({ ...AT_85, ...BONUSES });
    const arithmetic = scoreArithmetic(grade);

    it('adds up the penalties and bonuses the tests earned', () => {
      expect(arithmetic).toMatchObject({ baseline: 100, penalties: -15, bonuses: 20, scoreBeforeBonuses: 85, bonusThreshold: 90 });
    });

    it('withholds every bonus point, as the grader did', () => {
      expect(arithmetic.withheldBonus).toBe(20);
      // The real grader agrees: the score is the one before bonuses.
      expect(grade.score).toBe(arithmetic.scoreBeforeBonuses);
    });

    it('names the tests whose bonus was withheld, in the Observatory’s order', () => {
      expect(arithmetic.withheldTests).toEqual(['content-security-policy', 'cross-origin-resource-policy']);
    });

    it('explains the rule with the numbers of this page', () => {
      expect(arithmetic.explanation).toContain('+20 in bonuses not counted');
      expect(arithmetic.explanation).toContain('reaches 90');
      expect(arithmetic.explanation).toContain('(here 100 − 15 = 85)');
    });
  });

  it('withholds nothing when the score before bonuses is exactly 90', () => {
    const grade = gradeWithResults({ ...AT_90, ...BONUSES });
    const arithmetic = scoreArithmetic(grade);
    expect(arithmetic).toMatchObject({ scoreBeforeBonuses: 90, bonuses: 20, withheldBonus: 0, withheldTests: [], explanation: null });
    expect(grade.score).toBe(110);
  });

  it('withholds nothing above 90 either', () => {
    expect(scoreArithmetic(gradeWithResults(BONUSES))).toMatchObject({ penalties: 0, scoreBeforeBonuses: 100, withheldBonus: 0, explanation: null });
  });

  it('has nothing to explain when there are no bonuses to withhold, however low the score', () => {
    const arithmetic = scoreArithmetic(gradeWithResults({ 'content-security-policy': 'csp-not-implemented', 'x-frame-options': 'x-frame-options-not-implemented' }));
    expect(arithmetic).toMatchObject({ penalties: -45, bonuses: 0, scoreBeforeBonuses: 55, withheldBonus: 0, withheldTests: [], explanation: null });
  });

  it('names only the tests with a positive modifier, not those at 0', () => {
    const arithmetic = scoreArithmetic(gradeWithResults({ ...AT_85, 'referrer-policy': 'referrer-policy-private' })); // +5
    expect(arithmetic.withheldTests).toEqual(['referrer-policy']);
    expect(arithmetic.explanation).toContain('+5 in bonuses not counted');
  });

  it('keeps the score before bonuses unfloored, as the words say (the grade floors at 0)', () => {
    const grade = gradeWithResults({
      'cross-origin-resource-sharing': 'cross-origin-resource-sharing-implemented-with-universal-access', // -50
      'subresource-integrity': 'sri-not-implemented-and-external-scripts-not-loaded-securely', // -50
      cookies: 'cookies-session-without-secure-flag', // -40
      'cross-origin-resource-policy': 'corp-implemented-with-same-origin', // +10
    });
    expect(grade.score).toBe(0);
    expect(scoreArithmetic(grade)).toMatchObject({ scoreBeforeBonuses: -40, withheldBonus: 10 });
  });

  it('explains nothing for a page without a grade (pending or unavailable)', () => {
    const unavailable = gradeCapture(captureFrom({}));
    expect(unavailable.status).toBe('unavailable');
    expect(scoreArithmetic(unavailable)).toMatchObject({ withheldBonus: 0, withheldTests: [], explanation: null });
    // Even if such a grade carried bonuses below 90, they mean nothing without a grade.
    const withBonuses = gradeWithResults({ ...AT_85, ...BONUSES });
    for (const status of ['pending', 'unavailable'] as const) {
      expect(scoreArithmetic({ ...withBonuses, status })).toMatchObject({ bonuses: 20, withheldBonus: 0, withheldTests: [], explanation: null });
    }
    // A partial grade was still scored, so its arithmetic still holds.
    expect(scoreArithmetic({ ...withBonuses, status: 'partial' }).withheldBonus).toBe(20);
  });

  it('reads an unknown algorithm with the current table rather than failing', () => {
    const grade: ObservatoryGrade = { ...gradeWithResults({ ...AT_85, ...BONUSES }), algorithm: '0.0-unknown' };
    expect(scoringTableOf('0.0-unknown')).toBe(CURRENT_SCORING);
    expect(scoringTableOf('toString')).toBe(CURRENT_SCORING); // not an inherited property
    expect(scoreArithmetic(grade).withheldBonus).toBe(20);
  });

  // Across every header fixture, graded the real way: the arithmetic must tell the same
  // story as the score the grader computed by its own route.
  it('agrees with the grader’s score on every header fixture', () => {
    const dir = fileURLToPath(new URL('../../fixtures/headers/', import.meta.url));
    const names = readdirSync(dir).filter((name) => name.endsWith('.headers')).map((name) => name.replace(/\.headers$/, ''));
    expect(names.length).toBeGreaterThan(20);
    let withheldSeen = 0;
    for (const name of names) {
      const grade = gradeCapture(captureFromFixtures(name));
      const arithmetic = scoreArithmetic(grade);
      expect(arithmetic.penalties, name).toBeLessThanOrEqual(0);
      expect(arithmetic.bonuses, name).toBeGreaterThanOrEqual(0);
      expect(arithmetic.scoreBeforeBonuses, name).toBe(arithmetic.baseline + arithmetic.penalties);
      const expected = arithmetic.withheldBonus > 0 ? arithmetic.scoreBeforeBonuses : arithmetic.scoreBeforeBonuses + arithmetic.bonuses;
      expect(grade.score, name).toBe(Math.max(0, expected));
      expect(arithmetic.explanation === null, name).toBe(arithmetic.withheldBonus === 0);
      if (arithmetic.withheldBonus > 0) withheldSeen++;
    }
    // Most fixtures send one header and miss the rest, so some bonus is always withheld somewhere.
    expect(withheldSeen).toBeGreaterThan(0);
  });
});
