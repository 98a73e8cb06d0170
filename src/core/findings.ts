/**
 * Tabgrade's own findings: what it reports beyond the Observatory-compatible grade
 * (deeper header review, SRI in depth, vulnerable libraries, TLS). They never change the
 * Observatory grade; they carry a severity and, where it helps, a fix per stack.
 */
import type { PageCapture } from './capture';

export type Severity = 'high' | 'medium' | 'low' | 'info';

/** How people fix things, and so how the popup groups findings. */
export type FindingGroup = 'application' | 'server' | 'content' | 'transport';

/**
 * Stacks Tabgrade writes fixes for. `netlify` stands for the `_headers` file, which Netlify
 * and Cloudflare Pages read alike; `php` is plain PHP (php.ini, `header()`), for sites on
 * PHP without Laravel (WordPress, Symfony, hand-written apps).
 */
export type Stack = 'django' | 'rails' | 'laravel' | 'express' | 'aspnet' | 'apache' | 'nginx' | 'caddy' | 'iis' | 'netlify' | 'php';

export interface Finding {
  /** Stable id of this kind of finding, kebab-case (e.g. `server-version-disclosed`). */
  id: string;
  /** The check that produced it. */
  checkId: string;
  severity: Severity;
  group: FindingGroup;
  /** One line naming the problem (plain text). */
  title: string;
  /** Why it matters and when it does not apply (plain text). */
  detail: string;
  /** What it is about: a header name, a cookie name, a URL. May be page-controlled. */
  subject?: string;
  /** The recommended value or action, in one line. */
  recommendation?: string;
  /** Ready-to-paste fixes for the stacks this applies to. */
  fixes?: Partial<Record<Stack, string>>;
  /** A documentation link (MDN, OWASP, the stack's docs). */
  learnMoreUrl?: string;
  /** Extra structured details; every string in it may be page-controlled. */
  data?: Record<string, unknown>;
}

/** Facts a Tabgrade check may use beyond the capture. */
export interface CheckContext {
  /** Milliseconds since the epoch; injected so that checks stay pure and testable. */
  now: number;
  /**
   * The Observatory-compatible tests the grade beside these findings has (algorithm 6
   * scores COOP and COEP; 1.6.3 does not). Findings a check marks as said by one of them
   * (`TabgradeCheck.saidByObservatoryTest`) are left out, so nothing is said twice.
   */
  observatoryTests?: ReadonlySet<string>;
}

/** One Tabgrade check: metadata next to its logic. */
export interface TabgradeCheck {
  id: string;
  title: string;
  group: FindingGroup;
  /** Which parts of the capture it reads. */
  needs: ReadonlyArray<'document' | 'redirects' | 'dom' | 'html' | 'subresources' | 'probes' | 'libraries' | 'tls'>;
  run(capture: PageCapture, context: CheckContext): Finding[];
  /**
   * Every finding id `run` can return, so tests can prove that each has a test and a fix
   * mapping. Optional so that adding it stays additive.
   */
  possibleFindings?: readonly string[];
  /**
   * Finding id → the Observatory test that reports the same thing when the grade's
   * algorithm has it (e.g. `coop-invalid` and algorithm 6's `coop-header-invalid`).
   */
  saidByObservatoryTest?: Readonly<Record<string, string>>;
}

export const SEVERITY_ORDER: readonly Severity[] = ['high', 'medium', 'low', 'info'];
