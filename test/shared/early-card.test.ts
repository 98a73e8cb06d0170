/**
 * The grade card carried in the popup's address (src/shared/early-card.ts): what the worker
 * writes reads back the same, anything else — a hand-edited address — reads as no card.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report';
import { EARLY_CARD_MAX_PARAM_LENGTH, EARLY_CARD_PARAM, earlyCardFromSearch, earlyCardOf, earlyCardParam, type EarlyCard } from '../../src/shared/early-card';
import { captureFrom } from '../helpers/fixtures';

const capture = captureFrom({
  url: 'https://shop.example/cart?q=1&r=<b>',
  headers: [
    { name: 'content-type', value: 'text/html' },
    { name: 'strict-transport-security', value: 'max-age=63072000' },
    { name: 'content-security-policy', value: "default-src 'self'" },
  ],
});
const report = buildReport(capture);

function searchOf(param: string): string {
  return `?tab=4&${EARLY_CARD_PARAM}=${encodeURIComponent(param)}`;
}

describe('the early card', () => {
  it('holds what the grade card shows, from the report', () => {
    const card = earlyCardOf(capture, report);
    expect(card).toEqual({
      url: capture.url,
      statusCode: capture.document!.statusCode,
      statusLine: capture.document!.statusLine,
      state: capture.state,
      grade: report.verdict.grade,
      observatoryGrade: report.observatory.grade,
      observatoryScore: report.observatory.score,
      testsPassed: report.observatory.testsPassed,
      testsQuantity: report.observatory.testsQuantity,
      algorithm: report.observatory.algorithm,
      capped: report.verdict.capped,
    });
  });

  it('is none without a graded document', () => {
    expect(earlyCardOf(null, report)).toBeNull();
    expect(earlyCardOf(capture, null)).toBeNull();
    const pending = { ...capture, document: null };
    expect(earlyCardOf(pending, buildReport(pending))).toBeNull();
    const failed = { ...capture, error: 'net::ERR_CONNECTION_RESET' };
    expect(earlyCardOf(failed, buildReport(failed))).toBeNull();
  });

  it('reads back from an address exactly as written', () => {
    const card = earlyCardOf(capture, report)!;
    const param = earlyCardParam(card);
    expect(param).not.toBeNull();
    expect(earlyCardFromSearch(searchOf(param!))).toEqual(card);
  });

  it('is not carried when the page address would make it too long', () => {
    const long = { ...earlyCardOf(capture, report)!, url: `https://shop.example/${'a'.repeat(EARLY_CARD_MAX_PARAM_LENGTH)}` };
    expect(earlyCardParam(long)).toBeNull();
  });

  it('reads anything but what the worker writes as no card', () => {
    const card = earlyCardOf(capture, report)!;
    const fields = JSON.parse(earlyCardParam(card)!) as unknown[];
    const tampered = (index: number, value: unknown): string => JSON.stringify(fields.map((field, at) => (at === index ? value : field)));
    const bad: string[] = [
      'not json',
      '{"url":"x"}',
      JSON.stringify(fields.slice(0, 10)),
      JSON.stringify([...fields, 'extra']),
      tampered(0, 42),
      tampered(1, 99),
      tampered(1, 200.5),
      tampered(3, 'unknown'),
      tampered(4, '<script>'),
      tampered(4, 'A++'),
      tampered(5, 'Z'),
      tampered(6, -5),
      tampered(7, (fields[8] as number) + 1),
      tampered(8, 1e9),
      tampered(10, 'yes'),
      JSON.stringify([...fields.slice(0, 2), 'x'.repeat(EARLY_CARD_MAX_PARAM_LENGTH), ...fields.slice(3)]),
    ];
    for (const param of bad) expect(earlyCardFromSearch(searchOf(param)), param.slice(0, 60)).toBeNull();
    expect(earlyCardFromSearch('')).toBeNull();
    expect(earlyCardFromSearch('?tab=4')).toBeNull();
  });

  it('keeps page text as it was, markup included (the popup sets it as text)', () => {
    const hostile: EarlyCard = { ...earlyCardOf(capture, report)!, url: 'https://x.example/"><img src=x onerror=alert(1)>', statusLine: 'HTTP/1.1 200 <b>OK</b>' };
    expect(earlyCardFromSearch(searchOf(earlyCardParam(hostile)!))).toEqual(hostile);
  });
});
