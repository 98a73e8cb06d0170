/**
 * Cases every supported browser must pass, written once and run by the Chromium and the
 * Firefox suites with their own driver.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { exportedText, type BrowserDriver, type PopupView } from '../support/driver';
import type { Grade } from '../../../src/core/checks/observatory/grade-types';
import { worseGrade } from '../../../src/core/grade-order';
import { KNOWN_GRADE, TLS_DAYS, TLS_ORGANISATION, type SharedSite } from './site';

async function headerPairs(popup: PopupView): Promise<Array<[string, string]>> {
  const texts = await popup.texts('header-row');
  // Each row renders as "name<TAB>value".
  return texts.map((row) => {
    const [name = '', ...value] = row.split('\t');
    return [name.trim(), value.join('\t').trim()];
  });
}

async function resultsOf(popup: PopupView): Promise<Record<string, string>> {
  const names = await popup.attributes('test-row', 'data-test');
  const results = await popup.attributes('test-row', 'data-result');
  return Object.fromEntries(names.map((name, index) => [name ?? '', results[index] ?? '']));
}

/**
 * Runs `check`; should it fail, the error also carries the notes the popup shows for test
 * `name` (why it read what it read: no HTML yet, the DOM rather than the HTML as served),
 * which is what a failure on a loaded CI machine needs to be told apart from a wrong result.
 */
async function withNotesOnFailure(popup: PopupView, name: string, check: () => Promise<unknown>): Promise<void> {
  try {
    await check();
  } catch (error) {
    const notes = await popup
      .evaluate((test: string) => Array.from(document.querySelectorAll(`[data-test="${test}"] .note`), (note) => note.textContent ?? ''), name)
      .catch((reason: unknown) => [`(the notes could not be read: ${String(reason)})`]);
    if (error instanceof Error) error.message += `\nNotes on ${name}: ${notes.length === 0 ? '(none)' : notes.join(' | ')}`;
    throw error;
  }
}

