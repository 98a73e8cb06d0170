/**
 * The main-world probe, run the way `scripting.executeScript` runs it: its source text is
 * evaluated inside a page (jsdom here, real Chromium in the e2e test) that has loaded real
 * library builds from npm, and only its return value comes back.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { libraryProbe, type LibraryProbeResult } from '../../src/content/main-world-probe';
import { probeArguments } from '../../src/core/libraries/probe-spec';
import { parseProbeOutput } from '../../src/core/libraries/runtime-result';

const require = createRequire(import.meta.url);
const source = (path: string): string => readFileSync(require.resolve(path), 'utf8');

/** The little of jsdom used here (it ships no types; @types/jsdom is not installed). */
interface JsdomWindow {
  eval(code: string): unknown;
  close(): void;
}
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, options: Record<string, unknown>) => { window: JsdomWindow } };

const BUILDS = {
  jquery1: source('jquery-1.12.4/dist/jquery.min.js'),
  jquery3: source('jquery-3.7.1/dist/jquery.min.js'),
  migrate: source('jquery-migrate-1.4.1/dist/jquery-migrate.min.js'),
  ui: source('jquery-ui-1.13.1/ui/version.js'),
  bootstrap: source('bootstrap-3.4.1/dist/js/bootstrap.min.js'),
  lodash: source('lodash-4.17.15/lodash.min.js'),
  angular: source('angular-1.8.3/angular.min.js'),
  moment: source('moment-2.29.1/min/moment.min.js'),
  handlebars: source('handlebars-4.5.2/dist/handlebars.min.js'),
  dompurify: source('dompurify-2.0.12/dist/purify.min.js'),
  vue: source('vue-2.6.14/dist/vue.min.js'),
  react: source('react-16.14.0/umd/react.production.min.js'),
};

/** Loads scripts into a fresh page, then runs the probe from its source text. */
function probePage(...scripts: string[]): LibraryProbeResult {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'https://shop.example/', runScripts: 'outside-only', pretendToBeVisual: true });
  try {
    for (const script of scripts) dom.window.eval(script);
    const { globalPaths, jqueryPluginPaths } = probeArguments();
    const call = `(${libraryProbe.toString()})(${JSON.stringify(globalPaths)}, ${JSON.stringify(jqueryPluginPaths)})`;
    // executeScript hands the extension a structured copy of the value, never the page's own
    // objects (whose prototypes the page may have poisoned); a JSON round trip does the same.
    return JSON.parse(JSON.stringify(dom.window.eval(call))) as LibraryProbeResult;
  } finally {
    dom.window.close();
  }
}

function found(result: LibraryProbeResult): string[] {
  return result.hits.map(([component, version, via]) => `${component} ${version} ${via}`).sort();
}

describe('libraryProbe on real builds', () => {
  it('reads jQuery and its plugins (UI, Migrate, Bootstrap 3) per copy', () => {
    const result = probePage(BUILDS.jquery1, BUILDS.migrate, BUILDS.ui, BUILDS.bootstrap);
    expect(result.href).toBe('https://shop.example/');
    expect(found(result)).toEqual([
      'bootstrap 3.4.1 window.jQuery.fn.tooltip.Constructor.VERSION',
      'jquery 1.12.4 window.jQuery.fn.jquery',
      'jquery-migrate 1.4.1 window.jQuery.migrateVersion',
      'jquery-ui 1.13.1 window.jQuery.ui.version',
    ]);
  });

  it('reads the other libraries the issue names from their globals', () => {
    const result = probePage(BUILDS.lodash, BUILDS.angular, BUILDS.moment, BUILDS.handlebars, BUILDS.dompurify, BUILDS.vue, BUILDS.react);
    expect(found(result)).toEqual(
      expect.arrayContaining([
        'lodash 4.17.15 window._.VERSION',
        'angularjs 1.8.3 window.angular.version.full',
        'moment.js 2.29.1 window.moment.version',
        'handlebars 4.5.2 window.Handlebars.VERSION',
        'DOMPurify 2.0.12 window.DOMPurify.version',
        'vue 2.6.14 window.Vue.version',
        'react 16.14.0 window.React.version',
      ]),
    );
  });

  it('finds every jQuery copy: the site’s, and a widget’s kept under another name by noConflict', () => {
    const result = probePage(BUILDS.jquery3, 'window.siteJQ = jQuery;', BUILDS.jquery1, 'window.widgetJQ = jQuery.noConflict(true);');
    expect(found(result).filter((line) => line.startsWith('jquery '))).toEqual(['jquery 1.12.4 window.widgetJQ.fn.jquery', 'jquery 3.7.1 window.jQuery.fn.jquery']);
  });

  it('finds a copy one level down in a plain object, and a noConflict lodash', () => {
    const result = probePage(BUILDS.jquery1, 'window.Widget = { name: "w", $: jQuery.noConflict(true) };', BUILDS.lodash, 'window.lo = _.noConflict();');
    expect(found(result)).toEqual(['jquery 1.12.4 window.Widget.$.fn.jquery', 'lodash 4.17.15 window.lo.VERSION']);
  });
});

