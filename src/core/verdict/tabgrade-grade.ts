/**
 * The Tabgrade grade: the Observatory-compatible letter, lowered to the lowest cap that
 * Tabgrade's own findings set (`cap-table.ts`). Every cap that applies is listed, with the
 * letter it allows, even when the score is already below it: fixing the headers must not
 * hide the next ceiling.
 */
import type { Grade, ObservatoryGrade } from '../checks/observatory/grade-types';
import type { Finding, Severity } from '../findings';
import { GRADES_BEST_FIRST, worseGrade } from '../grade-order';
import { capRuleFor, type CapContext, type CapRule } from './cap-table';

export interface GradeCap {
  /** The cap rule's id (`cap-table.ts`). */
  rule: string;
  /** The highest letter this cap allows. */
  grade: Grade;
  /** The finding that set it. */
  findingId: string;
  checkId: string;
  severity: Severity;
  /** What the finding is about (a URL, a library and version); page-controlled text. */
  subject: string | null;
  /** "Capped at C by jQuery 1.12.4 (CVE-2020-11022 …): update to 3.7.1 to lift the cap". */
  reason: string;
  /** What lifts the cap, in a few words. */
  lift: string;
  /** Why this letter (the rule's reason). */
  why: string;
  /** True when this cap is what holds the letter down now (it is below the Observatory letter and the lowest). */
  binding: boolean;
}

export interface TabgradeVerdict {
  /** Null when there is no Observatory-compatible grade to start from (page loading or not loaded). */
  grade: Grade | null;
  /** The Observatory-compatible letter it starts from (null likewise). */
  observatoryGrade: Grade | null;
  /** True when a cap lowered the letter. */
  capped: boolean;
  /** Every cap that applies, lowest letter first. */
  caps: GradeCap[];
  /** One line for a badge tooltip or a summary: the grade and, when capped, why. */
  summary: string;
}

/** Ids of a vulnerable library's advisories, CVE first, as the finding's data lists them. */
export function advisoryIds(finding: Finding): string[] {
  const vulnerabilities = finding.data?.vulnerabilities;
  if (!Array.isArray(vulnerabilities)) return [];
  const ids: string[] = [];
  for (const vulnerability of vulnerabilities) {
    const first = (vulnerability as { ids?: unknown }).ids;
    if (Array.isArray(first) && typeof first[0] === 'string' && !ids.includes(first[0])) ids.push(first[0]);
  }
  return ids;
}

function stringData(finding: Finding, key: string): string | null {
  const value = finding.data?.[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** What set the cap, named the way a user recognises it. */
function causeOf(finding: Finding): string {
  if (finding.id === 'vulnerable-library') {
    const ids = advisoryIds(finding);
    const listed = ids.length === 0 ? '' : ` (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ' …' : ''})`;
    return `${finding.subject ?? 'a front-end library'}${listed}`;
  }
  return finding.title.replace(/[.\s]+$/, '');
}

/** What lifts the cap. For a library: the version to update to, or the migration. */
function liftOf(finding: Finding): string {
  if (finding.id === 'vulnerable-library') {
    const target = stringData(finding, 'upgradeTarget');
    const name = stringData(finding, 'name') ?? 'the library';
    const party = stringData(finding, 'party');
    const update = target !== null ? `update ${name} to ${target}` : `migrate away from ${name} (no release fixes it)`;
    return party === 'third' ? `${update}, or have its provider do so, or remove the embed` : update;
  }
  const recommendation = finding.recommendation?.replace(/[.\s]+$/, '');
  if (recommendation === undefined || recommendation === '') return 'fix this finding';
  return recommendation.charAt(0).toLowerCase() + recommendation.slice(1);
}

function capOf(finding: Finding, rule: CapRule): Omit<GradeCap, 'binding'> {
  const lift = liftOf(finding);
  return {
    rule: rule.id,
    grade: rule.cap,
    findingId: finding.id,
    checkId: finding.checkId,
    severity: finding.severity,
    subject: finding.subject ?? null,
    reason: `Capped at ${rule.cap} by ${causeOf(finding)}: ${lift} to lift the cap`,
    lift,
    why: rule.why,
  };
}

function graded(observatory: ObservatoryGrade): boolean {
  const status = observatory.status ?? 'graded';
  return status === 'graded' || status === 'partial';
}

/** The caps `findings` set, lowest letter first (stable within a letter), without repeats. */
export function gradeCaps(findings: readonly Finding[], context: CapContext): Omit<GradeCap, 'binding'>[] {
  const caps: Omit<GradeCap, 'binding'>[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    const rule = capRuleFor(finding, context);
    if (rule === null) continue;
    const cap = capOf(finding, rule);
    // The same finding twice (e.g. a "same problem on N more" summary) adds nothing new.
    const key = `${cap.rule}\u0000${cap.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    caps.push(cap);
  }
  return caps.sort((a, b) => GRADES_BEST_FIRST.indexOf(b.grade) - GRADES_BEST_FIRST.indexOf(a.grade));
}

/** The Tabgrade grade of a page from its Observatory-compatible grade and Tabgrade's findings. */
export function tabgradeVerdict(observatory: ObservatoryGrade, findings: readonly Finding[], context: CapContext): TabgradeVerdict {
  const unbound = gradeCaps(findings, context);
  if (!graded(observatory)) {
    return {
      grade: null,
      observatoryGrade: null,
      capped: false,
      caps: unbound.map((cap) => ({ ...cap, binding: false })),
      summary: 'Tabgrade: no grade yet',
    };
  }
  const base = observatory.grade;
  let letter: Grade = base;
  for (const cap of unbound) letter = worseGrade(letter, cap.grade);
  const capped = letter !== base;
  const caps = unbound.map((cap) => ({ ...cap, binding: capped && cap.grade === letter }));
  const first = caps.find((cap) => cap.binding);
  const summary =
    first === undefined
      ? `Tabgrade ${letter} · Observatory-compatible ${base} (${observatory.score}/100)`
      : `Tabgrade ${letter} (capped) · Observatory-compatible ${base} (${observatory.score}/100) · ${first.reason}`;
  return { grade: letter, observatoryGrade: base, capped, caps, summary };
}