export function sharedCases(driver: () => BrowserDriver, shared: () => SharedSite): void {
  it('shows every response header as received, several Set-Cookie headers staying several', async () => {
    const { site } = shared();
    const page = await driver().open(`${site.origin}/tags`);
    const popup = await driver().popupFor(page);
    await expect.poll(() => popup.texts('final-url')).toEqual([`${site.origin}/tags`]);
    expect(await popup.texts('status')).toEqual(['200']);
    // The headers are in the details, which load just after the grade card.
    await expect.poll(async () => (await headerPairs(popup)).length, { timeout: 10_000 }).toBeGreaterThan(3);
    const rows = await headerPairs(popup);
    const cookies = rows.filter(([name]) => name.toLowerCase() === 'set-cookie').map(([, value]) => value);
    expect(cookies).toEqual(['sessionid=abc123; HttpOnly; Secure; SameSite=Lax; Path=/', 'csrftoken=xyz789; SameSite=Lax; Path=/']);
    const names = rows.map(([name]) => name.toLowerCase());
    expect(names.indexOf('x-frame-options')).toBeLessThan(names.lastIndexOf('set-cookie'));
    // Chromium keeps repeated header lines apart; Firefox joins them (except Set-Cookie) with
    // ", " before extensions see them. Either way both values arrive, in order.
    const custom = rows.filter(([name]) => name.toLowerCase() === 'x-custom-header').map(([, value]) => value);
    expect(custom.join(', ')).toBe('first, second');
    if (driver().name === 'chromium') expect(custom).toHaveLength(2);
    await popup.close();
    await page.close();
  });

  it('lists scripts and stylesheets with origin and SRI attributes, including a script added after load', async () => {
    const { site } = shared();
    const page = await driver().open(`${site.origin}/tags`);
    const popup = await driver().popupFor(page);
    // 3 external scripts (+1 injected 500 ms after load) and 4 resource links (the icon is not one).
    await expect.poll(() => popup.texts('tag-count'), { timeout: 10_000 }).toEqual(['8']);
    expect(await popup.texts('inline-scripts')).toEqual(['2']);
    const rows = await popup.texts('tag-row');
    const kinds = await popup.attributes('tag-row', 'data-origin-kind');
    const added = await popup.attributes('tag-row', 'data-added');
    const integrity = await popup.childTexts('tag-row', 'tag-integrity');
    const crossorigin = await popup.childTexts('tag-row', 'tag-crossorigin');
    const row = (fragment: string) => rows.findIndex((text) => text.includes(fragment));
    const lib = row('/cdn/lib.js');
    expect([kinds[lib], integrity[lib], crossorigin[lib], added[lib]]).toEqual(['cross', 'sha384-abc', 'anonymous', 'parser']);
    expect(integrity[row('/cdn/no-sri.js')]).toBe('—');
    expect(kinds[row(`${site.origin}/app.js`)]).toBe('same');
    expect(crossorigin[row('/cdn/font.woff2')]).toBe('(empty)');
    expect(added[row('/widget/jquery.js')]).toBe('added-after-load');
    await popup.close();
    await page.close();
  });

  it('shows the redirect chain across two origins with each status and Location', async () => {
    const { site, other } = shared();
    const page = await driver().open(`${site.origin}/start`);
    expect(page.url()).toBe(`${other.altOrigin}/final`);
    const popup = await driver().popupFor(page);
    await expect.poll(() => popup.texts('hop-status')).toEqual(['301', '302']);
    expect(await popup.texts('hop-location')).toEqual([`${other.altOrigin}/middle`, `${other.altOrigin}/final`]);
    expect(await popup.texts('final-url')).toEqual([`${other.altOrigin}/final`]);
    await expect.poll(() => headerPairs(popup)).toContainEqual(['Strict-Transport-Security', 'max-age=63072000']);
    await popup.close();
    await page.close();
  });

  it('grades a known header set exactly as the Observatory’s rules do', async () => {
    const { site } = shared();
    const page = await driver().open(`${site.origin}/known`);
    const popup = await driver().popupFor(page);
    await expect.poll(() => popup.texts('grade')).toEqual([KNOWN_GRADE.grade]);
    expect(await popup.texts('score')).toEqual([KNOWN_GRADE.score]);
    // The SRI result waits for the page's HTML, which the worker reads just after the grade
    // first shows (the letter does not depend on it here).
    await withNotesOnFailure(popup, 'subresource-integrity', () =>
      expect.poll(() => resultsOf(popup), { timeout: 10_000 }).toEqual(KNOWN_GRADE.results),
    );
    await popup.close();
    await page.close();
  });

  it('shows the TLS connection and certificate where the browser shares them, and says so where it does not', async () => {
    const { secure } = shared();
    const page = await driver().open(`${secure.origin}/`);
    const popup = await driver().popupFor(page);
    if (driver().name === 'firefox') {
      await expect.poll(() => popup.texts('tls-protocol')).toEqual([expect.stringMatching(/^TLSv1\.[23]$/)]);
      expect((await popup.texts('tls-issuer'))[0]).toContain(TLS_ORGANISATION);
      expect((await popup.texts('tls-expiry'))[0]).toMatch(new RegExp(`\\(${TLS_DAYS - 1} days left\\)`));
      // Self-signed: the browser does not trust the chain, and Tabgrade says so.
      expect(await popup.texts('tls-trusted')).toEqual(['no']);
    } else {
      await expect.poll(() => popup.texts('tls-unavailable')).toEqual([expect.stringContaining('does not share the TLS connection')]);
    }
    await popup.close();
    await page.close();
  });

  it('caps the Tabgrade grade for the old jQuery a newsletter widget injects after load, in the popup and on the badge', async () => {
    const { site } = shared();
    const page = await driver().open(`${site.origin}/newsletter`);
    const popup = await driver().popupFor(page);
    // The widget adds jQuery one second after load; the main-world probe then finds it.
    await expect.poll(() => popup.attributes('cap', 'data-rule'), { timeout: 15_000 }).toContain('vulnerable-library-medium');
    const caps = await popup.texts('cap');
    const jqueryCap = caps.find((text) => text.includes('jQuery 1.12.4')) ?? '';
    expect(jqueryCap).toMatch(/Capped at B by jQuery 1\.12\.4 \(CVE-\d{4}-\d+/);
    expect(jqueryCap).toMatch(/update jQuery to 3\.\d+\.\d+/);
    // The injected script has no integrity either, and the Observatory never saw it.
    expect(await popup.attributes('cap', 'data-rule')).toContain('cross-origin-script-without-integrity');

    // The letter is the worse of the Observatory-compatible grade and every cap.
    const [letter] = await popup.texts('grade');
    const [observatory] = await popup.texts('observatory-grade');
    const capLetters = (await popup.attributes('cap', 'data-grade')).filter((grade): grade is Grade => grade !== null);
    expect(letter).toBe([observatory as Grade, ...capLetters].reduce(worseGrade));
    // On plain HTTP the transport tests hold the score down; in production the caps decide.
    expect(await popup.texts('projected-tabgrade')).toEqual(['B']);

    // The badge shows the same letter, and its tooltip the cap and its reason.
    const badge = () =>
      popup.evaluate(async () => {
        const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as {
          action: { getBadgeText(details: { tabId: number }): Promise<string>; getTitle(details: { tabId: number }): Promise<string> };
          tabs: { query(query: object): Promise<Array<{ id?: number; url?: string }>> };
        };
        // Chromium's popup is opened with ?tab=, Firefox's with ?url=.
        const params = new URLSearchParams(location.search);
        const tabId = params.has('tab') ? Number(params.get('tab')) : (await api.tabs.query({})).find((tab) => tab.url === params.get('url'))?.id;
        if (tabId === undefined) return { text: '', title: '' };
        return { text: await api.action.getBadgeText({ tabId }), title: await api.action.getTitle({ tabId }) };
      }, null);
    await expect.poll(async () => (await badge()).text, { timeout: 10_000 }).toBe(letter);
    await expect.poll(async () => (await badge()).title, { timeout: 10_000 }).toContain('Capped at B by jQuery 1.12.4');

    // The exports carry the same verdict, and the HAR round trip reaches it again with the CLI.
    const rules = await popup.attributes('cap', 'data-rule');
    const json = JSON.parse((await exportedText(popup, 'download-json')) ?? '{}') as { grade: string; tabgrade: { caps: Array<{ rule: string }> } };
    expect(json.grade).toBe(letter);
    expect(json.tabgrade.caps.map((cap) => cap.rule)).toEqual(rules);
    const har = (await exportedText(popup, 'download-har')) ?? '';
    const folder = await mkdtemp(join(tmpdir(), 'tabgrade-newsletter-'));
    try {
      await writeFile(join(folder, 'newsletter.har'), har);
      const bin = resolve(__dirname, '../../../bin/tabgrade.js');
      const { stdout } = await promisify(execFile)(process.execPath, [bin, 'grade', join(folder, 'newsletter.har'), '--format', 'json']);
      const regraded = JSON.parse(stdout) as { grade: string; tabgrade: { caps: Array<{ rule: string }> }; libraries: Array<{ name: string; version: string }> };
      expect(regraded.grade).toBe(letter);
      expect(regraded.tabgrade.caps.map((cap) => cap.rule)).toEqual(rules);
      expect(regraded.libraries.map((library) => `${library.name} ${library.version}`)).toContain('jQuery 1.12.4');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    await popup.close();
    await page.close();
  });

  it('grades twelve tests with the Observatory 1.7.0 rules, COOP and COEP bonuses counted, and the CLI agrees on the exported HAR', async () => {
    const { isolated } = shared();
    const page = await driver().open(`${isolated.origin}/`);
    const popup = await driver().popupFor(page);
    await expect.poll(() => popup.attributes('test-row', 'data-test'), { timeout: 10_000 }).toHaveLength(12);
    // The extra requests (the http:// probe) settle the redirection result: wait for them.
    await expect.poll(() => popup.texts('enriching'), { timeout: 15_000 }).toEqual([]);
    const results = await resultsOf(popup);
    expect(results['cross-origin-opener-policy']).toBe('coop-implemented-with-same-origin');
    expect(results['cross-origin-embedder-policy']).toBe('coep-implemented-with-require-corp');
    // Nothing costs points here, so every bonus counts: none is shown as withheld.
    expect(await popup.texts('bonus-withheld')).toEqual([]);
    const [score] = await popup.texts('score');
    expect(Number(score)).toBeGreaterThanOrEqual(120);
    const [letter] = await popup.texts('observatory-grade');
    expect(letter).toBe('A+');

    const har = (await exportedText(popup, 'download-har')) ?? '';
    const folder = await mkdtemp(join(tmpdir(), 'tabgrade-isolated-'));
    try {
      await writeFile(join(folder, 'isolated.har'), har);
      const bin = resolve(__dirname, '../../../bin/tabgrade.js');
      const { stdout } = await promisify(execFile)(process.execPath, [bin, 'grade', join(folder, 'isolated.har'), '--format', 'json']);
      const regraded = JSON.parse(stdout) as { score: number; observatory: { grade: string; testsQuantity: number; tests: Record<string, { result: string; scoreModifier: number }> } };
      expect(regraded.observatory).toMatchObject({ grade: letter, testsQuantity: 12 });
      expect(regraded.score).toBe(Number(score));
      // Every modifier counted, the two isolation bonuses among them.
      const modifiers = Object.values(regraded.observatory.tests).map((test) => test.scoreModifier);
      expect(regraded.score).toBe(100 + modifiers.reduce((sum, modifier) => sum + modifier, 0));
      expect([regraded.observatory.tests['cross-origin-opener-policy']?.scoreModifier, regraded.observatory.tests['cross-origin-embedder-policy']?.scoreModifier]).toEqual([10, 10]);
      expect(Object.fromEntries(Object.entries(regraded.observatory.tests).map(([name, test]) => [name, test.result]))).toEqual(results);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    await popup.close();
    await page.close();
  });
}
