import { describe, expect, it } from 'vitest';
import { mythsForCookie, mythsForHeader, SCANNER_MYTHS } from '../../../../src/core/checks/tabgrade/scanner-myths';

describe('scanner myths', () => {
  it('covers the myths the issue names', () => {
    const ids = SCANNER_MYTHS.map((myth) => myth.id);
    expect(ids).toEqual(expect.arrayContaining(['httponly-on-csrf-cookie', 'public-key-pins-required', 'x-xss-protection-mode-block']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('cites a source for every myth, with lower-case header names', () => {
    for (const myth of SCANNER_MYTHS) {
      expect(myth.sources.length, myth.id).toBeGreaterThan(0);
      for (const source of myth.sources) expect(source.url).toMatch(/^https:\/\//);
      for (const header of myth.headers) expect(header).toBe(header.toLowerCase());
    }
  });

  it('finds myths by header and by cookie', () => {
    expect(mythsForHeader('X-XSS-Protection').map((myth) => myth.id)).toEqual(['x-xss-protection-mode-block']);
    expect(mythsForCookie('csrftoken').map((myth) => myth.id)).toEqual(['httponly-on-csrf-cookie']);
    expect(mythsForCookie('sessionid')).toEqual([]);
  });
});
