/**
 * `tabgrade grade` on a big HAR: a generated 50 MB Chrome HAR (one page, about 2,000 entries
 * with their bodies: base64 images and fonts, JavaScript bundles up to 2 MB, stylesheets,
 * JSON), written into a temporary folder when the bench starts (scripts/lib/big-har.mjs).
 *
 *   npx vitest bench --run --project unit test/bench/har-import.bench.ts
 *   BENCH_HAR_MB=200 npx vitest bench --run --project unit test/bench/har-import.bench.ts
 *
 * Targets for 50 MB: under 3 s and 400 MB of memory for the whole CLI run; 200 MB must not
 * run out of memory. The CLI is timed as a user runs it, in its own Node process, whose peak
 * resident set size (`process.resourceUsage().maxRSS`) a preloaded module prints on exit;
 * the line printed at the end gives both. The in-process bench splits reading from grading.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, bench, describe } from 'vitest';
import { writeBigHar } from '../../scripts/lib/big-har.mjs';
import { importHar } from '../../src/core/har';
import { parseHarBytes } from '../../src/core/har/read';
import { buildReport } from '../../src/core/report';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MEGABYTES = Number(process.env.BENCH_HAR_MB ?? 50);

const dir = mkdtempSync(join(tmpdir(), 'tabgrade-har-bench-'));
const harPath = join(dir, `big-${MEGABYTES}mb.har`);
const harBytes = writeBigHar(harPath, MEGABYTES);
const reportRss = join(dir, 'report-rss.mjs');
writeFileSync(reportRss, "import { writeSync } from 'node:fs';\nprocess.on('exit', () => writeSync(2, `\\nmax-rss-kb ${process.resourceUsage().maxRSS}\\n`));\n");
await build({ configFile: `${ROOT}vite.cli.config.ts`, root: ROOT, logLevel: 'silent' });

interface CliRun {
  ms: number;
  maxRssKb: number;
}
const runs: CliRun[] = [];

function gradeWithCli(): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', pathToFileURL(reportRss).href, `${ROOT}bin/tabgrade.js`, 'grade', harPath, '--format', 'json'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /max-rss-kb (\d+)/.exec(stderr);
      if (code !== 0 || rss === null) reject(new Error(`tabgrade grade exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ ms: performance.now() - started, maxRssKb: Number(rss[1]) });
    });
  });
}

afterAll(() => {
  const times = runs.map((run) => run.ms).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? NaN;
  const peak = Math.max(...runs.map((run) => run.maxRssKb));
  console.log(
    `\n${(harBytes / 1024 / 1024).toFixed(1)} MB HAR: tabgrade grade took ${(median / 1000).toFixed(2)} s (median of ${runs.length}), peak RSS ${(peak / 1024).toFixed(0)} MB — targets for 50 MB: 3 s, 400 MB\n`,
  );
  rmSync(dir, { recursive: true, force: true });
});

describe(`tabgrade grade on a generated ${MEGABYTES} MB HAR`, () => {
  bench('whole CLI run in its own process (read, import, grade, JSON report)', async () => {
    runs.push(await gradeWithCli());
  }, { iterations: 3, time: 0, warmupIterations: 0, warmupTime: 0 });

  const bytes = readFileSync(harPath);
  bench('in process: parseHarBytes alone', () => {
    parseHarBytes(bytes);
  }, { iterations: 5, time: 0, warmupIterations: 1, warmupTime: 0 });

  bench('in process: parseHarBytes + importHar + buildReport', () => {
    const imported = importHar(parseHarBytes(bytes));
    buildReport(imported.capture, { extraNotes: imported.warnings });
  }, { iterations: 5, time: 0, warmupIterations: 1, warmupTime: 0 });
});
