// @vitest-environment jsdom
/**
 * The grade the popup's early script paints before the modules run (src/popup/early-grade.ts):
 * the same letter, grade and score the app's grade card shows, from the same report, with
 * the app's markup around it; page text stays text; nothing is painted when the app would
 * not show a grade, or once the app has rendered.
 */
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { auditability } from '../../src/core/auditability';
import { emptyCapture, type HttpHeader, type PageCapture } from '../../src/core/capture';
import { buildReport } from '../../src/core/report';
import { GradeCard } from '../../src/popup/components/GradeCard';
import { paintCardFromAddress } from '../../src/popup/early-connection';
import { EARLY_GRADE_SHOWN_MARK, EARLY_PAINT_ATTRIBUTE, paintEarlyCard, paintEarlyGrade, withdrawEarlyCardUnlessFor } from '../../src/popup/early-grade';
import { EARLY_CARD_PARAM, earlyCardOf, earlyCardParam } from '../../src/shared/early-card';
import { GRADE_SHOWN_MARK } from '../../src/popup/paint-marks';
import type { TabStateMessage } from '../../src/shared/messages';

/** (test/helpers/fixtures.ts reads files, which this jsdom test cannot: the capture is built here.) */
function captureFrom({ url, headers }: { url: string; headers?: HttpHeader[] }): PageCapture {
  const capture = { ...emptyCapture({ navigationId: 'early', tabId: 7, url, startedAt: 1_700_000_000_000 }), state: 'complete' as const };
  if (headers === undefined) return capture;
  return { ...capture, document: { url, method: 'GET', statusCode: 200, statusLine: 'HTTP/1.1 200', headers, type: 'main_frame', timeStamp: 1_700_000_000_000, fromCache: false } };
}

function stateOf(capture: PageCapture): TabStateMessage {
  return { type: 'tab-state', tabId: 7, tabUrl: capture.url, auditability: auditability(capture.url), capture, report: buildReport(capture), enriching: false };
}

const headers = [
  { name: 'content-type', value: 'text/html' },
  { name: 'strict-transport-security', value: 'max-age=63072000' },
  { name: 'x-content-type-options', value: 'nosniff' },
];

function freshRoot(): HTMLElement {
  document.body.innerHTML = '<div id="app"></div>';
  return document.getElementById('app') as HTMLElement;
}

