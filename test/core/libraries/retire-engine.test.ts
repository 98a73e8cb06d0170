import { describe, expect, it } from 'vitest';
import * as packaged from 'retire/lib/retire.js';
import { isAtOrAbove, matchingEntries, scanUri } from '../../../src/core/libraries/retire-engine';
import { LIBRARY_DATA } from '../../../src/core/libraries/data';

describe('retire.js’s engine as Tabgrade uses it', () => {
  it('answers like the package itself', () => {
    const repo = LIBRARY_DATA.components as unknown as Parameters<typeof packaged.scanUri>[1];
    const url = 'https://cdnjs.cloudflare.com/ajax/libs/jquery/1.12.4/jquery.min.js';
    expect(scanUri(url, LIBRARY_DATA.components).map((found) => `${found.component}@${found.version}`)).toEqual(
      packaged.scanUri(url, repo).map((found) => `${found.component}@${found.version}`),
    );
    for (const [a, b] of [['3.5.0-beta', '3.5.0'], ['1.12.4-aem', '1.12.4'], ['3.5', '3.5.0']] as const) {
      expect(isAtOrAbove(a, b)).toBe(packaged.isAtOrAbove(a, b));
    }
    expect(matchingEntries('jquery', '3.4.1', LIBRARY_DATA.components)).toHaveLength(packaged.check('jquery', '3.4.1', repo)[0]?.vulnerabilities?.length ?? -1);
  });
});
