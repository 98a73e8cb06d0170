/** The navigation each tab last started (src/background/tab-navigations.ts). */
import { describe, expect, it } from 'vitest';
import { forgetTabNavigations, hasLeftNavigation, noteNavigationStart } from '../../src/background/tab-navigations';

describe('tab navigations', () => {
  it('tells a report for a page the tab has left from one for its current page', () => {
    expect(hasLeftNavigation(3, '17@1000')).toBe(false); // nothing seen yet (a restarted worker)
    noteNavigationStart(3, '17');
    expect(hasLeftNavigation(3, '17@1000')).toBe(false);
    noteNavigationStart(3, '18');
    expect(hasLeftNavigation(3, '17@1000')).toBe(true);
    expect(hasLeftNavigation(3, '18@1200')).toBe(false);
    // A request id is matched whole: 1 is not a prefix match for 18.
    expect(hasLeftNavigation(3, '1@900')).toBe(true);
    expect(hasLeftNavigation(4, '17@1000')).toBe(false);
    forgetTabNavigations(3);
    expect(hasLeftNavigation(3, '17@1000')).toBe(false);
  });
});
