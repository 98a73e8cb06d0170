/**
 * The JSON report (schema version 2): the whole Report of one page. The Observatory-
 * compatible part keeps the names and meaning of the Observatory's API (v2 `/analyze`:
 * `score`, and each test's `result`, `scoreModifier`, `pass`, `expectation`), so scripts
 * written against one read the other; `grade` at the top is the Tabgrade grade.
 *
 * The shape is a published contract: docs/report-schema.md explains it and
 * docs/report-schema.json validates it (test/core/report-schema.test.ts keeps them in step).
 * Adding a field keeps `schemaVersion`; renaming, removing or changing the meaning of one
 * raises it.
 */
import type { Grade, GradeStatus } from '../checks/observatory/grade-types';
import type { FixSnippet } from '../checks/tabgrade/fixes/types';
import type { FindingGroup, Severity, Stack } from '../findings';
import type { LibrarySource } from '../libraries/inventory';
import type { DeployChecklist } from '../deploy-checklist';
import type { Report, ScoreArithmetic } from '../report';
import { daysUntilExpiry, type TlsInfo } from '../tls';
import type { DnsReport } from '../dns/dns-report';
import { capOfFinding, isBonusWithheld, reportFixes, reportHasGrade } from '../report-view';
import { statusOf, testsInOrder } from './common';

/** Raised only for changes that can break a reader (see docs/report-schema.md). */
export const REPORT_SCHEMA_VERSION = 2;

export interface JsonFix {
  stack: Stack | 'any';
  topic: string;
  title: string;
  where: string;
  language: string;
  code: string;
  setup: { where: string; language: string; code: string } | null;
  note: string | null;
  docsUrl: string | null;
}

export interface JsonTestReport {
  result: string;
  scoreModifier: number;
  pass: boolean;
  expectation: string;
  title: string;
  explanation: string;
  mdnUrl: string;
  potentialGain: number;
  /** True when `scoreModifier` is a bonus the score did not count (see `scoreArithmetic`). */
  bonusWithheld: boolean;
  fixes: JsonFix[];
  data: Record<string, unknown>;
  notes: string[];
}

export interface JsonCap {
  rule: string;
  grade: Grade;
  binding: boolean;
  reason: string;
  lift: string;
  why: string;
  findingId: string;
  checkId: string;
  severity: Severity;
  subject: string | null;
}

export interface JsonFinding {
  id: string;
  checkId: string;
  severity: Severity;
  group: FindingGroup;
  title: string;
  detail: string;
  subject: string | null;
  recommendation: string | null;
  learnMoreUrl: string | null;
  /** The cap rule this finding sets on the Tabgrade grade, if any. */
  cap: string | null;
  fixes: JsonFix[];
  data: Record<string, unknown>;
}

export interface JsonLibrary {
  component: string;
  name: string;
  version: string;
  recognised: boolean;
  party: 'first' | 'third' | 'mixed' | 'unknown';
  thirdPartyHosts: string[];
  sources: LibrarySource[];
  status: 'vulnerable' | 'end-of-life' | 'outdated' | 'ok' | 'unknown';
  worstSeverity: Severity | null;
  latest: string | null;
  upgradeTarget: string | null;
  vulnerabilities: Array<{ ids: string[]; severity: Severity; summary: string; range: string; fixedIn: string | null; noFixInLine: boolean; link: string | null }>;
  endOfLife: { summary: string; link: string | null } | null;
}

export interface JsonResource {
  url: string;
  kind: 'script' | 'style';
  element: string;
  sameOrigin: boolean;
  addedAfterLoad: boolean;
  integrity: string | null;
  crossorigin: string | null;
  status: string;
  problems: string[];
}

