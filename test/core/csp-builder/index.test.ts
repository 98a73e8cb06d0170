import { describe, expect, it } from 'vitest';
import { buildCspReport, observePage } from '../../../src/core/csp-builder';
import { builderCapture } from './support';

describe('buildCspReport', () => {
  it('gives each draft its evaluation, what it blocks here and the breakages that apply to it', async () => {
    const capture = builderCapture('blog-with-cdn');
    const report = buildCspReport((await observePage(capture))!, capture);
    expect(report.strict.breakages.map((breakage) => breakage.id)).toEqual(['nonce-needed', 'event-handlers', 'javascript-urls']);
    expect(report.allowList.breakages.map((breakage) => breakage.id)).toEqual(['event-handlers', 'javascript-urls']);
    expect(report.allowList.blocked).toEqual([]);
    expect(report.strict.blocked.every((entry) => entry.reason === 'needs-nonce')).toBe(true);
    expect(report.allowList.evaluation.observatory.name).toBe('content-security-policy');
  });
});
