/**
 * The toolbar badge: the active tab's grade letter, coloured by grade. Badges are set per
 * tab, so switching tabs shows each tab's own grade without extra work; pages that cannot
 * be graded (yet) show nothing.
 */
import browser from 'webextension-polyfill';
import type { PageCapture } from '../core/capture';
import { gradeCapture } from '../core/grade';
import { gradeBandColor } from '../shared/grade-colors';

/** Grading is cheap, but sub-resource bursts change a capture many times a second. */
const BADGE_DELAY_MS = 300;
const timers = new Map<number, ReturnType<typeof setTimeout>>();
const pendingCaptures = new Map<number, PageCapture | null>();

async function paint(tabId: number): Promise<void> {
  timers.delete(tabId);
  const capture = pendingCaptures.get(tabId) ?? null;
  pendingCaptures.delete(tabId);
  let text = '';
  let color = gradeBandColor('');
  let title = 'Tabgrade: audit this tab';
  if (capture !== null) {
    const grade = gradeCapture(capture);
    const status = grade.status ?? 'graded';
    if (status === 'graded' || status === 'partial') {
      text = grade.grade;
      color = gradeBandColor(grade.grade);
      title = `Tabgrade: ${grade.grade} (${grade.score}/100 by MDN HTTP Observatory rules)`;
    }
  }
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text }),
      browser.action.setBadgeBackgroundColor({ tabId, color }),
      browser.action.setTitle({ tabId, title }),
    ]);
    // Chrome picks a badge text colour itself; white reads best on every band colour.
    const action = browser.action as unknown as { setBadgeTextColor?: (details: { tabId: number; color: string }) => Promise<void> };
    await action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
  } catch {
    // The tab closed meanwhile: nothing to paint.
  }
}

export function scheduleBadge(tabId: number, capture: PageCapture | null): void {
  pendingCaptures.set(tabId, capture);
  if (!timers.has(tabId)) timers.set(tabId, setTimeout(() => void paint(tabId), BADGE_DELAY_MS));
}