export interface JsonReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  url: string;
  generatedAt: string;
  /** The Tabgrade grade; null when there is no grade (the page was loading or never loaded): see `status`. */
  grade: Grade | null;
  /** The Observatory-compatible score (Tabgrade has no score of its own). */
  score: number | null;
  status: GradeStatus;
  tabgrade: { grade: Grade | null; observatoryGrade: Grade | null; capped: boolean; summary: string; caps: JsonCap[] };
  observatory: {
    grade: Grade | null;
    score: number | null;
    algorithm: string;
    testsPassed: number;
    testsFailed: number;
    testsQuantity: number;
    tests: Record<string, JsonTestReport>;
  };
  /** The core's arithmetic as it is, test names as plain strings. */
  scoreArithmetic: Omit<ScoreArithmetic, 'withheldTests'> & { withheldTests: string[] };
  projection: { note: string; assumed: Record<string, string>; score: number; grade: Grade; tabgradeGrade: Grade | null; pointsHeldBack: number } | null;
  findings: JsonFinding[];
  libraries: JsonLibrary[];
  resources: JsonResource[];
  stack: {
    detected: Array<{ technology: string; label: string; layer: string; confidence: string; version: string | null; evidence: string[] }>;
    /** The stack of each layer (detected, then as the user corrected it); null where unknown. */
    layers: { application: Stack | null; server: Stack | null; host: Stack | null };
    /** The layers the user corrected (a stack, or `none`); empty when they kept the detection. */
    choice: Partial<Record<'application' | 'server' | 'host', Stack | 'none'>>;
    /** The layers' stacks whose fixes this report carries, the application's first. */
    fixesFor: Stack[];
  };
  /** The application framework's deploy checklist seen from outside; null for other stacks. */
  deployChecklist: DeployChecklist | null;
  notes: string[];
  /** The document's TLS connection and chain; absent when the capture has none (Chrome without the CLI's handshake, plain HTTP). */
  tls?: JsonTls;
  /** CAA and DNSSEC through the user's DoH resolver; absent unless DNS lookups were turned on. */
  dns?: DnsReport;
}

export interface JsonCertificate {
  subject: string;
  issuer: string;
  /** ISO 8601; null when unknown. */
  validFrom: string | null;
  validTo: string | null;
  sha256: string | null;
  serialNumber: string | null;
  subjectAltNames: string[];
  keyType: string | null;
  keyBits: number | null;
  signatureAlgorithm: string | null;
}

