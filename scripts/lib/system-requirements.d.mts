export type ToolName = 'chromium' | 'firefox' | 'openssl';
export type Job = 'start' | 'test' | 'e2e' | 'chromium';

export interface Tool {
  title: string;
  neededFor: string;
  /** Debian packages that provide it. */
  packages: string[];
  /** Installed with it when Recommends are left out (fonts for Chromium). */
  quietExtras: string[];
  /** The variable that names another copy; null when there is none. */
  env: string | null;
}

export const TOOLS: Readonly<Record<ToolName, Tool>>;
export const NEEDED_BY: Readonly<Record<Job, ToolName[]>>;

export interface LookupOptions {
  env?: Readonly<Record<string, string | undefined>>;
  platform?: NodeJS.Platform;
  exists?: (path: string) => boolean;
}

export type FoundTool = { ok: true; path: string } | { ok: false; misconfigured: boolean; message: string };

export function findTool(name: ToolName, options?: LookupOptions): FoundTool;
export function installCommand(names: readonly ToolName[], options?: { root?: boolean }): string;
export function missingLine(names: readonly ToolName[], options?: { root?: boolean; env?: Readonly<Record<string, string | undefined>> }): string;

export type SetupPlan = { kind: 'ready' } | { kind: 'install'; names: ToolName[]; packages: string[] } | { kind: 'stop'; line: string };

export function setupPlan(job: Job, options?: LookupOptions & { root?: boolean; aptGet?: boolean }): SetupPlan;

/** The tool's path; throws an Error whose message is the one line to act on. */
export function requireTool(name: ToolName, options?: LookupOptions & { root?: boolean }): string;
