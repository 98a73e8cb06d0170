#!/usr/bin/env node
/**
 * Converts retire.js's vulnerability repository into the compact JSON the extension bundles.
 *
 *   node scripts/convert-retire.mjs                    # convert, reusing the recorded release lists
 *   node scripts/convert-retire.mjs --refresh-releases # also ask npm for the libraries' releases
 *
 * Input:  src/core/data/retirejs/jsrepository-v5.json (Apache-2.0; see LICENSE.md and SOURCE.md there)
 *         src/core/data/retire-releases.json          (stable releases per npm package, `npm view`)
 * Output: src/core/data/retire-libraries.json         (committed; imported by src/core/libraries/data.ts)
 *         src/core/data/retire-probe.json             (committed; the probe's facts, for the service worker,
 *                                                      which should not carry the whole vulnerability list)
 *
 * What is kept: per library, the URL and file-name extractors (with `§§version§§` expanded by
 * retire's own `replaceVersion`, so its `scanUri`/`scanFileName` can use them as they are), and
 * each vulnerability's range, severity, ids, summary and first advisory links. The `func`
 * extractors are JavaScript expressions: they are never evaluated. Only the simple dotted property
 * paths among them (`jQuery.ui.version`) are kept, as facts telling the main-world probe which
 * property holds a version. File-content regexes, hashes and AST queries are dropped: content
 * scans are not done (see src/core/libraries/README.md).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import retire from 'retire/lib/retire.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'src/core/data');
const REPOSITORY = join(DATA, 'retirejs/jsrepository-v5.json');
const RELEASES = join(DATA, 'retire-releases.json');
const OUTPUT = join(DATA, 'retire-libraries.json');
const PROBE_OUTPUT = join(DATA, 'retire-probe.json');
// File-content extractors, read only by the HAR importer (the CLI): the extension never scans bodies.
const CONTENT_OUTPUT = join(DATA, 'retire-filecontent.json');

/** Where the repository copy came from (SOURCE.md beside it says the same, in words). */
const SOURCE = {
  name: 'retire.js vulnerability repository',
  url: 'https://github.com/RetireJS/retire.js/blob/master/repository/jsrepository-v5.json',
  commit: 'fd8df0d6f1da46d4bc0446321395fcf708619e07',
  fileDate: '2026-08-20',
  licence: 'Apache-2.0',
  attribution: 'Copyright the RetireJS contributors (https://github.com/RetireJS/retire.js); see src/core/data/retirejs/LICENSE.md',
};

/**
 * retire component → npm package whose releases give "latest" and "fixed in". The repository's
 * own `npmname` is missing for several of these (lodash, vue, react…), so the table is ours.
 * Only the libraries the issue names (and react-dom, which React pages load beside react) are
 * looked up: asking the registry about all 76 would be a bulk look-up for little gain.
 */
const NPM_PACKAGES = {
  jquery: 'jquery',
  'jquery-ui': 'jquery-ui',
  'jquery-migrate': 'jquery-migrate',
  bootstrap: 'bootstrap',
  angularjs: 'angular',
  lodash: 'lodash',
  'moment.js': 'moment',
  handlebars: 'handlebars',
  DOMPurify: 'dompurify',
  vue: 'vue',
  react: 'react',
  'react-dom': 'react-dom',
};

/** Components that are not libraries: retire's own example, and its list of URLs to skip. */
const SKIPPED_COMPONENTS = new Set(['retire-example', 'dont check']);

/**
 * Probe paths the repository does not state (or states under a name browsers never use):
 * the UMD globals of React and ReactDOM, lodash's `_`, Bootstrap 4/5's `bootstrap` global, and
 * plugins that hang off a jQuery copy. Each was read from the library's own build.
 */
const EXTRA_GLOBAL_PATHS = [
  ['react', 'React.version'],
  ['react-dom', 'ReactDOM.version'],
  ['bootstrap', 'bootstrap.Tooltip.VERSION'],
];
const EXTRA_JQUERY_PLUGIN_PATHS = [
  // jquery-migrate 1.x–3.x: `jQuery.migrateVersion = "1.4.1"`.
  ['jquery-migrate', 'migrateVersion'],
  // Bootstrap 3 and 4 register jQuery plugins whose constructor carries `VERSION`.
  ['bootstrap', 'fn.tooltip.Constructor.VERSION'],
];

const DOTTED_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/;
const STABLE_VERSION = /^\d+\.\d+\.\d+$/;
const EOL_SUMMARY = /end[- ]of[- ]life/i;
const SUMMARY_CHARS = 200;

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * The dotted property path a retire `func` expression reads, when it is nothing more than that
 * (`a.b.c`, or a `&&` chain ending in one). Anything else (calls, `||`, `require`) gives null.
 */
function dottedPath(expression) {
  const parts = expression.split('&&').map((part) => part.trim());
  const last = parts[parts.length - 1];
  return last !== undefined && DOTTED_PATH.test(last) ? last : null;
}