export interface JsonTls {
  source: TlsInfo['source'];
  protocol: string | null;
  cipherSuite: string | null;
  keyExchangeGroup: string | null;
  trusted: boolean | null;
  domainMismatch: boolean;
  notValidAtThisTime: boolean;
  /** Whole days until the server certificate expires (negative once expired). */
  daysUntilExpiry: number | null;
  ocspStapled: boolean | null;
  error: string | null;
  /** Server certificate first. */
  chain: JsonCertificate[];
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function jsonTls(tls: TlsInfo, now: number): JsonTls {
  return {
    source: tls.source,
    protocol: tls.protocol,
    cipherSuite: tls.cipherSuite,
    keyExchangeGroup: tls.keaGroup,
    trusted: tls.trusted,
    domainMismatch: tls.domainMismatch,
    notValidAtThisTime: tls.notValidAtThisTime,
    daysUntilExpiry: daysUntilExpiry(tls, now),
    ocspStapled: tls.ocspStapled ?? null,
    error: tls.errorMessage,
    chain: tls.chain.map((cert) => ({
      subject: cert.subject,
      issuer: cert.issuer,
      validFrom: isoOrNull(cert.validFrom),
      validTo: isoOrNull(cert.validTo),
      sha256: cert.sha256,
      serialNumber: cert.serialNumber,
      subjectAltNames: cert.subjectAltNames ?? [],
      keyType: cert.keyType ?? null,
      keyBits: cert.keyBits ?? null,
      signatureAlgorithm: cert.signatureAlgorithm ?? null,
    })),
  };
}

function jsonFix(snippet: FixSnippet): JsonFix {
  return {
    stack: snippet.stack,
    topic: snippet.topic,
    title: snippet.title,
    where: snippet.where,
    language: snippet.language,
    code: snippet.code,
    setup: snippet.setup === undefined ? null : { where: snippet.setup.where, language: snippet.setup.language, code: snippet.setup.code },
    note: snippet.note ?? null,
    docsUrl: snippet.docsUrl ?? null,
  };
}

function observatoryPart(report: Report): JsonReport['observatory'] {
  const grade = report.observatory;
  const graded = reportHasGrade(report);
  const tests: Record<string, JsonTestReport> = {};
  for (const test of testsInOrder(grade)) {
    tests[test.name] = {
      result: test.result,
      scoreModifier: test.scoreModifier,
      pass: test.pass,
      expectation: test.expectation,
      title: test.title,
      explanation: test.explanation,
      mdnUrl: test.mdnUrl,
      potentialGain: test.potentialGain,
      bonusWithheld: isBonusWithheld(report, test),
      fixes: test.pass ? [] : reportFixes(test.result, report.stack.stacks).map(jsonFix),
      data: test.data,
      notes: test.notes,
    };
  }
  return {
    grade: graded ? grade.grade : null,
    score: graded ? grade.score : null,
    algorithm: grade.algorithm,
    testsPassed: grade.testsPassed,
    testsFailed: grade.testsFailed,
    testsQuantity: grade.testsQuantity,
    tests,
  };
}

function jsonLibrary(row: Report['libraries'][number]): JsonLibrary {
  const assessment = row.assessment;
  return {
    component: row.component,
    name: row.name,
    version: row.version,
    recognised: row.recognised,
    party: row.party,
    thirdPartyHosts: row.thirdPartyHosts,
    sources: row.sources,
    status: assessment?.status ?? 'unknown',
    worstSeverity: assessment?.worstSeverity ?? null,
    latest: assessment?.latest ?? null,
    upgradeTarget: assessment?.upgradeTarget ?? null,
    vulnerabilities: (assessment?.vulnerabilities ?? []).map((v) => ({
      ids: v.ids,
      severity: v.severity,
      summary: v.summary,
      range: v.range,
      fixedIn: v.fixedIn,
      noFixInLine: v.noFixInLine,
      link: v.link,
    })),
    endOfLife: assessment?.endOfLife ?? null,
  };
}

export function toJsonReport(report: Report): JsonReport {
  const graded = reportHasGrade(report);
  const { verdict, arithmetic, projection } = report;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    url: report.url,
    generatedAt: new Date(report.generatedAt).toISOString(),
    grade: verdict.grade,
    score: graded ? report.observatory.score : null,
    status: statusOf(report.observatory),
    tabgrade: {
      grade: verdict.grade,
      observatoryGrade: verdict.observatoryGrade,
      capped: verdict.capped,
      summary: verdict.summary,
      caps: verdict.caps.map((cap) => ({
        rule: cap.rule,
        grade: cap.grade,
        binding: cap.binding,
        reason: cap.reason,
        lift: cap.lift,
        why: cap.why,
        findingId: cap.findingId,
        checkId: cap.checkId,
        severity: cap.severity,
        subject: cap.subject,
      })),
    },
    observatory: observatoryPart(report),
    scoreArithmetic: {
      baseline: arithmetic.baseline,
      penalties: arithmetic.penalties,
      bonuses: arithmetic.bonuses,
      scoreBeforeBonuses: arithmetic.scoreBeforeBonuses,
      bonusThreshold: arithmetic.bonusThreshold,
      withheldBonus: arithmetic.withheldBonus,
      withheldTests: [...arithmetic.withheldTests],
      explanation: arithmetic.explanation,
    },
    projection:
      projection === null
        ? null
        : {
            note: projection.note,
            assumed: { ...projection.assumed } as Record<string, string>,
            score: projection.score,
            grade: projection.grade,
            tabgradeGrade: projection.tabgradeGrade,
            pointsHeldBack: projection.pointsHeldBack,
          },
    findings: report.findings.map((finding) => ({
      id: finding.id,
      checkId: finding.checkId,
      severity: finding.severity,
      group: finding.group,
      title: finding.title,
      detail: finding.detail,
      subject: finding.subject ?? null,
      recommendation: finding.recommendation ?? null,
      learnMoreUrl: finding.learnMoreUrl ?? null,
      cap: capOfFinding(report, finding),
      fixes: reportFixes(finding.id, report.stack.stacks).map(jsonFix),
      data: finding.data ?? {},
    })),
    libraries: report.libraries.map(jsonLibrary),
    resources: report.resources.map((row) => ({
      url: row.url,
      kind: row.kind,
      element: row.element,
      sameOrigin: row.sameOrigin,
      addedAfterLoad: row.addedAfterLoad,
      integrity: row.integrity,
      crossorigin: row.crossorigin,
      status: row.status,
      problems: [...row.problems],
    })),
    stack: {
      detected: report.stack.detection.guesses.map((guess) => ({
        technology: guess.technology,
        label: guess.label,
        layer: guess.layer,
        confidence: guess.confidence,
        version: guess.version,
        evidence: guess.evidence,
      })),
      layers: { ...report.stack.layers },
      choice: { ...report.stack.choice },
      fixesFor: [...report.stack.stacks],
    },
    deployChecklist: report.deployChecklist,
    notes: report.notes,
    ...(report.tls === undefined ? {} : { tls: jsonTls(report.tls, report.generatedAt) }),
    ...(report.dns === undefined ? {} : { dns: report.dns }),
  };
}

/** Pretty-printed, with a final newline, for files and pipes. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
