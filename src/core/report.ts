/**
 * The Report: everything Tabgrade concludes about one capture, built here once and only
 * rendered by the popup, the badge, the DevTools panel, the exports and the CLI, so that
 * no two of them can disagree.
 *
 * It holds the Observatory-compatible grade exactly as the Observatory computes it, the
 * Tabgrade grade (that letter, capped by Tabgrade's own findings), the score arithmetic
 * explained, the production projection for development hosts, every finding with its
 * fixes, the page's front-end libraries and its scripts and stylesheets with their
 * integrity state, and the notes.
 */
import type { PageCapture } from './capture';
import type { ObservatoryGrade } from './checks/observatory/grade-types';
import { sriRows, type SriRow } from './checks/tabgrade/sri-resources';
import { isDevelopmentUrl } from './development-hosts';
import { SEVERITY_ORDER, type Finding, type Stack } from './findings';
import { gradeCapture, type GradeOptions } from './grade';
import { libraryInventory, type LibraryRow } from './libraries/inventory';
import { cookiesTest } from './checks/observatory/cookies';
import type { ObservatoryContext, ObservatoryTestName } from './checks/observatory/types';
import { deployChecklist, type DeployChecklist } from './deploy-checklist';
import { dnsReport, type DnsReport } from './dns/dns-report';
import { detectStack, type StackDetection } from './stack';
import type { LayerChoice, StackLayers } from './stack-layers';
import { stackPart } from './report-layers';
import { runTabgradeChecks } from './tabgrade-findings';
import { worseGrade } from './grade-order';
import type { TlsInfo } from './tls';
import { productionProjection, type ProductionProjection } from './verdict/production-projection';
import { scoreArithmetic, type ScoreArithmetic } from './verdict/score-arithmetic';
import { tabgradeVerdict, type TabgradeVerdict } from './verdict/tabgrade-grade';

export type { GradeCap, TabgradeVerdict } from './verdict/tabgrade-grade';
export type { ProductionProjection } from './verdict/production-projection';
export type { ScoreArithmetic } from './verdict/score-arithmetic';
export { withLayerChoice } from './report-layers';

export interface Report {
  url: string;
  /** When the report was built (milliseconds since the epoch). */
  generatedAt: number;
  /** The Tabgrade grade: the Observatory-compatible letter, capped by Tabgrade's findings. */
  verdict: TabgradeVerdict;
  /** The Observatory-compatible grade, exactly as the Observatory's rules give it. */
  observatory: ObservatoryGrade;
  /** How the score was added up, and any bonus withheld. */
  arithmetic: ScoreArithmetic;
  /** For plain-HTTP pages on development hosts: the grade in production over HTTPS. */
  projection: ProductionProjection | null;
  /** Tabgrade's own findings, most severe first, each with its fixes per stack. */
  findings: Finding[];
  /** Front-end libraries on the page, worst first. */
  libraries: LibraryRow[];
  /** External scripts and stylesheets with their integrity state. */
  resources: SriRow[];
  /**
   * What runs the site: the detection, the stack of each layer (detected, then corrected by
   * the user's `choice`), and the layers' stacks in fix order — whose fixes every view shows.
   */
  stack: { detection: StackDetection; layers: StackLayers; choice: LayerChoice; stacks: Stack[] };
  /** The application framework's deploy checklist seen from outside (Django's `check --deploy`, Rails, Laravel, Express); null for other stacks. */
  deployChecklist: DeployChecklist | null;
  /** Caveats about the capture and the grade (the projection's and the caps' words are in their own fields). */
  notes: string[];
  /** The document's TLS connection and certificate chain, where the capture has them (Firefox, or the CLI's own handshake). */
  tls?: TlsInfo;
  /** CAA and DNSSEC, only when the user turned DNS lookups on (absent otherwise). */
  dns?: DnsReport;
}

