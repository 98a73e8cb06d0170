/**
 * The main-world library probe: a function the worker injects with
 * `scripting.executeScript({ world: 'MAIN', func: libraryProbe, args })`. It runs once per
 * call, in the page's own JavaScript world (the only place `window.jQuery` is visible), and
 * its return value goes straight back to the extension: no message the page could forge.
 *
 * Because it runs beside the page's code:
 * - it is serialised and re-created in the page, so it must be self-contained: no imports,
 *   no outer variables, nothing but what is declared inside;
 * - it must never break the page: every property read is guarded, nothing is written to
 *   the page, loops are bounded, and any failure ends in a partial answer;
 * - the page can still shape what it reads (a fake `window.jQuery`, replaced built-ins), so
 *   it returns only plain strings in arrays and the worker validates them as untrusted;
 * - it avoids built-ins the page could have replaced where it can (no `split`, `join`,
 *   `push` or iterators): the paths it walks arrive pre-split, and arrays grow by index.
 *
 * Finding every jQuery copy: the usual names (`jQuery`, `$`), then every own enumerable
 * property of `window` holding a function whose `.fn.jquery` is a string (a widget's
 * `var widgetJQ = jQuery.noConflict(true)`), then one level into plain objects
 * (`window.Widget = { $: … }`). Property descriptors are read rather than values while
 * enumerating, so no page getter runs; big or exotic objects (arrays, typed arrays, DOM
 * nodes, class instances) are never walked. A copy kept only in a closure is invisible
 * here; its script URL may still name it.
 */

/** What the probe returns: `[component, version, via]` triples, all page-controlled text. */
export interface LibraryProbeResult {
  v: 1;
  href: string;
  hits: string[][];
}

export function libraryProbe(globalPaths: string[][], jqueryPluginPaths: string[][]): LibraryProbeResult {
  const MAX_GLOBALS = 5000;
  const MAX_NESTED_KEYS = 64;
  const MAX_NESTED_TOTAL = 5000;
  const MAX_HITS = 200;
  const MAX_VERSION = 64;
  const MAX_NAME = 80;
  const root = globalThis as unknown as Record<string, unknown>;
  const hits: string[][] = [];
  const jqueryCopies: unknown[] = [];
  const lodashCopies: unknown[] = [];
  let href = '';
  let nestedBudget = MAX_NESTED_TOTAL;

  function read(target: unknown, key: string): unknown {
    if (target === null || (typeof target !== 'object' && typeof target !== 'function')) return undefined;
    try {
      return (target as Record<string, unknown>)[key];
    } catch {
      return undefined;
    }
  }

  function add(component: string | undefined, version: unknown, via: string): void {
    if (component === undefined || typeof version !== 'string' || version.length === 0 || version.length > MAX_VERSION) return;
    if (hits.length >= MAX_HITS) return;
    hits[hits.length] = [component, version, via];
  }

  function seen(list: unknown[], value: unknown): boolean {
    for (let index = 0; index < list.length; index++) if (list[index] === value) return true;
    list[list.length] = value;
    return false;
  }

  /** Follows `path` from index `from` on; `via` text is built alongside. */
  function walk(start: unknown, path: string[], from: number): { value: unknown; via: string } {
    let value = start;
    let via = '';
    for (let index = from; index < path.length; index++) {
      const key = path[index];
      if (typeof key !== 'string') return { value: undefined, via };
      value = read(value, key);
      via += `.${key}`;
    }
    return { value, via };
  }

  function considerJQuery(value: unknown, via: string): void {
    if (typeof value !== 'function') return;
    const version = read(read(value, 'fn'), 'jquery');
    if (typeof version !== 'string' || seen(jqueryCopies, value)) return;
    add('jquery', version, `${via}.fn.jquery`);
    // Plugins hang off the copy they were loaded with: read them per copy.
    for (let index = 0; index < jqueryPluginPaths.length; index++) {
      const path = jqueryPluginPaths[index];
      if (path === undefined) continue;
      const found = walk(value, path, 1);
      add(path[0], found.value, via + found.via);
    }
  }

  /** lodash has no `fn`; `runInContext` tells it from underscore, which shares `_.VERSION`. */
  function considerLodash(value: unknown, via: string): void {
    if (typeof value !== 'function' || typeof read(value, 'runInContext') !== 'function') return;
    const version = read(value, 'VERSION');
    if (typeof version !== 'string' || seen(lodashCopies, value)) return;
    add('lodash', version, `${via}.VERSION`);
  }

  function isIdentifier(name: string): boolean {
    return name.length > 0 && name.length <= MAX_NAME && /^[A-Za-z_$][\w$]*$/.test(name);
  }

  function ownDataValue(target: object, key: string): unknown {
    try {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      return descriptor !== undefined && 'value' in descriptor ? descriptor.value : undefined;
    } catch {
      return undefined;
    }
  }

  function isPlainObject(value: unknown): value is object {
    if (value === null || typeof value !== 'object') return false;
    try {
      const proto = Object.getPrototypeOf(value) as unknown;
      return proto === Object.prototype || proto === null;
    } catch {
      return false;
    }
  }

  function ownKeys(target: object): string[] {
    try {
      const keys = Object.keys(target);
      return Array.isArray(keys) ? keys : [];
    } catch {
      return [];
    }
  }

  try {
    const location = read(root, 'location');
    const url = read(location, 'href');
    if (typeof url === 'string') href = url;

    considerJQuery(read(root, 'jQuery'), 'window.jQuery');
    considerJQuery(read(root, '$'), 'window.$');
    considerLodash(read(root, '_'), 'window._');
    for (let index = 0; index < globalPaths.length; index++) {
      const path = globalPaths[index];
      if (path === undefined) continue;
      const found = walk(root, path, 1);
      add(path[0], found.value, `window${found.via}`);
    }

    const names = ownKeys(root);
    for (let index = 0; index < names.length && index < MAX_GLOBALS; index++) {
      const name = names[index];
      if (typeof name !== 'string' || !isIdentifier(name)) continue;
      const value = ownDataValue(root, name);
      if (typeof value === 'function') {
        considerJQuery(value, `window.${name}`);
        considerLodash(value, `window.${name}`);
      } else if (nestedBudget > 0 && isPlainObject(value)) {
        const inner = ownKeys(value);
        if (inner.length > MAX_NESTED_KEYS) continue;
        for (let innerIndex = 0; innerIndex < inner.length && nestedBudget > 0; innerIndex++) {
          nestedBudget--;
          const innerName = inner[innerIndex];
          if (typeof innerName !== 'string' || !isIdentifier(innerName)) continue;
          const innerValue = ownDataValue(value, innerName);
          if (typeof innerValue === 'function') considerJQuery(innerValue, `window.${name}.${innerName}`);
        }
      }
    }
  } catch {
    // A page that breaks something the probe relies on gets a partial answer, never an error.
  }
  return { v: 1, href, hits };
}
