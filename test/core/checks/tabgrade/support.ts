/**
 * Helpers for the Tabgrade check tests: run a check on a fixture and remember which
 * finding ids the tests produced, so each test file can prove it covers every finding
 * its check declares in `possibleFindings`.
 */
import { expect } from 'vitest';
import type { PageCapture } from '../../../../src/core/capture';
import type { Finding, TabgradeCheck } from '../../../../src/core/findings';
import { captureFrom, captureFromFixtures, type CaptureInit } from '../../../helpers/fixtures';

/** "Now" for every test: 2026-11-26, so cookie dates in fixtures are judged the same way each run. */
export const NOW = Date.UTC(2026, 10, 26);

export interface CheckHarness {
  /** Runs the check and records the ids it returned. */
  run(capture: PageCapture): Finding[];
  /** Runs the check on `test/fixtures/headers/tabgrade/<name>.headers` (and optional HTML fixture). */
  fixture(name: string, html?: string, init?: Omit<CaptureInit, 'headers' | 'html'>): Finding[];
  /** Ids of the findings, in order. */
  ids(findings: readonly Finding[]): string[];
  /** Fails unless every id in the check's `possibleFindings` was produced by some test. */
  expectAllFindingsCovered(): void;
}

export function harness(check: TabgradeCheck): CheckHarness {
  const seen = new Set<string>();
  const run = (capture: PageCapture): Finding[] => {
    const findings = check.run(capture, { now: NOW });
    for (const finding of findings) {
      seen.add(finding.id);
      expect(finding.checkId).toBe(check.id);
      expect(check.possibleFindings ?? []).toContain(finding.id);
    }
    return findings;
  };
  return {
    run,
    fixture: (name, html, init = {}) => run(captureFromFixtures(`tabgrade/${name}`, html === undefined ? undefined : `tabgrade/${html}`, init)),
    ids: (findings) => findings.map((finding) => finding.id),
    expectAllFindingsCovered: () => {
      const missing = (check.possibleFindings ?? []).filter((id) => !seen.has(id));
      expect(missing).toEqual([]);
    },
  };
}

/** A capture of one document with these headers (shorthand for inline cases). */
export function page(headers: Record<string, string> | Array<[string, string]>, init: Omit<CaptureInit, 'headers'> = {}): PageCapture {
  const entries = Array.isArray(headers) ? headers : Object.entries(headers);
  return captureFrom({ ...init, headers: entries.map(([name, value]) => ({ name, value })) });
}
