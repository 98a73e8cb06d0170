/**
 * Accessibility of the popup with axe-core, in light and dark themes, on a page with
 * failing tests and findings (so every kind of row is on screen). With
 * TABGRADE_SCREENSHOTS=1 the run also saves the README's light and dark screenshots.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { html, startServer, type TestServer } from './support/server';

let ext: ExtensionBrowser;
let site: TestServer;
let axeSource: string;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

beforeAll(async () => {
  [ext, site] = await Promise.all([launchWithExtension(), startServer()]);
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  site.route('/', html('<!doctype html><title>Shop</title><script src="http://localhost:' + site.port + '/lib.js"></script><h1>Shop</h1>', [
    ['Server', 'Apache/2.4.53 (Ubuntu)'],
    ['X-Powered-By', 'PHP/7.4.3'],
    ['X-XSS-Protection', '1; mode=block'],
    ['Set-Cookie', 'csrftoken=Jx8dA1; SameSite=Lax; Path=/'],
    ['Set-Cookie', 'sessionid=k2l9q7; Path=/'],
  ]));
  site.route('/lib.js', { headers: [['Content-Type', 'text/javascript']], body: '/* lib */' });
});

afterAll(async () => {
  await Promise.all([ext?.close(), site?.close()]);
});

describe('popup accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations in the ${scheme} theme`, async () => {
      const page = await ext.context.newPage();
      await page.goto(`${site.origin}/`, { waitUntil: 'load' });
      const popup = await ext.openPopup(await ext.tabIdOf(page));
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.setViewportSize({ width: 640, height: 900 });
      await popup.getByTestId('grade').waitFor();
      await popup.getByTestId('tests').waitFor();
      // Open one test and one finding so their contents are checked too.
      await popup.getByTestId('test-row').first().locator('summary').click();
      await popup.getByTestId('finding').first().locator('summary').click();
      // Evaluated through the DevTools protocol, so the popup's strict CSP does not block it.
      await popup.evaluate(axeSource);
      const violations = await popup.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.slice(0, 3).map((node) => ({ target: node.target })) }));
      });
      const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);
      if (process.env.TABGRADE_SCREENSHOTS === '1') {
        await popup.screenshot({ path: resolve(__dirname, `../../docs/popup-${scheme}.png`), fullPage: false });
      }
      await popup.close();
      await page.close();
    });
  }
});
