/**
 * The popup as a developer lives in it (Chromium): findings grouped with fixes for the
 * detected stack, the filter, exports that parse and re-grade, and hostile pages that cannot
 * inject markup or break an export.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { html, startServer, type TestServer } from './support/server';
import { reportSchemaErrors } from '../helpers/report-schema';
import { NOT_FOUND_PROBE_PATH } from '../../src/core/probe-plan';
import { EARLY_CARD_PARAM, earlyCardFromSearch } from '../../src/shared/early-card';
import { EARLY_CARD_PAINTED_MARK } from '../../src/popup/early-grade';

let ext: ExtensionBrowser;
let site: TestServer;
let folder: string;
/** The Cookie header of each request the debug-page probe made (null when none was sent). */
const probeCookies: Array<string | null> = [];

const HOSTILE = '<img src=x onerror="document.title=\'pwned\'"></script>|`**[x](javascript:alert(1))**`\n- [ ] injected';
/** HTTP field values cannot hold a line break; the rest of the payload goes into headers as is. */
const HOSTILE_FIELD = HOSTILE.replace('\n', ' ');

beforeAll(async () => {
  [ext, site] = await Promise.all([launchWithExtension(), startServer()]);
  folder = await mkdtemp(join(tmpdir(), 'tabgrade-popup-'));
  // A Django app behind Apache, as our typical user runs it.
  site.route('/django', html('<!doctype html><title>Shop</title><h1>Shop</h1>', [
    ['Server', 'Apache/2.4.53 (Ubuntu)'],
    ['X-Frame-Options', 'DENY'],
    ['Public-Key-Pins', 'pin-sha256="abc"; max-age=100'],
    ['Set-Cookie', 'csrftoken=Jx8dA1Qw; SameSite=Lax; Path=/'],
    ['Set-Cookie', 'sessionid=k2l9q7zz; HttpOnly; SameSite=Lax; Path=/'],
  ]));
  // Django's technical 404 page (DEBUG = True), for the opt-in debug-page probe.
  const debug404 = await readFile(resolve(__dirname, '../fixtures/html/tabgrade/debug-page-django-404.html'), 'utf8');
  site.route(NOT_FOUND_PROBE_PATH, (request) => {
    probeCookies.push(request.headers.cookie ?? null);
    return { status: 404, headers: [['Content-Type', 'text/html; charset=utf-8']], body: debug404 };
  });
  site.route('/hostile', html(`<!doctype html><title>x</title><script src="http://localhost:${site.port}/${encodeURIComponent(HOSTILE)}.js" integrity="${HOSTILE.slice(0, 40)}"></script>`, [
    ['X-Evil', HOSTILE_FIELD],
    ['Content-Security-Policy', `default-src 'self' ${'x'.repeat(100_000)}; script-src ${HOSTILE_FIELD}`],
    ['Set-Cookie', `sessionid=${'s'.repeat(40)}; Path=/`],
  ]));
});

afterAll(async () => {
  await Promise.all([ext?.close(), site?.close(), rm(folder, { recursive: true, force: true })]);
});

async function popupFor(path: string): Promise<{ page: Page; popup: Page }> {
  const page = await ext.context.newPage();
  await page.goto(`${site.origin}${path}`, { waitUntil: 'load' });
  const popup = await ext.openPopup(await ext.tabIdOf(page));
  await popup.getByTestId('grade-card').waitFor();
  // The details (tests, findings, headers, exports) load just after the grade card.
  await popup.getByTestId('tests').waitFor();
  await popup.getByTestId('header-row').first().waitFor();
  return { page, popup };
}

