/**
 * CI gates over a report: the reasons a run should fail, in words. The CLI only prints
 * them and sets the exit status, so a gate means the same in every pipeline.
 */
import type { Grade } from './checks/observatory/grade-types';
import type { Severity } from './findings';
import { isBelow } from './grade-order';
import type { Report } from './report';

export interface Gates {
  /** The lowest acceptable Tabgrade grade. */
  minGrade: Grade | null;
  /** The lowest acceptable Observatory-compatible grade. */
  minObservatoryGrade: Grade | null;
  /** Fail on any finding of at least this severity. */
  failOn: Exclude<Severity, 'info'> | null;
}

const RANK: Readonly<Record<Severity, number>> = { high: 3, medium: 2, low: 1, info: 0 };

function graded(report: Report): boolean {
  const status = report.observatory.status ?? 'graded';
  return status === 'graded' || status === 'partial';
}

/** Why the report fails the gates; empty when it passes them all. Page text stays out of it but for ids. */
export function gateFailures(report: Report, gates: Gates): string[] {
  const failures: string[] = [];
  const { verdict, observatory } = report;
  if (gates.minGrade !== null) {
    if (!graded(report) || verdict.grade === null) failures.push(`no grade, so --min-grade ${gates.minGrade} is not met`);
    else if (isBelow(verdict.grade, gates.minGrade)) {
      const cap = verdict.caps.find((candidate) => candidate.binding);
      failures.push(`Tabgrade grade ${verdict.grade} is below the minimum ${gates.minGrade}${cap === undefined ? '' : ` (capped by ${cap.findingId}; Observatory-compatible ${observatory.grade})`}`);
    }
  }
  if (gates.minObservatoryGrade !== null) {
    if (!graded(report)) failures.push(`no grade, so --min-observatory-grade ${gates.minObservatoryGrade} is not met`);
    else if (isBelow(observatory.grade, gates.minObservatoryGrade)) {
      failures.push(`Observatory-compatible grade ${observatory.grade} is below the minimum ${gates.minObservatoryGrade}`);
    }
  }
  if (gates.failOn !== null) {
    const threshold = RANK[gates.failOn];
    const failing = report.findings.filter((finding) => RANK[finding.severity] >= threshold);
    if (failing.length > 0) {
      const ids = [...new Set(failing.map((finding) => finding.id))];
      failures.push(`${failing.length} finding${failing.length === 1 ? '' : 's'} of severity ${gates.failOn} or higher: ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''}`);
    }
  }
  return failures;
}
