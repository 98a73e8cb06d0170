// The main job, shown end to end (`npm start`, `npm run demo`): serves a small demo site on
// loopback (a Django-on-Apache shop with typical gaps) and runs `tabgrade audit` on it, which
// opens it in headless Chromium with the built extension loaded and prints the grade.
// Options:
//   --url <url>               audit this page instead of the demo site (e.g. http://localhost:8000/)
//   --screenshot <file.png>   also save a picture of the extension's popup for the page
//   --headed                  also open the popup in a visible browser (needs a display) and keep it open
// Any other option goes to `tabgrade audit` (e.g. --format markdown, --min-grade B, --har page.har).
// Only the report goes to standard output (scripts/lib/demo-run.mjs).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runDemo } from './lib/demo-run.mjs';

const bundle = resolve(import.meta.dirname, '../dist-cli/tabgrade.mjs');
if (!existsSync(bundle)) {
  process.stderr.write('demo: the CLI is not built yet; run `npm run build` first (npm start does)\n');
  process.exit(2);
}
const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await runDemo(process.argv.slice(2), { main, stderr: (text) => process.stderr.write(text) });