async function download(popup: Page, testId: string): Promise<string> {
  const [file] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId(testId).click()]);
  const path = join(folder, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

describe('the popup (Chromium)', () => {
  it('groups Tabgrade’s findings and writes the fix for the detected stack', async () => {
    const { page, popup } = await popupFor('/django');
    const server = popup.locator('[data-testid="finding"][data-finding="server-version-disclosed"]');
    await expect.poll(() => server.count()).toBe(1);
    expect(await server.getAttribute('data-severity')).not.toBeNull();
    expect(await popup.locator('[data-testid="finding-group"][data-group="server"] [data-finding="server-version-disclosed"]').count()).toBe(1);
    // Public-Key-Pins is reported as deprecated, never demanded.
    expect(await popup.locator('[data-finding="hpkp-deprecated"]').count()).toBe(1);
    // The CSRF cookie is never told to add HttpOnly.
    const csrfAdvice = await popup.locator('[data-testid="finding"]', { hasText: 'csrftoken' }).allInnerTexts();
    expect(csrfAdvice.join(' ')).not.toMatch(/HttpOnly/i);
    // Layers detected from the response: Django (cookies) as the application, Apache as the
    // server; each finding shows the fix of the layer that can make it, without switching.
    expect(await popup.getByTestId('detected-stack').innerText()).toMatch(/Django/);
    expect(await popup.getByTestId('stack-picker-application').inputValue()).toBe('django');
    expect(await popup.getByTestId('stack-picker-server').inputValue()).toBe('apache');
    await server.locator('summary').click();
    await expect.poll(() => server.getByTestId('fix-code').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('ServerTokens Prod')]));
    expect(await server.locator('[data-testid="fix"]').evaluateAll((fixes) => fixes.map((fix) => fix.getAttribute('data-stack')))).toEqual(['apache']);
    // A correction of one layer is remembered for the site: nginx's line replaces Apache's.
    await popup.getByTestId('stack-picker-server').selectOption('nginx');
    await expect.poll(() => server.getByTestId('fix-code').allInnerTexts()).toEqual([expect.stringContaining('server_tokens off')]);
    await popup.close();
    const again = await popupFor('/django');
    await expect.poll(() => again.popup.getByTestId('stack-picker-server').inputValue()).toBe('nginx');
    expect(await again.popup.getByTestId('stack-picker-application').inputValue()).toBe('django');
    await again.popup.getByTestId('stack-picker-server').selectOption('apache');
    await again.popup.close();
    await again.page.close();
    await page.close();
  });

  it('asks for a page that does not exist only once the user opts the site in, without cookies, and reports the debug 404 page', async () => {
    const { page, popup } = await popupFor('/django');
    const probePath = `GET ${NOT_FOUND_PROBE_PATH}`;
    expect(site.requests.filter((line) => line === probePath)).toEqual([]);
    await popup.getByTestId('debug-probe-toggle').check();
    const finding = popup.locator('[data-testid="finding"][data-finding="debug-page-django"]');
    await expect.poll(() => finding.count(), { timeout: 15_000 }).toBe(1);
    expect(site.requests.filter((line) => line === probePath)).toHaveLength(1);
    // The site set cookies on /django; the probe carried none of them.
    expect(probeCookies).toEqual([null]);
    // The deploy checklist now confirms DEBUG from outside.
    expect(await popup.locator('[data-testid="checklist-item"][data-id="security.W018"]').getAttribute('data-status')).toBe('confirmed');
    await popup.getByTestId('debug-probe-toggle').uncheck();
    await popup.close();
    await page.close();
  });

  it('filters results, findings and headers', async () => {
    const { page, popup } = await popupFor('/django');
    const before = await popup.getByTestId('header-row').count();
    await popup.getByTestId('filter').fill('server');
    await expect.poll(() => popup.getByTestId('header-row').allInnerTexts()).toEqual([expect.stringContaining('Apache/2.4.53')]);
    expect(before).toBeGreaterThan(3);
    expect(await popup.getByTestId('test-row').count()).toBeLessThan(10);
    await popup.close();
    await page.close();
  });

  it('exports JSON, Markdown, SARIF and HAR that parse, leave secrets out, and re-grade the same', async () => {
    const { page, popup } = await popupFor('/django');
    const grade = await popup.getByTestId('grade').innerText();
    const json = JSON.parse(await readFile(await download(popup, 'download-json'), 'utf8')) as { grade: string; schemaVersion: number; url: string; observatory: { grade: string } };
    expect(json.grade).toBe(grade);
    expect(json.observatory.grade).toBe(await popup.getByTestId('observatory-grade').innerText());
    expect(json.schemaVersion).toBe(2);
    expect(reportSchemaErrors(json)).toEqual([]);
    const sarif = JSON.parse(await readFile(await download(popup, 'download-sarif'), 'utf8')) as { version: string; runs: Array<{ properties: { tabgradeGrade: string } }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.properties.tabgradeGrade).toBe(grade);
    const markdown = await readFile(await download(popup, 'download-markdown'), 'utf8');
    expect(markdown).toMatch(/^- \[ \] /m);
    expect(markdown).toContain(grade);
    const harPath = await download(popup, 'download-har');
    const har = await readFile(harPath, 'utf8');
    expect(har).not.toContain('k2l9q7zz');
    expect(har).not.toContain('Jx8dA1Qw');
    const bin = resolve(__dirname, '../../bin/tabgrade.js');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'grade', harPath, '--format', 'json']);
    expect((JSON.parse(stdout) as { grade: string }).grade).toBe(grade);
    // With the box ticked, the values are kept for the user's own debugging.
    await popup.getByTestId('include-secrets').check();
    expect(await readFile(await download(popup, 'download-har'), 'utf8')).toContain('k2l9q7zz');
    await popup.close();
    await page.close();
  });

  it('keeps a hostile page’s text as text in the popup and in the Markdown export', async () => {
    const { page, popup } = await popupFor('/hostile');
    await expect.poll(() => popup.getByTestId('header-row').filter({ hasText: 'X-Evil' }).count()).toBe(1);
    expect(await popup.locator('img[src="x"]').count()).toBe(0);
    expect(await popup.title()).toBe('Tabgrade');
    const markdown = await readFile(await download(popup, 'download-markdown'), 'utf8');
    // The page cannot add checklist items or links of its own.
    expect(markdown).not.toMatch(/^\s*- \[ \] injected/m);
    expect(markdown).not.toMatch(/\]\(javascript:/);
    const path = join(folder, 'hostile.md');
    await writeFile(path, markdown);
    await popup.close();
    await page.close();
  });

  it('opens at the address the worker set for the tab, painting its grade card from there, and no card outlives its page', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${site.origin}/django`, { waitUntil: 'load' });
    const tabId = await ext.tabIdOf(page);
    const sw = await ext.worker();
    type ActionApi = { action: { getPopup(details: { tabId: number }): Promise<string> } };
    const popupAddress = (): Promise<string> => sw.evaluate((id) => (globalThis as unknown as { chrome: ActionApi }).chrome.action.getPopup({ tabId: id }), tabId);
    const cardNow = async (): Promise<ReturnType<typeof earlyCardFromSearch>> => earlyCardFromSearch(new URL(await popupAddress()).search);
    await expect.poll(popupAddress, { timeout: 10_000 }).toContain(`?${EARLY_CARD_PARAM}=`);
    const address = await popupAddress();
    const card = earlyCardFromSearch(new URL(address).search);
    expect(card?.url).toBe(page.url());

    // What a click opens (`tab=`: this popup is a tab of its own, which would be the active one).
    const popup = await ext.context.newPage();
    await popup.goto(`${address}&tab=${tabId}`);
    await popup.getByTestId('tests').waitFor();
    // Painted from the address (whether a frame showed it before the app replaced it is the bench's business).
    expect(await popup.evaluate((name) => performance.getEntriesByName(name).length, EARLY_CARD_PAINTED_MARK)).toBe(1);
    // The app, rendered from the worker's report, shows the letter the card showed.
    expect(await popup.getByTestId('grade-card').locator('.grade-letter').textContent()).toBe(card?.grade);
    await popup.close();

    // The tab's next page gets its own card. (A report for the previous page that was already
    // on its way can still land just after the browser reset the popup; the popup then takes
    // that card down itself when the active tab's address differs: early-grade.test.ts.)
    await page.goto(`${site.origin}/hostile`, { waitUntil: 'commit' });
    await expect.poll(async () => (await cardNow())?.url, { timeout: 10_000 }).toBe(page.url());
    await page.close();
  });
});
