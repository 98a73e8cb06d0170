/**
 * The toolbar badge: the tab's grade letter, coloured by grade. Badges are set per tab, so
 * switching tabs shows each tab's own grade without extra work; pages that cannot be graded
 * (yet) show nothing.
 */
import browser from 'webextension-polyfill';
import type { ObservatoryGrade } from '../core/checks/observatory/grade-types';
import { gradeBandColor } from '../shared/grade-colors';

export async function paintBadge(tabId: number, grade: ObservatoryGrade | null): Promise<void> {
  const status = grade?.status ?? 'graded';
  const shown = grade !== null && (status === 'graded' || status === 'partial');
  const text = shown ? grade.grade : '';
  const color = gradeBandColor(shown ? grade.grade : '');
  const title = shown ? `Tabgrade: ${grade.grade} (${grade.score}/100 by MDN HTTP Observatory rules)` : 'Tabgrade: audit this tab';
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text }),
      browser.action.setBadgeBackgroundColor({ tabId, color }),
      browser.action.setTitle({ tabId, title }),
    ]);
    // Chrome and Firefox pick a badge text colour themselves; white reads best on every band colour.
    const action = browser.action as unknown as { setBadgeTextColor?: (details: { tabId: number; color: string }) => Promise<void> };
    await action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
  } catch {
    // The tab closed meanwhile: nothing to paint.
  }
}
