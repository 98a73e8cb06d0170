#!/usr/bin/env node
// Launcher for the tabgrade CLI. The TypeScript sources are bundled into
// dist-cli/tabgrade.mjs by `npm run build` (or `npm run build:cli` alone);
// this file only loads that bundle and hands it the arguments.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist-cli/tabgrade.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('tabgrade: the CLI is not built yet; run `npm run build` in the Tabgrade folder first\n');
  process.exit(2);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
