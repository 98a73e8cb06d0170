// Renders icons/tabgrade.svg to the PNG sizes the manifest lists, with the same headless
// Chromium the tests use. Run after editing the SVG: `node scripts/render-icons.mjs`.
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromiumPath } from './lib/chromium-path.mjs';

const svg = await readFile(new URL('../icons/tabgrade.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  for (const size of [16, 32, 48, 128]) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace('width="128" height="128"', `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    await writeFile(new URL(`../icons/icon-${size}.png`, import.meta.url), png);
    console.log(`icons/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
