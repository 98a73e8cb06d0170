/**
 * The arguments the main-world probe is called with: which properties hold versions,
 * taken from retire.js's `func` facts (split into path segments here, so the probe needs no
 * string functions the page could have replaced). Reads only the small probe data file,
 * so the service worker does not carry the vulnerability list.
 */
import raw from '../data/retire-probe.json';
import type { ProbeData } from './types';

const PROBE_DATA: ProbeData = raw as unknown as ProbeData;
const COMPONENTS: ReadonlySet<string> = new Set(PROBE_DATA.components);

/** `[component, ...path segments]`, e.g. `['angularjs', 'angular', 'version', 'full']`. */
export type ProbePath = string[];

export interface ProbeArguments {
  /** Paths from `window`. */
  globalPaths: ProbePath[];
  /** Paths from each jQuery copy (`ui.version` for jQuery UI). */
  jqueryPluginPaths: ProbePath[];
}

function split([component, path]: [string, string]): ProbePath {
  return [component, ...path.split('.')];
}

export function probeArguments(): ProbeArguments {
  return {
    globalPaths: PROBE_DATA.globalPaths.map(split),
    jqueryPluginPaths: PROBE_DATA.jqueryPluginPaths.map(split),
  };
}

/** True for a retire.js component id the bundled data knows. */
export function isKnownComponent(component: string): boolean {
  return COMPONENTS.has(component);
}
