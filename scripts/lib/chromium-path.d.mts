export type BrowserSource = 'option' | 'env' | 'search';

export type FoundChromium = { ok: true; path: string; source: BrowserSource } | { ok: false; message: string };

export interface FindChromiumOptions {
  /** A path the user named (`--browser`); null or absent to search. */
  browser?: string | null;
  /** Defaults to `process.platform`. */
  platform?: NodeJS.Platform;
  /** Defaults to `process.env` (reads CHROMIUM_PATH, PATH, HOME, PROGRAMFILES, LOCALAPPDATA …). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Defaults to "is an existing file". */
  exists?: (path: string) => boolean;
}

/** Every place worth looking on `platform`, best first, without checking that they exist. */
export function chromiumCandidates(options?: Pick<FindChromiumOptions, 'platform' | 'env'>): string[];
/** How to get a browser on `platform`, in one sentence. */
export function installHint(platform?: NodeJS.Platform): string;
/** True for Google's branded Chrome, which no longer loads an extension named on the command line (Chrome 137+). */
export function isBrandedChrome(path: string): boolean;
/** The browser to launch, or a sentence saying what to do. */
export function findChromium(options?: FindChromiumOptions): FoundChromium;
/** Where the browser tests run: Debian's chromium unless CHROMIUM_PATH says otherwise. Throws when none. */
export function chromiumPath(): string;
/** The flags every headless launch here needs (closed network, root user, no GPU). */
export const CHROMIUM_FLAGS: readonly string[];
