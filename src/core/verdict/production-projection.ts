/**
 * On localhost, loopback and private addresses a page served over plain HTTP can never pass
 * the Redirection and HSTS tests, which holds its Observatory score at 60 (C+) at best. A
 * developer still needs to know whether everything else is right, so this grades the same
 * capture with those two results assumed as they will be in production over HTTPS (the
 * redirect and the HSTS header the stack's fixes add). It is a projection, and says so.
 */
import type { Grade, ObservatoryGrade } from '../checks/observatory/grade-types';
import { gradeForScore, scoreEntry, scoreFromModifiers } from '../checks/observatory/scoring';
import type { ObservatoryTestName } from '../checks/observatory/types';
import { isDevelopmentHostname } from '../development-hosts';
import { scoringTableOf } from './score-arithmetic';

/** The results a production deployment over HTTPS gets from the usual fixes. */
const ASSUMED_IN_PRODUCTION: Readonly<Partial<Record<ObservatoryTestName, string>>> = {
  redirection: 'redirection-to-https',
  'strict-transport-security': 'hsts-implemented-max-age-at-least-six-months',
};

export interface ProductionProjection {
  /** Always true: a projection, never a measurement. */
  projection: true;
  /** The one note to show: why the grade here is held down, and what the projection assumes. */
  note: string;
  /** The results assumed, by test. */
  assumed: Partial<Record<ObservatoryTestName, string>>;
  /** The Observatory-compatible score and grade the page would get. */
  score: number;
  grade: Grade;
  /** The Tabgrade grade it would get (the same caps applied); filled in by the report. */
  tabgradeGrade: Grade | null;
  /** How many points the two tests cost here. */
  pointsHeldBack: number;
}

function developmentHttpHost(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && isDevelopmentHostname(parsed.hostname) ? parsed.host : null;
  } catch {
    return null;
  }
}

/** The projection for a plain-HTTP page on a development host; null anywhere else. */
/**
 * `followsFromHsts`: results of other tests that change once HSTS passes, as the report
 * re-ran them on the capture (the cookies test judges cookies without Secure more mildly
 * under HSTS). They are not fixes the projection assumes, only consequences of one.
 */
export function productionProjection(
  grade: ObservatoryGrade,
  followsFromHsts: Partial<Record<ObservatoryTestName, string>> = {},
): Omit<ProductionProjection, 'tabgradeGrade'> | null {
  const status = grade.status ?? 'graded';
  if (status !== 'graded' && status !== 'partial') return null;
  const host = developmentHttpHost(grade.url);
  if (host === null) return null;
  const table = scoringTableOf(grade.algorithm);
  const assumed: Partial<Record<ObservatoryTestName, string>> = {};
  let heldBack = 0;
  const modifiers = table.tests.map((name) => {
    const actual = grade.tests[name]?.scoreModifier ?? 0;
    const result = ASSUMED_IN_PRODUCTION[name] ?? followsFromHsts[name];
    if (result === undefined || result === grade.tests[name]?.result) return actual;
    const assumedModifier = scoreEntry(name, result, table)?.modifier ?? 0;
    if (assumedModifier > actual) {
      assumed[name] = result;
      heldBack += assumedModifier - actual;
      return assumedModifier;
    }
    return actual;
  });
  if (!Object.keys(assumed).some((name) => Object.hasOwn(ASSUMED_IN_PRODUCTION, name))) return null;
  const score = scoreFromModifiers(modifiers, table);
  const projected = gradeForScore(score, table);
  return {
    projection: true,
    note: `${host} is a development address served over plain HTTP, so the Redirection and HSTS tests cannot pass here (${heldBack} points${assumed.cookies === undefined ? '' : ', counting the milder cookie penalty under HSTS'}); in production over HTTPS, with the redirect and the HSTS header your stack’s fixes add, this page would score ${score}/100 (${projected}). That is a projection, not a measurement.`,
    assumed,
    score,
    grade: projected,
    pointsHeldBack: heldBack,
  };
}
