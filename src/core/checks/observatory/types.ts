/**
 * Shared shapes of the Observatory-compatible tests.
 *
 * Test names and result ids keep the MDN HTTP Observatory's spelling exactly, so a
 * Tabgrade result can be compared with an Observatory scan line by line.
 */
import type { PageCapture } from '../../capture';

/** The ten tests every algorithm Tabgrade knows scores (v1.6.3 and later). */
export type CoreTestName =
  | 'content-security-policy'
  | 'cookies'
  | 'cross-origin-resource-sharing'
  | 'redirection'
  | 'referrer-policy'
  | 'strict-transport-security'
  | 'subresource-integrity'
  | 'x-content-type-options'
  | 'x-frame-options'
  | 'cross-origin-resource-policy';

/** The tests algorithm 6 (Observatory 1.7.0) added; a 1.6.3 grade has neither. */
export type IsolationTestName = 'cross-origin-opener-policy' | 'cross-origin-embedder-policy';

export type ObservatoryTestName = CoreTestName | IsolationTestName;

/** What a test decided for one capture. */
export interface ObservatoryTestResult {
  name: ObservatoryTestName;
  /** The Observatory result id, e.g. `hsts-implemented-max-age-at-least-six-months`. */
  result: string;
  /** The result the Observatory expects for a good site (its `expectation`). */
  expectation: string;
  pass: boolean;
  scoreModifier: number;
  /**
   * Details the test found (the parsed policy, the offending cookie names, the redirect
   * route …). Plain JSON; every string in it may be page-controlled.
   */
  data: Record<string, unknown>;
  /** Plain-language notes for the user, e.g. where Tabgrade's view differs from a live scan. */
  notes: string[];
}

/** Facts a test may need beyond the capture itself. */
export interface ObservatoryContext {
  /**
   * Whether `host` is on the HSTS preload list: true / false, or null when unknown
   * (no preload data available). Tests treat null as "not preloaded", which is what the
   * Observatory concludes for any host missing from its list, and say so in `notes`.
   */
  isHstsPreloaded(host: string): { preloaded: boolean; includeSubDomains: boolean } | null;
  /**
   * The date (ISO) of the preload list `isHstsPreloaded` reads, which the grade's notes
   * state; absent when the caller gave a lookup without a dated list.
   */
  hstsPreloadListDate?: string | null;
  /**
   * Only for the production projection (`verdict/production-projection.ts`): judge as if
   * the HSTS test passed. Never set for a real grade.
   */
  assumeHstsPasses?: boolean;
}

/** One Observatory test: metadata next to its logic. */
export interface ObservatoryTest {
  name: ObservatoryTestName;
  title: string;
  /** Which parts of the capture it reads (shown in the UI when one is missing). */
  needs: ReadonlyArray<'document' | 'redirects' | 'html' | 'probes.http' | 'probes.cors' | 'probes.policyFiles' | 'subresources'>;
  run(capture: PageCapture, context: ObservatoryContext): ObservatoryTestResult;
  /**
   * Every result id `run` can return (the Observatory's `possibleResults`). Lets the grader's
   * tests prove the scoring table covers the test. Optional so that adding it stays additive.
   */
  possibleResults?: readonly string[];
}
