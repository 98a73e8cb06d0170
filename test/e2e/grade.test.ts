/**
 * The grade, end to end: a loopback site with a known header set gets the grade the
 * Observatory's rules give it, in the real popup and on the toolbar badge; the extra
 * requests the grade needs reach the audited origin only; the origin's history shows what
 * changed after a server fix.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../../scripts/lib/chromium-path.mjs';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { html, startServer, type TestServer } from './support/server';
import { KNOWN_GRADE, KNOWN_HEADERS } from './cases/site';

let ext: ExtensionBrowser;
let site: TestServer;

const EXPECTED_RESULTS = KNOWN_GRADE.results;

let evolvingVisits = 0;

beforeAll(async () => {
  [ext, site] = await Promise.all([launchWithExtension(), startServer()]);
  site.route('/known', html('<!doctype html><title>Known</title><script src="/app.js"></script><h1>Known</h1>', KNOWN_HEADERS));
  site.route('/app.js', { headers: [['Content-Type', 'text/javascript']], body: '/* app */' });
  // Sets a session cookie without Secure over plain HTTP and sends no security header: F.
  site.route('/evolving-bad', html('<p>bad</p>', [['Set-Cookie', 'sessionid=abc; Path=/']]));
  site.route('/cors', (request) =>
    request.method === 'OPTIONS'
      ? { status: 204, headers: [['Access-Control-Allow-Origin', '*']] }
      : html('<p>cors</p>'),
  );
  // A server being fixed between two loads: the second load adds X-Frame-Options and nosniff.
  site.route('/evolving', () => {
    evolvingVisits++;
    return html('<p>evolving</p>', evolvingVisits === 1 ? [] : [['X-Frame-Options', 'SAMEORIGIN'], ['X-Content-Type-Options', 'nosniff']]);
  });
});

afterAll(async () => {
  await Promise.all([ext?.close(), site?.close()]);
});

async function visit(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(`${site.origin}${path}`, { waitUntil: 'load' });
  return { page, tabId: await ext.tabIdOf(page) };
}

async function results(popup: Page): Promise<Record<string, string>> {
  const rows = popup.getByTestId('test-row');
  const found: Record<string, string> = {};
  for (let index = 0; index < (await rows.count()); index++) {
    const row = rows.nth(index);
    found[(await row.getAttribute('data-test')) ?? ''] = (await row.getAttribute('data-result')) ?? '';
  }
  return found;
}

async function badgeText(tabId: number): Promise<string> {
  const worker = await ext.worker();
  return worker.evaluate(async (id) => {
    type ActionApi = { action: { getBadgeText(details: { tabId: number }): Promise<string> } };
    return (globalThis as unknown as { chrome: ActionApi }).chrome.action.getBadgeText({ tabId: id });
  }, tabId);
}

async function badgeColour(tabId: number): Promise<number[]> {
  const worker = await ext.worker();
  return worker.evaluate(async (id) => {
    type ActionApi = { action: { getBadgeBackgroundColor(details: { tabId: number }): Promise<number[]> } };
    return (globalThis as unknown as { chrome: ActionApi }).chrome.action.getBadgeBackgroundColor({ tabId: id });
  }, tabId);
}

