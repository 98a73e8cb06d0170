/**
 * The Observatory's score arithmetic, spelled out where people get confused
 * (mozilla/http-observatory #252, mdn website #122 and #215): bonuses ("extra credit")
 * count only once the score before bonuses reaches 90, so a +5 shown beside a test may add
 * nothing. This says how many points were withheld and why, and which tests' bonuses.
 */
import type { ObservatoryGrade } from '../checks/observatory/grade-types';
import { CURRENT_SCORING, SCORING_TABLES, type ScoringTable } from '../checks/observatory/scoring';
import type { ObservatoryTestName } from '../checks/observatory/types';

export interface ScoreArithmetic {
  baseline: number;
  /** The sum of every negative modifier (≤ 0). */
  penalties: number;
  /** The sum of every positive modifier (≥ 0). */
  bonuses: number;
  /** Baseline plus penalties: the score before bonuses. */
  scoreBeforeBonuses: number;
  /** The score bonuses need before they count. */
  bonusThreshold: number;
  /** Bonus points not counted (0 when they all counted). */
  withheldBonus: number;
  /** Tests whose positive modifier was not counted. */
  withheldTests: ObservatoryTestName[];
  /** One sentence for every view; null when nothing was withheld. */
  explanation: string | null;
}

export function scoringTableOf(algorithm: string): ScoringTable {
  return Object.hasOwn(SCORING_TABLES, algorithm) ? (SCORING_TABLES[algorithm] ?? CURRENT_SCORING) : CURRENT_SCORING;
}

export function scoreArithmetic(grade: ObservatoryGrade): ScoreArithmetic {
  const table = scoringTableOf(grade.algorithm);
  let penalties = 0;
  let bonuses = 0;
  const positive: ObservatoryTestName[] = [];
  for (const name of table.tests) {
    const modifier = grade.tests[name]?.scoreModifier ?? 0;
    if (modifier < 0) penalties += modifier;
    else if (modifier > 0) {
      bonuses += modifier;
      positive.push(name);
    }
  }
  const scoreBeforeBonuses = table.baseline + penalties;
  const withheld = scoreBeforeBonuses < table.extraCreditMinimum && bonuses > 0;
  const status = grade.status ?? 'graded';
  const meaningful = status === 'graded' || status === 'partial';
  return {
    baseline: table.baseline,
    penalties,
    bonuses,
    scoreBeforeBonuses,
    bonusThreshold: table.extraCreditMinimum,
    withheldBonus: withheld && meaningful ? bonuses : 0,
    withheldTests: withheld && meaningful ? positive : [],
    explanation:
      withheld && meaningful
        ? `+${bonuses} in bonuses not counted: bonuses count only once the score before bonuses reaches ${table.extraCreditMinimum} (here ${table.baseline} − ${-penalties} = ${scoreBeforeBonuses}).`
        : null,
  };
}