describe('libraryProbe on a hostile page', () => {
  it('ignores a fake jQuery object and survives throwing getters and proxies', () => {
    const result = probePage(
      BUILDS.jquery3,
      'window.realJQ = jQuery.noConflict(true);',
      'window.jQuery = { fn: { jquery: "<img src=x onerror=alert(1)>" } };',
      'Object.defineProperty(window, "$", { get() { throw new Error("gotcha"); } });',
      'window.angular = new Proxy({}, { get() { throw new Error("trap"); } });',
      'Object.defineProperty(window, "moment", { get() { throw new Error("no"); }, enumerable: true });',
    );
    expect(found(result)).toEqual(['jquery 3.7.1 window.realJQ.fn.jquery']);
  });

  it('a fake function with a fake version is reported as the page claims it (core validates it)', () => {
    const result = probePage('window.jQuery = function () {}; window.jQuery.fn = { jquery: "9.9.9<script>" };');
    const parsed = parseProbeOutput(result);
    expect(parsed?.hits).toEqual([{ component: 'jquery', version: '9.9.9<script>', via: 'window.jQuery.fn.jquery' }]);
  });

  it('does not use built-ins the page can replace to break it', () => {
    const result = probePage(
      BUILDS.jquery1,
      'Array.prototype.push = function () { throw new Error("push"); };',
      'String.prototype.split = function () { throw new Error("split"); };',
      'Array.prototype.join = function () { throw new Error("join"); };',
      'Array.prototype[Symbol.iterator] = function () { throw new Error("iterate"); };',
    );
    expect(found(result)).toEqual(['jquery 1.12.4 window.jQuery.fn.jquery']);
  });

  it('returns a partial answer when Object.keys is broken, and never walks huge objects', () => {
    const broken = probePage(BUILDS.jquery1, 'Object.keys = function () { throw new Error("keys"); };');
    expect(found(broken)).toEqual(['jquery 1.12.4 window.jQuery.fn.jquery']);
    const started = performance.now();
    const big = probePage('window.big = new Uint8Array(50000000); window.many = {}; for (let i = 0; i < 100000; i++) window.many["k" + i] = i;');
    expect(big.hits).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('caps long version strings and the number of hits', () => {
    const result = probePage(
      `window.jQuery = function () {}; window.jQuery.fn = { jquery: "${'1'.repeat(100)}" };`,
      'for (let i = 0; i < 300; i++) { const f = function () {}; f.fn = { jquery: "1." + i }; window["jq" + i] = f; }',
    );
    expect(result.hits.length).toBe(200);
    expect(result.hits.every(([, version]) => (version ?? '').length <= 64)).toBe(true);
  });

  it('returns only arrays of strings', () => {
    const result = probePage(BUILDS.jquery1, BUILDS.migrate);
    expect(Object.keys(result).sort()).toEqual(['hits', 'href', 'v']);
    expect(result.hits.every((entry) => Array.isArray(entry) && entry.length === 3 && entry.every((part) => typeof part === 'string'))).toBe(true);
  });
});