describe('the grade', () => {
  it('gives a known header set the Observatory’s grade, result for result, in the popup and on the badge', async () => {
    const { page, tabId } = await visit('/known');
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => popup.getByTestId('grade').innerText()).toBe(KNOWN_GRADE.grade);
    expect(await popup.getByTestId('score').innerText()).toBe(KNOWN_GRADE.score);
    await expect.poll(() => results(popup)).toEqual(EXPECTED_RESULTS);
    // Biggest gains first: the two −20 tests lead the list.
    const first = await popup.getByTestId('test-row').first().getAttribute('data-test');
    expect(['redirection', 'strict-transport-security']).toContain(first);
    await expect.poll(() => badgeText(tabId)).toBe(KNOWN_GRADE.grade);
    await popup.close();
    await page.close();
  });

  it('colours the badge by grade, per tab, so switching tabs switches the badge', async () => {
    const good = await visit('/known');
    const bad = await visit('/evolving-bad');
    await expect.poll(() => badgeText(good.tabId)).toBe(KNOWN_GRADE.grade);
    await expect.poll(() => badgeText(bad.tabId)).toBe('F');
    const [goodColour, badColour] = await Promise.all([badgeColour(good.tabId), badgeColour(bad.tabId)]);
    // C band amber-brown (#7d4e00) and F red (#a40e26), as in the popup.
    expect(goodColour).toEqual([0x7d, 0x4e, 0x00, 255]);
    expect(badColour).toEqual([0xa4, 0x0e, 0x26, 255]);
    // Badges are per tab: bringing one tab to the front shows its own grade.
    await good.page.bringToFront();
    expect(await badgeText(good.tabId)).toBe(KNOWN_GRADE.grade);
    await bad.page.bringToFront();
    expect(await badgeText(bad.tabId)).toBe('F');
    await good.page.close();
    await bad.page.close();
  });

  it('grades a HAR recorded from the same page with the CLI, and prints the popup’s grade', async () => {
    // Record the visit the way a developer exports it from DevTools (headers and bodies).
    const folder = await mkdtemp(join(tmpdir(), 'tabgrade-har-'));
    const harPath = join(folder, 'known.har');
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS] });
    try {
      const context = await browser.newContext({ recordHar: { path: harPath, content: 'embed' } });
      const page = await context.newPage();
      await page.goto(`${site.origin}/known`, { waitUntil: 'load' });
      await context.close();
    } finally {
      await browser.close();
    }
    const bin = resolve(__dirname, '../../bin/tabgrade.js');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'grade', harPath, '--format', 'json']);
    const report = JSON.parse(stdout) as { grade: string; score: number; observatory: { grade: string; tests: Record<string, { result: string }> } };
    expect(report.grade).toBe(KNOWN_GRADE.grade);
    expect(report.observatory.grade).toBe(KNOWN_GRADE.grade);
    expect(report.score).toBe(Number(KNOWN_GRADE.score));
    expect(Object.fromEntries(Object.entries(report.observatory.tests).map(([name, test]) => [name, test.result]))).toEqual(EXPECTED_RESULTS);
    // And --min-grade turns the grade into an exit status for CI pipelines.
    await expect(promisify(execFile)(process.execPath, [bin, 'grade', harPath, '--min-grade', 'B'])).rejects.toMatchObject({ code: 1 });
    await rm(folder, { recursive: true, force: true });
  });

  it('reads the document as served and probes CORS on the audited origin only', async () => {
    const before = site.requests.length;
    const { page, tabId } = await visit('/cors');
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => results(popup).then((found) => found['cross-origin-resource-sharing'])).toBe(
      'cross-origin-resource-sharing-implemented-with-public-access',
    );
    const made = site.requests.slice(before);
    expect(made).toContain('OPTIONS /cors');
    // The popup reads the page as served (from the browser's cache when it has it).
    await expect.poll(() => popup.getByTestId('html-source').innerText()).toBe('HTML as served');
    expect(made.every((line) => line.endsWith(' /cors'))).toBe(true);
    await popup.close();
    await page.close();
  });

  it('remembers the origin’s audits and shows what improved after a server fix', async () => {
    const { page, tabId } = await visit('/evolving');
    await expect.poll(() => badgeText(tabId)).not.toBe('');
    // Let the first load's audit be recorded before reloading.
    await expect.poll(() => ext.worker().then((worker) => worker.evaluate(async () => {
      type StorageApi = { storage: { local: { get(key: null): Promise<Record<string, unknown>> } } };
      const all = await (globalThis as unknown as { chrome: StorageApi }).chrome.storage.local.get(null);
      return Object.keys(all).filter((key) => key.startsWith('history:')).length;
    }))).toBeGreaterThan(0);
    await page.reload({ waitUntil: 'load' });
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => popup.getByTestId('history-change').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('x-frame-options: x-frame-options-not-implemented → x-frame-options-sameorigin-or-deny')]),
    );
    expect(await popup.getByTestId('history-change').filter({ hasText: 'x-frame-options:' }).getAttribute('class')).toBe('improved');
    await popup.close();
    await page.close();
  });
});
