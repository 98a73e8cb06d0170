import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import { retireEnginePlugin } from './scripts/lib/retire-engine-plugin.mjs';
import { classicScripts } from './scripts/lib/classic-scripts-plugin.mjs';
import { CONTENT_SCRIPT_FILE } from './src/background/content-script-file.ts';
import { HSTS_PRELOAD_FILE } from './src/background/hsts-preload-file.ts';
import { hstsPreloadAsset } from './scripts/lib/hsts-preload-asset-plugin.mjs';

/**
 * One source manifest, two builds: `vite build` → dist/chrome, `vite build --mode firefox`
 * → dist/firefox. Firefox refuses a background service worker (it wants `background.scripts`)
 * and needs a gecko id; everything else is shared.
 */
export const GECKO_ID = 'tabgrade@tabgrade.dev';

export function firefoxManifest(source: typeof manifest): ManifestV3Export {
  const { minimum_chrome_version: _chromeOnly, background, ...rest } = source;
  return {
    ...rest,
    // Firefox shares the TLS connection and certificate only with a blocking
    // onHeadersReceived listener (webRequest.getSecurityInfo); Chrome has no equivalent.
    permissions: [...rest.permissions, 'webRequestBlocking'],
    background: { scripts: [background.service_worker], type: 'module' },
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
 * shell and grade card, and what it shares with the worker (kept apart so that the worker
 * never loads popup code).
 */
const POPUP_FIRST_PAINT = [
  /node_modules[\\/]preact[\\/]/,
  /src[\\/]popup[\\/](App|connection|site-access|paint-marks)\.tsx?$/,
  /src[\\/]popup[\\/]components[\\/](GradeCard|CaptureSummary|Notice)\.tsx$/,
  /vite[\\/]preload-helper/,
];
const SHARED_WITH_WORKER = [/node_modules[\\/]webextension-polyfill[\\/]/, /src[\\/]shared[\\/]messages\.ts$/];
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
        : crx({ manifest: manifest as ManifestV3Export }),
      // The content script is injected by the worker once a page has loaded (see
      // src/background/content-injection.ts), as one classic file; the popup's early
      // connection runs before its modules have loaded (src/popup/early-connection.ts).
      classicScripts({ scripts: { [CONTENT_SCRIPT_FILE]: 'src/content/index.ts', [POPUP_EARLY_SCRIPT]: 'src/popup/early-connection.ts' }, target }),
      // The HSTS preload list, as a file the worker fetches when it first grades a page.
      hstsPreloadAsset({ fileName: HSTS_PRELOAD_FILE }),
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
              { name: 'extension-api', test: matches(SHARED_WITH_WORKER), priority: 90 },
            ],
          },
        },
      },
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
