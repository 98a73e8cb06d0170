import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashSource, sha256Of } from '../../../src/core/csp-builder/inline-hashes';

describe('inline hashes', () => {
  it("gives the CSP specification's own example hash", async () => {
    // CSP3 §6.7.3.5 example: <script>alert('Hello, world.');</script>
    expect(await hashSource("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
  });

  it('hashes the UTF-8 bytes of the text, whitespace included', async () => {
    for (const text of ['\n  window.x = "é ✓ 😀";\n', ' ', 'a\nb']) {
      expect(await sha256Of(text)).toBe(`sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`);
    }
  });
});