function compactVulnerability(vulnerability) {
  const identifiers = vulnerability.identifiers ?? {};
  const fullSummary = typeof identifiers.summary === 'string' ? identifiers.summary.trim().replace(/\s+/g, ' ') : '';
  // Some summaries are whole advisories; the popup shows one line and links to the rest.
  const summary = fullSummary.length > SUMMARY_CHARS ? `${fullSummary.slice(0, SUMMARY_CHARS - 1).trimEnd()}…` : fullSummary;
  const compact = {
    below: vulnerability.below,
    ...(vulnerability.atOrAbove !== undefined ? { atOrAbove: vulnerability.atOrAbove } : {}),
    ...(vulnerability.excludes !== undefined ? { excludes: vulnerability.excludes } : {}),
    severity: vulnerability.severity ?? 'medium',
    identifiers: {
      ...(identifiers.CVE !== undefined ? { CVE: identifiers.CVE } : {}),
      ...(identifiers.githubID !== undefined ? { githubID: identifiers.githubID } : {}),
      ...(summary !== '' ? { summary } : {}),
    },
  };
  // Advisory pages follow from CVE/GHSA ids (see src/core/libraries/advisory-links.ts); keep
  // a link from the data only for entries that have neither.
  const info = vulnerability.info ?? [];
  if (identifiers.CVE === undefined && identifiers.githubID === undefined && info.length > 0) compact.info = [info[0]];
  // retire flags end-of-life lines as low-severity "vulnerabilities"; they are reported as EOL.
  if (EOL_SUMMARY.test(fullSummary)) compact.eol = true;
  return compact;
}

function npmView(name) {
  const text = execFileSync('npm', ['view', name, 'dist-tags', 'versions', '--json'], { encoding: 'utf8', timeout: 60_000 });
  const parsed = JSON.parse(text);
  return {
    latest: parsed['dist-tags'].latest,
    stable: parsed.versions.filter((version) => STABLE_VERSION.test(version)),
  };
}

function refreshReleases() {
  const packages = {};
  for (const name of [...new Set(Object.values(NPM_PACKAGES))].sort()) {
    packages[name] = npmView(name);
    process.stdout.write(`  ${name}: latest ${packages[name].latest}, ${packages[name].stable.length} stable releases\n`);
  }
  const releases = {
    takenAt: new Date().toISOString().slice(0, 10),
    how: '`npm view <package> dist-tags versions --json`; only x.y.z (stable) versions are kept',
    packages,
  };
  writeFileSync(RELEASES, `${JSON.stringify(releases, null, 1)}\n`);
  return releases;
}

function convert(releases) {
  // retire's replaceVersion works on the JSON text, exactly as its CLI does.
  const repository = JSON.parse(retire.replaceVersion(readFileSync(REPOSITORY, 'utf8')));
  const components = {};
  const globalPaths = [];
  const jqueryPluginPaths = [];
  for (const [component, entry] of Object.entries(repository).sort(([a], [b]) => a.localeCompare(b))) {
    if (SKIPPED_COMPONENTS.has(component)) continue;
    const extractors = {};
    for (const kind of ['uri', 'filename']) {
      const patterns = entry.extractors?.[kind];
      if (Array.isArray(patterns) && patterns.length > 0) extractors[kind] = patterns;
    }
    components[component] = {
      ...(NPM_PACKAGES[component] !== undefined ? { npm: NPM_PACKAGES[component] } : {}),
      extractors,
      vulnerabilities: (entry.vulnerabilities ?? []).map(compactVulnerability),
    };
    for (const expression of entry.extractors?.func ?? []) {
      const path = dottedPath(expression);
      if (path === null) continue;
      if (path.startsWith('jQuery.')) jqueryPluginPaths.push([component, path.slice('jQuery.'.length)]);
      else globalPaths.push([component, path]);
    }
  }
  globalPaths.push(...EXTRA_GLOBAL_PATHS);
  jqueryPluginPaths.push(...EXTRA_JQUERY_PLUGIN_PATHS);
  return {
    source: { ...SOURCE, convertedAt: new Date().toISOString().slice(0, 10), converter: 'scripts/convert-retire.mjs', retireEngine: retire.version },
    releases: { takenAt: releases.takenAt, how: releases.how, packages: releases.packages },
    components,
    probe: { globalPaths, jqueryPluginPaths },
  };
}


/** Per library kept, retire's `filecontent` and `filecontentreplace` patterns (versions expanded). */
function contentExtractors(kept) {
  const repository = JSON.parse(retire.replaceVersion(readFileSync(REPOSITORY, 'utf8')));
  const components = {};
  for (const component of Object.keys(kept)) {
    const extractors = {};
    for (const kind of ['filecontent', 'filecontentreplace']) {
      const patterns = repository[component]?.extractors?.[kind];
      if (Array.isArray(patterns) && patterns.length > 0) extractors[kind] = patterns;
    }
    if (Object.keys(extractors).length > 0) components[component] = extractors;
  }
  return { source: { ...SOURCE, converter: 'scripts/convert-retire.mjs' }, components };
}

const releases = process.argv.includes('--refresh-releases') ? refreshReleases() : readJson(RELEASES);
const { probe: probePaths, ...output } = convert(releases);
writeFileSync(OUTPUT, `${JSON.stringify(output)}\n`);
const probe = {
  source: { name: output.source.name, fileDate: output.source.fileDate, converter: output.source.converter },
  components: Object.keys(output.components),
  ...probePaths,
};
writeFileSync(PROBE_OUTPUT, `${JSON.stringify(probe, null, 1)}\n`);
writeFileSync(CONTENT_OUTPUT, `${JSON.stringify(contentExtractors(output.components))}\n`);
const size = Buffer.byteLength(JSON.stringify(output));
process.stdout.write(`wrote ${OUTPUT} (${Object.keys(output.components).length} libraries, ${(size / 1024).toFixed(1)} KiB) and ${PROBE_OUTPUT}\n`);
