import { describe, expect, it } from 'vitest';
import { MAX_RUNTIME_LIBRARY_HITS, mergeRuntimeLibraries, setSriVerification } from '../../src/core/capture-updates';
import { PAGE, pageWith } from '../helpers/page-capture';

const jq = { component: 'jquery', version: '3.7.1', via: 'window.jQuery.fn.jquery' };

describe('mergeRuntimeLibraries', () => {
  it('stores hits with when they were first seen, and merges later runs without duplicates', () => {
    const first = mergeRuntimeLibraries(pageWith([]), { at: 1_700_000_000_800, href: PAGE, hits: [jq], rejected: 1 });
    expect(first.runtimeLibraries).toEqual({ probes: 1, lastProbedAt: 1_700_000_000_800, hits: [{ ...jq, firstSeenMs: 800 }], rejected: 1, error: null });
    const widget = { component: 'jquery', version: '1.12.4', via: 'window.widgetJQ.fn.jquery' };
    const second = mergeRuntimeLibraries(first, { at: 1_700_000_002_000, href: `${PAGE}#tab`, hits: [jq, widget], rejected: 0 });
    expect(second.runtimeLibraries?.hits.map((entry) => [entry.version, entry.firstSeenMs])).toEqual([['3.7.1', 800], ['1.12.4', 2000]]);
    expect(second.runtimeLibraries?.probes).toBe(2);
  });

  it('ignores a run from another document', () => {
    const capture = pageWith([]);
    expect(mergeRuntimeLibraries(capture, { at: 1_700_000_000_800, href: 'https://elsewhere.example/', hits: [jq], rejected: 0 })).toBe(capture);
  });

  it('records why a run failed, keeping earlier hits', () => {
    const first = mergeRuntimeLibraries(pageWith([]), { at: 1_700_000_000_800, href: PAGE, hits: [jq], rejected: 0 });
    const failed = mergeRuntimeLibraries(first, { at: 1_700_000_001_000, error: 'Cannot access contents of the page' });
    expect(failed.runtimeLibraries).toMatchObject({ probes: 2, error: 'Cannot access contents of the page', hits: [{ version: '3.7.1' }] });
  });

  it('caps the hits kept', () => {
    const hits = Array.from({ length: MAX_RUNTIME_LIBRARY_HITS + 10 }, (_, index) => ({ ...jq, version: `1.${index}.0` }));
    expect(mergeRuntimeLibraries(pageWith([]), { at: 1_700_000_000_800, href: PAGE, hits, rejected: 0 }).runtimeLibraries?.hits).toHaveLength(MAX_RUNTIME_LIBRARY_HITS);
  });
});

describe('setSriVerification', () => {
  it('replaces the verification state', () => {
    const capture = setSriVerification(pageWith([]), { state: 'running', startedAt: 1, completedAt: null, results: [], skipped: 0 });
    expect(capture.sriVerification?.state).toBe('running');
  });
});
