// Run first by `npm start` and `npm test` (and the other scripts that drive a browser):
// checks that the system has what the job needs (scripts/lib/system-requirements.mjs:
// Chromium for the audit and the Chromium tests, Firefox ESR for the Firefox tests, openssl
// for the HTTPS test server). When something is missing it installs it with apt-get if it
// can (root on Debian, as CI and fresh containers are), and otherwise stops at once with
// the one line to run. Silent when everything is there; every line it prints goes to
// standard error, so `npm start --silent -- --format json` stays clean JSON.
//
//   node scripts/ensure-browsers.mjs start|test|e2e|chromium
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { NEEDED_BY, setupPlan } from './lib/system-requirements.mjs';

const job = process.argv[2] ?? 'test';
if (!(job in NEEDED_BY)) {
  process.stderr.write(`ensure-browsers: unknown job '${job}' (use ${Object.keys(NEEDED_BY).join(', ')})\n`);
  process.exit(2);
}

const root = process.getuid?.() === 0;
const aptGet = existsSync('/usr/bin/apt-get');
const plan = setupPlan(job, { root, aptGet });

function stop(line) {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

if (plan.kind === 'stop') stop(plan.line);
if (plan.kind === 'install') {
  process.stderr.write(`Tabgrade: installing ${plan.packages.join(' ')} with apt-get (needed for ${job === 'start' ? 'the audit' : 'the tests'})\n`);
  const environment = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // apt-get's progress goes to standard error too: standard output is the report's.
  const run = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 2, 2], env: environment });
  // A fresh container has no package lists yet; offline, the lists it has may still do.
  run(['update', '-q']);
  run(['install', '-y', '-q', '--no-install-recommends', ...plan.packages]);
  // What counts is whether the tools are there now, whatever apt-get's exit status.
  const after = setupPlan(job, { root, aptGet: false });
  if (after.kind === 'stop') stop(`apt-get did not install everything (see its messages above). ${after.line}`);
}
