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
import type { TabStateMessage } from '../shared/messages';

/** Must equal GRADE_SHOWN_MARK (paint-marks.ts); a unit test checks it. */
export const EARLY_GRADE_SHOWN_MARK = 'tabgrade:grade-shown';
/** Set on what this paints (main.tsx replaces everything in the root anyway; this names it for tests). */
export const EARLY_PAINT_ATTRIBUTE = 'data-early-paint';

type Child = Node | string;

function element(doc: Document, tag: string, className: string | null, children: Child[] = []): HTMLElement {
  const node = doc.createElement(tag);
  if (className !== null) node.className = className;
  for (const child of children) node.append(child);
  return node;
}

/** The letter the app would show now, or null when its grade card would show none. */
function shownGrade(state: TabStateMessage): { grade: string; state: TabStateMessage } | null {
  const report = state.report;
  const capture = state.capture;
  if (!state.auditability?.auditable || capture === null || capture.document === null || capture.error !== null || report === null) return null;
  const status = report.observatory.status ?? 'graded';
  const grade = report.verdict.grade;
  if (grade === null || status === 'pending' || status === 'unavailable') return null;
  return { grade, state };
}

function isTabState(message: unknown): message is TabStateMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'tab-state';
}

/**
 * Paints the top of the popup into `root` from the worker's answer, once, and only while the
 * app has rendered nothing there; returns whether it painted.
 */
export function paintEarlyGrade(root: HTMLElement | null, message: unknown): boolean {
  if (root === null || root.firstChild !== null || !isTabState(message)) return false;
  let shown: ReturnType<typeof shownGrade>;
  try {
    shown = shownGrade(message);
  } catch {
    return false;
  }
  if (shown === null) return false;
  const doc = root.ownerDocument;
  const { grade } = shown;
  const capture = message.capture as NonNullable<TabStateMessage['capture']>;
  const document = capture.document as NonNullable<typeof capture.document>;
  const observatory = (message.report as NonNullable<TabStateMessage['report']>).observatory;
  const verdict = (message.report as NonNullable<TabStateMessage['report']>).verdict;

  const icon = doc.createElement('img');
  icon.src = '/icons/icon-32.png';
  icon.alt = '';
  icon.width = 20;
  icon.height = 20;
  const url = element(doc, 'p', 'url', [capture.url]);
  url.title = capture.url;
  const meta = element(doc, 'p', 'meta', [element(doc, 'span', `status status-${Math.floor(document.statusCode / 100)}xx`, [String(document.statusCode)])]);
  if (document.statusLine !== '') meta.append(element(doc, 'span', 'status-line', [document.statusLine]));
  meta.append(element(doc, 'span', `state state-${capture.state}`, [capture.state === 'loading' ? 'still loading' : capture.state === 'error' ? 'failed' : 'loaded']));
  const letter = element(doc, 'div', 'grade-letter', [grade]);
  letter.setAttribute('aria-label', `Tabgrade grade ${grade}`);
  const card = element(doc, 'section', `grade-card grade-${grade.charAt(0).toLowerCase()}`, [
    letter,
    element(doc, 'div', null, [
      element(doc, 'p', 'grade-observatory', ['Observatory-compatible: ', element(doc, 'strong', null, [String(observatory.grade)]), ' · ', String(observatory.score), element(doc, 'span', 'muted', ['/100'])]),
      element(doc, 'p', 'grade-caption', [
        `${observatory.testsPassed} of ${observatory.testsQuantity} Observatory tests passed · rules of MDN HTTP Observatory ${observatory.algorithm}${verdict.capped ? ' · capped by Tabgrade’s findings' : ''}`,
      ]),
    ]),
  ]);
  const main = element(doc, 'main', 'tabgrade', [
    element(doc, 'header', 'masthead', [icon, element(doc, 'h1', null, ['Tabgrade'])]),
    element(doc, 'div', 'capture', [element(doc, 'section', 'summary', [url, meta]), card]),
  ]);
  main.setAttribute(EARLY_PAINT_ATTRIBUTE, '');
  root.append(main);
  const view = doc.defaultView;
  view?.requestAnimationFrame(() => {
    if (view.performance.getEntriesByName(EARLY_GRADE_SHOWN_MARK).length === 0) view.performance.mark(EARLY_GRADE_SHOWN_MARK);
  });
  return true;
}
