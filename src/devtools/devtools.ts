/**
 * One HTML page for two roles. Loaded by DevTools as the manifest's `devtools_page`, it
 * registers the Tabgrade panel; loaded with `?panel` (by DevTools when the panel is shown,
 * or directly with `?panel&tab=<id>`), it is the panel. One file because the build (crxjs)
 * builds only the HTML pages the manifest names; the panel's code loads only in the panel.
 */
import { devtoolsApi, PANEL_PARAM } from './devtools-api';

if (new URLSearchParams(location.search).has(PANEL_PARAM)) {
  void import('./panel-main');
} else {
  // Absolute paths: Firefox resolves them against this page, Chrome against the extension root.
  devtoolsApi()?.panels.create('Tabgrade', '/icons/icon-32.png', `/src/devtools/devtools.html?${PANEL_PARAM}`);
}
