/**
 * Puts each tab's grade card into the address its popup opens at (see
 * src/shared/early-card.ts): the popup paints its first frame from there, with no round
 * trip to this worker. Set beside the badge, from the same report, whenever a tab is graded.
 */
import browser from '../shared/browser-api';
import type { PageCapture } from '../core/capture';
import type { Report } from '../core/report';
import { EARLY_CARD_PARAM, earlyCardOf, earlyCardParam } from '../shared/early-card';

/**
 * What each tab's popup was last set to, with the navigation it was for: while the page
 * loads, an unchanged card is not set again (as for the badge, badge.ts).
 */
const shown = new Map<number, string>();

/** The popup the manifest names (what a tab without a card opens). */
function defaultPopup(): string {
  const manifest = browser.runtime.getManifest() as { action?: { default_popup?: string } };
  return manifest.action?.default_popup ?? 'src/popup/index.html';
}

/** The address the tab's popup should open at for this capture and report. */
export function popupAddress(capture: PageCapture | null, report: Report | null): string {
  const card = earlyCardOf(capture, report);
  const param = card === null ? null : earlyCardParam(card);
  return param === null ? defaultPopup() : `${defaultPopup()}?${EARLY_CARD_PARAM}=${encodeURIComponent(param)}`;
}

export async function setPopupCard(tabId: number, capture: PageCapture | null, report: Report | null): Promise<void> {
  const popup = popupAddress(capture, report);
  // Keyed by navigation too: the browser resets a tab's popup when it navigates, so the
  // same card for a new load (a reload) must be set again.
  const key = `${capture?.navigationId ?? ''} ${popup}`;
  if (capture?.state === 'loading' && shown.get(tabId) === key) return;
  if (capture === null) shown.delete(tabId);
  else shown.set(tabId, key);
  try {
    await browser.action.setPopup({ tabId, popup });
  } catch {
    // The tab closed meanwhile: nothing to set.
    shown.delete(tabId);
  }
}
