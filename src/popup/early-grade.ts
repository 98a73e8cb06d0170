/**
 * The grade, painted by the popup's early script (early-connection.ts) the moment the
 * worker's first answer arrives — before the popup's modules (Preact, the app) have run.
 *
 * Why: a popup is judged by when its letter appears. The modules take ~40 ms to fetch,
 * compile and run on this project's machines, and the worker's answer is usually there
 * before them; this paints the same top of the popup the app renders first (masthead,
 * document line, grade card) from the same report, as plain DOM. main.tsx replaces it with
 * the app's own rendering in one task, so the swap is never seen, and nothing moves: the
 * markup and classes are the app's (App.tsx, CaptureSummary.tsx, GradeCard.tsx).
 *
 * Every page-controlled string (the URL, the status line) is set as text, never as markup.
 * Anything unexpected in the message paints nothing; the app then renders as usual.
 */
import { withoutFragment } from '../core/url-fragment';
import { type EarlyCard, earlyCardOf } from '../shared/early-card';
import { EARLY_PAINT_ATTRIBUTE } from './early-paint-attribute';
import type { TabStateMessage } from '../shared/messages';

/** Must equal GRADE_SHOWN_MARK (paint-marks.ts); a unit test checks it. */
export const EARLY_GRADE_SHOWN_MARK = 'tabgrade:grade-shown';
export { EARLY_PAINT_ATTRIBUTE };

type Child = Node | string;

function element(doc: Document, tag: string, className: string | null, children: Child[] = []): HTMLElement {
  const node = doc.createElement(tag);
  if (className !== null) node.className = className;
  for (const child of children) node.append(child);
  return node;
}

function isTabState(message: unknown): message is TabStateMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'tab-state';
}

/** Whether `root` holds nothing, or only what an earlier early paint put there. */
function mayPaintInto(root: HTMLElement): boolean {
  const first = root.firstElementChild;
  return root.firstChild === null || (first !== null && root.childNodes.length === 1 && first.hasAttribute(EARLY_PAINT_ATTRIBUTE));
}

/**
 * Paints the top of the popup into `root` from the worker's answer, while the app has
 * rendered nothing there (an earlier early paint, from the popup's address, is replaced:
 * the answer is newer); returns whether it painted.
 */
export function paintEarlyGrade(root: HTMLElement | null, message: unknown): boolean {
  if (root === null || !isTabState(message)) return false;
  let card: EarlyCard | null;
  try {
    card = message.auditability?.auditable ? earlyCardOf(message.capture, message.report) : null;
  } catch {
    return false;
  }
  return card !== null && paintEarlyCard(root, card);
}

/** The mark set when a frame showed the grade painted from the card in the popup's address. */
export const EARLY_CARD_SHOWN_MARK = 'tabgrade:early-card-shown';
/** The mark set when that card was painted into the page (the app may replace it before a frame shows it). */
export const EARLY_CARD_PAINTED_MARK = 'tabgrade:early-card-painted';

/** What each root shows now, so the worker's answer repaints only a card that changed. */
const paintedCards = new WeakMap<HTMLElement, { key: string; url: string }>();

/** Takes down an early paint that is not about `tabUrl` (the fragment aside); the app or the worker's answer paints next. */
export function withdrawEarlyCardUnlessFor(root: HTMLElement | null, tabUrl: string): void {
  const shown = root === null ? undefined : paintedCards.get(root);
  if (root === null || shown === undefined || root.firstChild === null || !mayPaintInto(root)) return;
  if (withoutFragment(shown.url) === withoutFragment(tabUrl)) return;
  root.replaceChildren();
  paintedCards.delete(root);
}

/**
 * Paints `card` into `root` (see paintEarlyGrade), `mark` naming the paint for the bench and
 * the tests; returns whether the root shows it.
 */
export function paintEarlyCard(root: HTMLElement | null, card: EarlyCard, mark: string = EARLY_GRADE_SHOWN_MARK): boolean {
  if (root === null || !mayPaintInto(root)) return false;
  const key = JSON.stringify(card);
  if (root.firstChild !== null && paintedCards.get(root)?.key === key) return true;
  paintedCards.set(root, { key, url: card.url });
  const doc = root.ownerDocument;
  const { grade } = card;

  const icon = doc.createElement('img');
  icon.src = '/icons/icon-32.png';
  icon.alt = '';
  icon.width = 20;
  icon.height = 20;
  const url = element(doc, 'p', 'url', [card.url]);
  url.title = card.url;
  const meta = element(doc, 'p', 'meta', [element(doc, 'span', `status status-${Math.floor(card.statusCode / 100)}xx`, [String(card.statusCode)])]);
  if (card.statusLine !== '') meta.append(element(doc, 'span', 'status-line', [card.statusLine]));
  meta.append(element(doc, 'span', `state state-${card.state}`, [card.state === 'loading' ? 'still loading' : card.state === 'error' ? 'failed' : 'loaded']));
  const letter = element(doc, 'div', 'grade-letter', [grade]);
  letter.setAttribute('aria-label', `Tabgrade grade ${grade}`);
  const gradeCard = element(doc, 'section', `grade-card grade-${grade.charAt(0).toLowerCase()}`, [
    letter,
    element(doc, 'div', null, [
      element(doc, 'p', 'grade-observatory', ['Observatory-compatible: ', element(doc, 'strong', null, [card.observatoryGrade]), ' · ', String(card.observatoryScore), element(doc, 'span', 'muted', ['/100'])]),
      element(doc, 'p', 'grade-caption', [
        `${card.testsPassed} of ${card.testsQuantity} Observatory tests passed · rules of MDN HTTP Observatory ${card.algorithm}${card.capped ? ' · capped by Tabgrade’s findings' : ''}`,
      ]),
    ]),
  ]);
  const main = element(doc, 'main', 'tabgrade', [
    element(doc, 'header', 'masthead', [icon, element(doc, 'h1', null, ['Tabgrade'])]),
    element(doc, 'div', 'capture', [element(doc, 'section', 'summary', [url, meta]), gradeCard]),
  ]);
  main.setAttribute(EARLY_PAINT_ATTRIBUTE, '');
  root.replaceChildren(main);
  const view = doc.defaultView;
  view?.requestAnimationFrame(() => {
    // Only if this paint is what the frame shows (the app may have replaced it already).
    if (!main.isConnected) return;
    for (const name of new Set([EARLY_GRADE_SHOWN_MARK, mark])) {
      if (view.performance.getEntriesByName(name).length === 0) view.performance.mark(name);
    }
  });
  return true;
}
