/**
 * The toolbar badge: the tab's grade letter, coloured by grade. By default the Tabgrade
 * grade (the Observatory-compatible grade capped by Tabgrade's findings); the options page
 * switches it to the Observatory-compatible grade. Badges are set per tab, so switching
 * tabs shows each tab's own grade without extra work; pages that cannot be graded (yet)
 * show nothing. The words come from the report; this file only paints them.
 */
import browser from '../shared/browser-api';
import type { PageCapture } from '../core/capture';
import type { Report } from '../core/report';
import type { BadgeGrade } from '../core/settings';
import { gradeBandColor } from '../shared/grade-colors';

function badgeOf(report: Report | null, which: BadgeGrade): { text: string; title: string } {
  if (report === null) return { text: '', title: 'Tabgrade: audit this tab' };
  const { verdict, observatory } = report;
  const status = observatory.status ?? 'graded';
  if (verdict.grade === null || (status !== 'graded' && status !== 'partial')) return { text: '', title: 'Tabgrade: audit this tab' };
  const observatoryLine = `Observatory-compatible: ${observatory.grade} (${observatory.score}/100)`;
  if (which === 'observatory') {
    return { text: observatory.grade, title: `Tabgrade — ${observatoryLine}; Tabgrade grade ${verdict.grade}` };
  }
  // The lowest cap, binding or not: fixing the headers must not hide the next ceiling.
  const cap = verdict.caps[0];
  const more = verdict.caps.length > 1 ? ` (+${verdict.caps.length - 1} more caps)` : '';
  return {
    text: verdict.grade,
    title: cap === undefined ? `Tabgrade: ${verdict.grade} · ${observatoryLine}` : `Tabgrade: ${verdict.grade} · ${observatoryLine} · ${cap.reason}${more}`,
  };
}

/**
 * What each tab's badge was last painted with, and for which navigation: a loading page is
 * graded again as it changes, mostly to the same letter, and each paint is four calls into
 * the browser's main thread — the thread the page's load needs. While a page loads, a paint
 * that would change nothing is skipped (the browser clears a tab's badge only when it
 * navigates, which is a new navigation here). Once it has loaded, every grade is painted,
 * so that a page the browser restored from its back/forward cache gets its badge again.
 */
const painted = new Map<number, string>();

/** Paints the tab's badge for `report` (null: none) of `capture`, the tab's page (null: none any more). */
export async function paintBadge(tabId: number, report: Report | null, which: BadgeGrade, capture: PageCapture | null): Promise<void> {
  const { text, title } = badgeOf(report, which);
  const color = gradeBandColor(text);
  const key = `${capture?.navigationId ?? ''}\n${text}\n${color}\n${title}`;
  if (capture?.state === 'loading' && painted.get(tabId) === key) return;
  if (capture === null) painted.delete(tabId);
  else painted.set(tabId, key);
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text }),
      browser.action.setBadgeBackgroundColor({ tabId, color }),
      // Tooltips have no markup; a library version quoted in a cap reason stays text.
      browser.action.setTitle({ tabId, title: title.length > 500 ? `${title.slice(0, 500)}…` : title }),
    ]);
    // Chrome and Firefox pick a badge text colour themselves; white reads best on every band colour.
    const action = browser.action as unknown as { setBadgeTextColor?: (details: { tabId: number; color: string }) => Promise<void> };
    await action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
  } catch {
    // The tab closed meanwhile: nothing to paint.
    painted.delete(tabId);
  }
}