describe('the early grade', () => {
  it('uses the mark the bench and the app use', () => {
    expect(EARLY_GRADE_SHOWN_MARK).toBe(GRADE_SHOWN_MARK);
  });

  it('shows what the app’s grade card shows, in the app’s markup', () => {
    const state = stateOf(captureFrom({ url: 'https://shop.example/cart', headers }));
    const root = freshRoot();
    expect(paintEarlyGrade(root, state)).toBe(true);
    const early = root.querySelector('.grade-card') as HTMLElement;

    const app = document.createElement('div');
    render(h(GradeCard, { report: state.report! }), app);
    const card = app.querySelector('.grade-card') as HTMLElement;
    expect(early.className).toBe(card.className);
    for (const selector of ['.grade-letter', '.grade-observatory', '.grade-caption']) {
      expect(early.querySelector(selector)?.textContent, selector).toBe(card.querySelector(selector)?.textContent);
    }
    expect(early.querySelector('.grade-letter')?.getAttribute('aria-label')).toBe(`Tabgrade grade ${state.report!.verdict.grade}`);
    expect(root.querySelector('main.tabgrade > header.masthead h1')?.textContent).toBe('Tabgrade');
    expect(root.querySelector('.summary .url')?.textContent).toBe('https://shop.example/cart');
    expect(root.querySelector('.summary .status')?.textContent).toBe('200');
  });

  it('keeps page-controlled text as text', () => {
    const hostile = 'https://shop.example/<img src=x onerror=alert(1)>';
    const capture = captureFrom({ url: hostile, headers });
    const state = stateOf({ ...capture, document: { ...capture.document!, statusLine: '<b>OK</b>' } });
    const root = freshRoot();
    expect(paintEarlyGrade(root, state)).toBe(true);
    expect(root.querySelector('img[onerror], b')).toBeNull();
    expect(root.querySelector('.url')?.textContent).toBe(hostile);
    expect(root.querySelector('.status-line')?.textContent).toBe('<b>OK</b>');
  });

  it('paints nothing where the app would show no grade, or has rendered already', () => {
    const graded = stateOf(captureFrom({ url: 'https://shop.example/', headers }));
    const waiting = stateOf(captureFrom({ url: 'https://shop.example/' }));
    const cases: unknown[] = [
      { ...graded, report: null },
      { ...graded, capture: null },
      { ...graded, auditability: auditability('chrome://settings/') },
      waiting,
      { type: 'something-else' },
      null,
      'tab-state',
    ];
    for (const message of cases) {
      const root = freshRoot();
      expect(paintEarlyGrade(root, message), JSON.stringify(message)?.slice(0, 80)).toBe(false);
      expect(root.childNodes).toHaveLength(0);
    }
    const rendered = freshRoot();
    rendered.append(document.createElement('main'));
    expect(paintEarlyGrade(rendered, graded)).toBe(false);
    expect(paintEarlyGrade(null, graded)).toBe(false);
  });

  it('paints the same from the card in the popup’s address as from the worker’s answer', () => {
    const state = stateOf(captureFrom({ url: 'https://shop.example/<b>cart</b>', headers }));
    const fromAnswer = freshRoot();
    expect(paintEarlyGrade(fromAnswer, state)).toBe(true);
    const expected = fromAnswer.innerHTML;

    const card = earlyCardOf(state.capture, state.report);
    const param = card && earlyCardParam(card);
    expect(param).not.toBeNull();
    const fromAddress = freshRoot();
    paintCardFromAddress(document, `?${EARLY_CARD_PARAM}=${encodeURIComponent(param!)}`);
    expect(fromAddress.innerHTML).toBe(expected);
    expect(fromAddress.querySelector('b')).toBeNull();
  });

  it('paints nothing from an address without a valid card', () => {
    for (const search of ['', '?tab=3', `?${EARLY_CARD_PARAM}=%5B1%2C2%5D`, `?${EARLY_CARD_PARAM}=<script>`]) {
      const root = freshRoot();
      paintCardFromAddress(document, search);
      expect(root.childNodes, search).toHaveLength(0);
    }
  });

  it('repaints a card from the address when the worker’s answer differs, and never over the app', () => {
    const before = stateOf(captureFrom({ url: 'https://shop.example/', headers }));
    const after = stateOf(captureFrom({ url: 'https://shop.example/', headers: headers.slice(0, 1) }));
    const root = freshRoot();
    expect(paintEarlyCard(root, earlyCardOf(before.capture, before.report)!)).toBe(true);
    const beforeLetter = root.querySelector('.grade-letter')?.textContent;
    expect(beforeLetter).toBe(before.report!.verdict.grade);
    expect(paintEarlyGrade(root, after)).toBe(true);
    expect(root.querySelectorAll(`[${EARLY_PAINT_ATTRIBUTE}]`)).toHaveLength(1);
    expect(root.querySelector('.grade-letter')?.textContent).toBe(after.report!.verdict.grade);
    expect(after.report!.verdict.grade).not.toBe(beforeLetter);

    root.replaceChildren(document.createElement('main'));
    expect(paintEarlyGrade(root, before)).toBe(false);
    expect(root.querySelector('.grade-letter')).toBeNull();
  });

  it('takes a card down when the tab shows another page, and only then', () => {
    const state = stateOf(captureFrom({ url: 'https://shop.example/cart', headers }));
    const root = freshRoot();
    expect(paintEarlyCard(root, earlyCardOf(state.capture, state.report)!)).toBe(true);
    withdrawEarlyCardUnlessFor(root, 'https://shop.example/cart#reviews');
    expect(root.querySelector('.grade-letter')).not.toBeNull();
    withdrawEarlyCardUnlessFor(root, 'https://shop.example/checkout');
    expect(root.childNodes).toHaveLength(0);

    const app = freshRoot();
    app.append(document.createElement('main'));
    withdrawEarlyCardUnlessFor(app, 'https://elsewhere.example/');
    expect(app.childNodes).toHaveLength(1);
  });
});
