import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HttpHeader } from '../../src/core/capture';
import { ALL_STACKS, fixesFor } from '../../src/core/checks/tabgrade/fixes';
import { SEVERITY_ORDER } from '../../src/core/findings';
import { CHECK_ERROR_FINDING, detectStack, runTabgradeChecks } from '../../src/core/tabgrade-findings';
import { captureFrom } from '../helpers/fixtures';

/** Header names the checks read, plus arbitrary ones. */
const headerName = fc.oneof(
  fc.constantFrom(
    'Content-Type', 'Content-Security-Policy', 'Content-Security-Policy-Report-Only', 'Set-Cookie', 'Server', 'X-Powered-By',
    'Permissions-Policy', 'Cross-Origin-Opener-Policy', 'Cross-Origin-Embedder-Policy', 'Origin-Agent-Cluster', 'Clear-Site-Data',
    'Cache-Control', 'X-XSS-Protection', 'Feature-Policy', 'Public-Key-Pins', 'X-Permitted-Cross-Domain-Policies', 'Age', 'X-Cache',
    'X-AspNet-Version', 'X-Debug-Token-Link', 'X-Runtime', 'Via', 'Link', 'CF-Ray', 'constructor', '__proto__',
  ),
  fc.string({ minLength: 1, maxLength: 20 }),
);

/** Values: structured-looking fragments, CSP-looking fragments, and anything at all. */
const headerValue = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.array(fc.constantFrom("'self'", "'unsafe-inline'", 'script-src', ';', ',', '=', '()', '*', '"', 'nonce-', "'nonce-abc'", 'https:', '?1', 'sessionid=x', 'Secure', 'HttpOnly', 'SameSite=None', '__Host-', 'Max-Age=0', 'text/html', 'charset='), { maxLength: 30 }).map((parts) => parts.join(' ')),
);

const header = fc.record({ name: headerName, value: headerValue });
const url = fc.oneof(fc.constantFrom('https://example.com/', 'http://example.com/logout', 'http://localhost:8000/', 'https://x.pages.dev/a?b#c', 'not a url'), fc.webUrl());

describe('runTabgradeChecks on random headers', () => {
  it('never throws, never hits a check error, and returns sorted findings', () => {
    fc.assert(
      fc.property(fc.array(header, { maxLength: 25 }), url, fc.option(fc.string({ maxLength: 400 })), (headers: HttpHeader[], pageUrl, html) => {
        const capture = captureFrom({ url: pageUrl, headers, ...(html === null ? {} : { html }) });
        const findings = runTabgradeChecks(capture, { now: Date.UTC(2026, 10, 26) });
        expect(findings.filter((finding) => finding.id === CHECK_ERROR_FINDING)).toEqual([]);
        for (let i = 1; i < findings.length; i++) {
          expect(SEVERITY_ORDER.indexOf(findings[i - 1]!.severity)).toBeLessThanOrEqual(SEVERITY_ORDER.indexOf(findings[i]!.severity));
        }
        const detection = detectStack(capture);
        for (const stack of detection.stacks) expect(ALL_STACKS).toContain(stack);
        for (const finding of findings) expect(() => fixesFor(finding.id, 'nginx')).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });
});
