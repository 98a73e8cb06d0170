/**
 * The slice of the DevTools extension API Tabgrade uses. It exists only in the DevTools
 * page and its panels; the same panel opened as an ordinary extension page (tests, a
 * full-page view) has none, so every use goes through `devtoolsApi()`, which may say null.
 */
export interface DevtoolsApi {
  inspectedWindow: { tabId?: number };
  panels: { create(title: string, iconPath: string, pagePath: string): unknown };
}

export function devtoolsApi(): DevtoolsApi | null {
  // Firefox has `browser.devtools`, Chrome `chrome.devtools` (the polyfill does not cover a missing namespace).
  const scope = globalThis as { browser?: { devtools?: DevtoolsApi }; chrome?: { devtools?: DevtoolsApi } };
  return scope.browser?.devtools ?? scope.chrome?.devtools ?? null;
}

/** Query string that turns the DevTools page into the panel (see `devtools.ts`). */
export const PANEL_PARAM = 'panel';
