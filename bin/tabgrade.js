#!/usr/bin/env node
// Launcher for the tabgrade CLI. The TypeScript sources are bundled into
// dist-cli/tabgrade.mjs by `npm run build` (or `npm run build:cli` alone); this file loads
// that bundle and hands it the arguments. `--help` and `--version` are answered here, from
// the same text the bundle prints (src/cli/help.mjs), so they work before any build.
import { existsSync, readFileSync } from 'node:fs';
import { HELP, infoRequested, versionText } from '../src/cli/help.mjs';

const args = process.argv.slice(2);
const info = infoRequested(args);
if (info === 'help') {
  process.stdout.write(HELP);
} else if (info === 'version') {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(versionText(version));
} else {
  const bundle = new URL('../dist-cli/tabgrade.mjs', import.meta.url);
  if (!existsSync(bundle)) {
    process.stderr.write('tabgrade: the CLI is not built yet; run `npm run build` in the Tabgrade folder first (tabgrade --help works without it)\n');
    process.exit(2);
  }
  const { main } = await import(bundle.href);
  process.exitCode = await main(args);
}
