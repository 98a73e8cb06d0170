import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import { retireEnginePlugin } from './scripts/lib/retire-engine-plugin.mjs';
import { classicScripts } from './scripts/lib/classic-scripts-plugin.mjs';
import { CONTENT_SCRIPT_FILE } from './src/background/content-script-file.ts';
import { HSTS_PRELOAD_FILE } from './src/background/hsts-preload-file.ts';
import { WORKER_CORE_FILE, WORKER_FILE } from './src/background/worker-files.ts';
import { hstsPreloadAsset } from './scripts/lib/hsts-preload-asset-plugin.mjs';
import { inlineStylesheets } from './scripts/lib/inline-css-plugin.mjs';

/**
 * One source manifest, two builds: `vite build` → dist/chrome, `vite build --mode firefox`
 * → dist/firefox. Firefox refuses a background service worker (it wants `background.scripts`)
 * and needs a gecko id; everything else is shared.
 *
 * The worker is not crxjs's to build: crxjs makes it a module worker, which cannot load code
 * after its start, and the worker loads its grading engine only when first asked for a
 * report (src/background/worker-core-loader.ts). So crxjs gets the manifest without
 * `background`, and the classic-scripts plugin builds the worker's two classic scripts and
 * writes `background` (below) into the built manifest.
 */
export const GECKO_ID = 'tabgrade@tabgrade.dev';

function withoutBackground<T extends { background?: unknown }>(source: T): Omit<T, 'background'> {
  const { background: _builtByClassicScripts, ...rest } = source;
  return rest;
}

function workerBackground(firefox: boolean): Record<string, unknown> {
  if (manifest.background.service_worker !== WORKER_FILE) throw new Error(`manifest.json: background.service_worker must be ${WORKER_FILE}`);
  // Firefox's background is an event page: it runs the same classic script, which adds the
  // engine as a script element when first needed.
  return firefox ? { scripts: [WORKER_FILE] } : { service_worker: WORKER_FILE };
}

export function firefoxManifest(source: typeof manifest): ManifestV3Export {
  const { minimum_chrome_version: _chromeOnly, ...rest } = withoutBackground(source);
  return {
    ...rest,
    // Firefox shares the TLS connection and certificate only with a blocking
    // onHeadersReceived listener (webRequest.getSecurityInfo); Chrome has no equivalent.
    permissions: [...rest.permissions, 'webRequestBlocking'],
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // data_collection_permissions needs 142+; world: 'MAIN' scripting needs 128+.
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  } as unknown as ManifestV3Export;
}

/**
 * What the popup needs to paint its grade, in two files rather than eight (measured: the
 * popup's code started ~50 ms after its HTML, fetching modules one by one): the popup's
 * shell and grade card, and the extension API it shares with the other pages (options,
 * DevTools panel), kept apart so that those never load popup code.
 */
const POPUP_FIRST_PAINT = [
  /node_modules[\\/]preact[\\/]/,
  /src[\\/]popup[\\/](App|connection|site-access|paint-marks)\.tsx?$/,
  /src[\\/]popup[\\/]components[\\/](GradeCard|CaptureSummary|Notice)\.tsx$/,
  /vite[\\/]preload-helper/,
];
const SHARED_BY_PAGES = [/node_modules[\\/]webextension-polyfill[\\/]/, /src[\\/]shared[\\/]messages\.ts$/];
const matches = (patterns: RegExp[]) => (id: string) => patterns.some((pattern) => pattern.test(id));

/** Where the popup's HTML loads its early-connection script from (src/popup/index.html). */
const POPUP_EARLY_SCRIPT = 'popup/early-connection.js';

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  const target = firefox ? 'firefox128' : 'chrome111';
  return {
    plugins: [
      retireEnginePlugin(),
      preact(),
      firefox
        ? crx({ manifest: firefoxManifest(manifest), browser: 'firefox' })
        : crx({ manifest: withoutBackground(manifest) as ManifestV3Export }),
      // The content script is injected by the worker once a page has loaded (see
      // src/background/content-injection.ts), as one classic file; the popup's early
      // connection runs before its modules have loaded (src/popup/early-connection.ts).
      classicScripts({
        scripts: {
          [CONTENT_SCRIPT_FILE]: 'src/content/index.ts',
          [POPUP_EARLY_SCRIPT]: 'src/popup/early-connection.ts',
          [WORKER_FILE]: 'src/background/index.ts',
          [WORKER_CORE_FILE]: 'src/background/worker-core.ts',
        },
        target,
        background: workerBackground(firefox),
        plugins: [retireEnginePlugin()],
      }),
      // The HSTS preload list, as a file the worker fetches when it first grades a page.
      hstsPreloadAsset({ fileName: HSTS_PRELOAD_FILE }),
      // The popup's first frame must not wait for one more file.
      inlineStylesheets({ pages: ['src/popup/index.html'] }),
    ],
    build: {
      outDir: firefox ? 'dist/firefox' : 'dist/chrome',
      emptyOutDir: true,
      sourcemap: false,
      target,
      rolldownOptions: {
        // Entries (pages, the worker) export nothing anyone imports; the option below needs this.
        preserveEntrySignatures: 'allow-extension',
        output: {
          codeSplitting: {
            // Only the modules named; their other imports stay where they would be.
            includeDependenciesRecursively: false,
            groups: [
              { name: 'popup-first-paint', test: matches(POPUP_FIRST_PAINT), priority: 100 },
              { name: 'extension-api', test: matches(SHARED_BY_PAGES), priority: 90 },
            ],
          },
        },
      },
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
