import { describe, expect, it } from 'vitest';
import { gradeCapture } from '../../src/core/grade';
import { appendEntry, compareHistory, entryFromGrade, entryFromReport, historyUrl, originsToEvict, type HistoryEntry } from '../../src/core/history';
import { buildReport } from '../../src/core/report';
import { captureFrom } from '../helpers/fixtures';

function entry(navigationId: string, at: number, grade: string, results: Record<string, string>, score = 50): HistoryEntry {
  return { at, lastSeen: at, url: 'https://site.test/', navigationId, grade, score, results };
}

const modifiers: Record<string, number> = { 'xfo-missing': -20, 'xfo-deny': 5, 'hsts-missing': -20, 'hsts-ok': 0 };
const modifierOf = (_test: string, result: string) => modifiers[result];

describe('appendEntry', () => {
  it('collapses identical consecutive audits into one, updating lastSeen', () => {
    const first = entry('n1', 1000, 'D', { xfo: 'xfo-missing' });
    const again = entry('n2', 2000, 'D', { xfo: 'xfo-missing' });
    const entries = appendEntry([first], again);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.lastSeen).toBe(2000);
    expect(entries[0]?.at).toBe(1000);
  });

  it('replaces the entry of the same navigation graded again with more information', () => {
    const entries = appendEntry([entry('n1', 1000, 'D', { xfo: 'xfo-missing' })], entry('n1', 1500, 'C', { xfo: 'xfo-deny' }));
    expect(entries.map((item) => item.grade)).toEqual(['C']);
    expect(entries[0]?.at).toBe(1000);
  });

  it('keeps distinct outcomes and drops the oldest beyond the limit', () => {
    let entries: HistoryEntry[] = [];
    for (let index = 0; index < 5; index++) entries = appendEntry(entries, entry(`n${index}`, index, 'B', { x: String(index) }), 3);
    expect(entries.map((item) => item.navigationId)).toEqual(['n2', 'n3', 'n4']);
  });
});

describe('compareHistory', () => {
  const may3 = entry('n1', Date.UTC(2026, 4, 3), 'D-', { xfo: 'xfo-missing', hsts: 'hsts-missing' });
  const later = entry('n2', Date.UTC(2026, 4, 10), 'C', { xfo: 'xfo-missing', hsts: 'hsts-ok' });

  it('reports the first audit and what improved or regressed since the previous one', () => {
    const now = entry('n3', Date.UTC(2026, 5, 1), 'B+', { xfo: 'xfo-deny', hsts: 'hsts-missing' });
    const comparison = compareHistory([may3, later, now], now, modifierOf);
    expect(comparison?.first.grade).toBe('D-');
    expect(comparison?.previous?.navigationId).toBe('n2');
    expect(comparison?.changes).toEqual([
      { test: 'xfo', from: 'xfo-missing', to: 'xfo-deny', delta: 25, direction: 'improved' },
      { test: 'hsts', from: 'hsts-ok', to: 'hsts-missing', delta: -20, direction: 'regressed' },
    ]);
  });

  it('has nothing to compare on the first audit of an origin', () => {
    expect(compareHistory([may3], may3, modifierOf)).toBeNull();
    expect(compareHistory([], may3, modifierOf)).toBeNull();
  });
});

describe('originsToEvict', () => {
  it('drops the least recently audited origins beyond the limit', () => {
    const index = new Map([['https://a.test', 3], ['https://b.test', 1], ['https://c.test', 2]]);
    expect(originsToEvict(index, 2)).toEqual(['https://b.test']);
    expect(originsToEvict(index, 3)).toEqual([]);
  });
});

describe('both grades in the history', () => {
  const base = (navigationId: string, grade: string, tabgrade: string | undefined, caps: string[] | undefined): HistoryEntry => ({
    at: 1,
    lastSeen: 1,
    url: 'https://shop.test/',
    navigationId,
    grade,
    score: 80,
    ...(tabgrade === undefined ? {} : { tabgrade }),
    ...(caps === undefined ? {} : { caps }),
    results: {},
  });

  it('says which grade changed: the Tabgrade grade alone when only a cap went away', () => {
    const before = base('n1', 'B+', 'C', ['vulnerable-library-high']);
    const after = base('n2', 'B+', 'B+', []);
    const comparison = compareHistory([before, after], after, () => 0);
    expect(comparison?.gradeChanges).toEqual({ tabgrade: { from: 'C', to: 'B+' }, observatory: null });
    expect(comparison?.capChanges).toEqual({ added: [], removed: ['vulnerable-library-high'] });
  });

  it('says the Observatory-compatible grade changed when the headers did', () => {
    const before = base('n1', 'C', 'C', []);
    const after = base('n2', 'B+', 'B', ['vulnerable-library-medium']);
    const comparison = compareHistory([before, after], after, () => 0);
    expect(comparison?.gradeChanges).toEqual({ tabgrade: { from: 'C', to: 'B' }, observatory: { from: 'C', to: 'B+' } });
    expect(comparison?.capChanges.added).toEqual(['vulnerable-library-medium']);
  });

  it('reads an entry recorded before the Tabgrade grade as uncapped', () => {
    const before = base('n1', 'B+', undefined, undefined);
    const after = base('n2', 'B+', 'B+', []);
    expect(compareHistory([before, after], after, () => 0)?.gradeChanges).toEqual({ tabgrade: null, observatory: null });
  });

  it('does not collapse two audits whose Tabgrade grades differ', () => {
    const entries = appendEntry([base('n1', 'B+', 'C', ['vulnerable-library-high'])], base('n2', 'B+', 'B+', []));
    expect(entries.map((entry) => entry.tabgrade)).toEqual(['C', 'B+']);
  });
});

describe('history URLs', () => {
  const TOKEN = 'ONE-TIME-TOKEN-2b6f0c';
  const link = `https://site.test/login?once=${TOKEN}&next=/account#done`;

  it('keep the path and parameter names, never a query value', () => {
    expect(historyUrl(link)).toBe('https://site.test/login?once=REDACTED&next=REDACTED#done');
  });

  it('are what an entry of a page reached through a one-time link stores', () => {
    const capture = captureFrom({ url: link, headers: [{ name: 'X-Frame-Options', value: 'DENY' }] });
    const fromGrade = entryFromGrade(gradeCapture(capture), 'n1', 1000);
    const fromReport = entryFromReport(buildReport(capture, { now: 1000 }), 'n1', 1000);
    for (const stored of [fromGrade, fromReport]) {
      expect(stored?.url).toBe(historyUrl(link));
      expect(JSON.stringify(stored)).not.toContain(TOKEN);
    }
  });

  it('are cleaned when entries written by an older version are appended to', () => {
    const old = { ...entry('n1', 1000, 'D', { xfo: 'xfo-missing' }), url: link };
    const entries = appendEntry([old], { ...entry('n2', 2000, 'C', { xfo: 'xfo-deny' }), url: link });
    expect(entries).toHaveLength(2);
    expect(JSON.stringify(entries)).not.toContain(TOKEN);
    // A repeat collapses into the old entry and takes the new URL: cleaned as well.
    expect(JSON.stringify(appendEntry([old], { ...old, at: 3000, lastSeen: 3000, navigationId: 'n3', url: link }))).not.toContain(TOKEN);
  });
});