export interface ReportOptions {
  /** Milliseconds since the epoch (certificate expiry, the report's date); injected for tests. */
  now?: number;
  /** The user's corrections of the detected layers (remembered per site by the popup). */
  layers?: LayerChoice;
  /** Facts for the Observatory tests (the HSTS preload list). */
  context?: Partial<ObservatoryContext>;
  grading?: GradeOptions;
  /** A grade already computed for this capture (the worker's), to avoid grading twice. */
  observatory?: ObservatoryGrade;
  /** Notes to put first (e.g. what a HAR file lacked). */
  extraNotes?: readonly string[];
}

function observatorySriPassed(grade: ObservatoryGrade): boolean {
  return grade.tests['subresource-integrity']?.pass === true;
}

/** The results that change once HSTS passes (the cookies test), for the production projection. */
function followsFromHsts(capture: PageCapture, context: Partial<ObservatoryContext> | undefined): Partial<Record<ObservatoryTestName, string>> {
  const full: ObservatoryContext = { isHstsPreloaded: context?.isHstsPreloaded ?? (() => null), assumeHstsPasses: true };
  try {
    return { cookies: cookiesTest.run(capture, full).result };
  } catch {
    // The real grade already reports a test that throws; the projection just keeps its result.
    return {};
  }
}

/** Builds the report of `capture`. Pure: the same capture and options give the same report. */
export function buildReport(capture: PageCapture, options: ReportOptions = {}): Report {
  const now = options.now ?? Date.now();
  const observatory = options.observatory ?? gradeCapture(capture, options.context, options.grading);
  const hasDocument = capture.document !== null;
  const pageFindings = hasDocument ? runTabgradeChecks(capture, { now, observatoryTests: new Set(Object.keys(observatory.tests)) }) : [];
  const capContext = { publicHost: !isDevelopmentUrl(observatory.url || capture.url), observatorySriPassed: observatorySriPassed(observatory) };
  // The verdict is the page's alone: an opt-in setting (DNS) must not change the grade.
  const verdict = tabgradeVerdict(observatory, pageFindings, capContext);
  const dns = hasDocument && capture.dns !== undefined ? dnsReport(capture.dns, capture.tls?.url === capture.document?.url ? capture.tls : undefined) : null;
  const findings = dns === null ? pageFindings : withDnsFindings(pageFindings, dns.findings);
  const arithmetic = scoreArithmetic(observatory);
  const projected = productionProjection(observatory, hasDocument ? followsFromHsts(capture, options.context) : {});
  let projection: ProductionProjection | null = null;
  if (projected !== null) {
    // The same caps hold in production: only the two transport tests are assumed.
    let tabgradeGrade = projected.grade;
    for (const cap of verdict.caps) tabgradeGrade = worseGrade(tabgradeGrade, cap.grade);
    projection = { ...projected, tabgradeGrade };
  }
  const detection = detectStack(capture);
  const stack = stackPart(detection, options.layers ?? {});
  // The projection's note and the caps' reasons have their own fields: every view shows
  // them once, beside the grade.
  const notes = [...(options.extraNotes ?? []), ...observatory.notes];
  return {
    url: observatory.url || capture.url,
    generatedAt: now,
    verdict,
    observatory,
    arithmetic,
    projection,
    findings,
    libraries: hasDocument ? libraryInventory(capture) : [],
    resources: hasDocument ? sriRows(capture) : [],
    stack,
    deployChecklist: hasDocument ? deployChecklist(observatory, findings, stack.layers.application) : null,
    notes,
    ...(hasDocument && capture.tls !== undefined && capture.tls.url === capture.document?.url ? { tls: capture.tls } : {}),
    ...(dns === null ? {} : { dns: dns.report }),
  };
}

/** The DNS findings among the page's, most severe first (a stable merge: each list keeps its order). */
function withDnsFindings(page: Finding[], dns: Finding[]): Finding[] {
  const rank = (finding: Finding): number => SEVERITY_ORDER.indexOf(finding.severity);
  return [...page, ...dns].map((finding, index) => ({ finding, index })).sort((a, b) => rank(a.finding) - rank(b.finding) || a.index - b.index).map(({ finding }) => finding);
}

