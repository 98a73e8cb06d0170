// What the two commands need from the system beyond `npm ci`, what each is for, where it is
// looked for and which Debian package provides it. One list for scripts/ensure-browsers.mjs
// (run first by `npm start` and `npm test`) and for the end-to-end tests, which fail with the
// same one line rather than skip when something is missing.
// Plain ES module (no TypeScript) because the scripts run it directly with Node; types are in
// system-requirements.d.mts.
import { existsSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import { findChromium } from './chromium-path.mjs';

/** Everything a tool needs to be found, installed and explained. */
export const TOOLS = {
  chromium: {
    title: 'Chromium',
    neededFor: 'the audit (npm start) and the Chromium tests',
    packages: ['chromium'],
    // Installed without Recommends (as CI does), Chromium renders text only with a font package.
    quietExtras: ['fonts-liberation'],
    env: 'CHROMIUM_PATH',
  },
  firefox: {
    title: 'Firefox ESR',
    neededFor: 'the Firefox tests',
    packages: ['firefox-esr'],
    quietExtras: [],
    env: 'FIREFOX_PATH',
  },
  openssl: {
    title: 'openssl',
    neededFor: 'the HTTPS test server',
    packages: ['openssl'],
    quietExtras: [],
    env: null,
  },
};

/** Which tools each job needs. */
export const NEEDED_BY = {
  start: ['chromium'],
  test: ['chromium', 'firefox', 'openssl'],
  e2e: ['chromium', 'firefox', 'openssl'],
  chromium: ['chromium'],
};

function isFile(path) {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(name, env, exists) {
  const dirs = (env.PATH ?? '').split(':').filter((dir) => dir !== '');
  return dirs.map((dir) => posix.join(dir, name)).find((path) => exists(path)) ?? null;
}

/** Where Debian's Firefox ESR or another Firefox is: the fixed paths first, then PATH. */
function findFirefox(env, exists) {
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((candidate) => exists(candidate)) ?? onPath('firefox-esr', env, exists) ?? onPath('firefox', env, exists);
}

/**
 * Looks for one tool: `{ ok: true, path }`, or `{ ok: false, misconfigured, message }` where
 * `misconfigured` means a path the user set (CHROMIUM_PATH, FIREFOX_PATH) does not exist:
 * installing a package would not help, the variable is wrong.
 */
export function findTool(name, { env = process.env, platform = process.platform, exists = isFile } = {}) {
  const tool = TOOLS[name];
  const chosen = tool.env === null ? '' : (env[tool.env] ?? '');
  if (name === 'chromium') {
    // chromium-path.mjs is the one answer to "which Chromium": CHROMIUM_PATH, then the usual places.
    const found = findChromium({ env, platform, exists });
    return found.ok ? { ok: true, path: found.path } : { ok: false, misconfigured: chosen !== '', message: chosen !== '' ? found.message : `${tool.title} is missing` };
  }
  if (chosen !== '') {
    return exists(chosen) ? { ok: true, path: chosen } : { ok: false, misconfigured: true, message: `no ${tool.title} at ${chosen} (${tool.env})` };
  }
  const path = name === 'firefox' ? findFirefox(env, exists) : (onPath('openssl', env, exists) ?? (exists('/usr/bin/openssl') ? '/usr/bin/openssl' : null));
  return path === null ? { ok: false, misconfigured: false, message: `${tool.title} is missing` } : { ok: true, path };
}

/** `sudo apt-get install -y chromium firefox-esr` (without `sudo` for root). */
export function installCommand(names, { root = false } = {}) {
  const packages = names.flatMap((name) => TOOLS[name].packages);
  return `${root ? '' : 'sudo '}apt-get install -y ${packages.join(' ')}`;
}

/** One line saying what is missing, what for, and the command that installs it. */
export function missingLine(names, { root = false, env = process.env } = {}) {
  const what = names.map((name) => `${TOOLS[name].title} (${TOOLS[name].neededFor})`).join(', ');
  const variables = names.map((name) => TOOLS[name].env).filter((variable) => variable !== null && !env[variable]);
  const orSet = variables.length === 0 ? '' : ` (or set ${variables.join(' / ')} to one you have)`;
  return `Tabgrade needs ${what}: run \`${installCommand(names, { root })}\`${orSet}`;
}

/**
 * What to do about `job`'s tools, as data: `{ kind: 'ready' }`; `{ kind: 'install', names,
 * packages }` when apt-get can install what is missing (running as root on Debian);
 * `{ kind: 'stop', line }` otherwise, with the one line that says what to run or to fix.
 */
export function setupPlan(job, { env = process.env, platform = process.platform, exists = isFile, root = false, aptGet = false } = {}) {
  const problems = NEEDED_BY[job].map((name) => ({ name, found: findTool(name, { env, platform, exists }) })).filter(({ found }) => !found.ok);
  if (problems.length === 0) return { kind: 'ready' };
  const misconfigured = problems.find(({ found }) => found.misconfigured);
  if (misconfigured !== undefined) return { kind: 'stop', line: `Tabgrade: ${misconfigured.found.message}; fix the variable or unset it` };
  const names = problems.map(({ name }) => name);
  if (root && aptGet && platform === 'linux') {
    return { kind: 'install', names, packages: names.flatMap((name) => [...TOOLS[name].packages, ...TOOLS[name].quietExtras]) };
  }
  return { kind: 'stop', line: missingLine(names, { root, env }) };
}

/**
 * For the end-to-end tests: the tool's path, or an Error whose message is the one line to act
 * on. Called when a suite's support module loads, so a missing browser fails the suite at once
 * instead of reporting its tests as skipped.
 */
export function requireTool(name, options = {}) {
  const found = findTool(name, options);
  if (found.ok) return found.path;
  const root = options.root ?? process.getuid?.() === 0;
  throw new Error(found.misconfigured ? `Tabgrade: ${found.message}; fix the variable or unset it` : missingLine([name], { ...options, root }));
}
