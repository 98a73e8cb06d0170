/** The text `tabgrade --help` prints. */
export const HELP: string;
/** The line `tabgrade --version` prints, for `version` (from package.json). */
export function versionText(version: string): string;
/** `help` or `version` when `args` ask for one (before any `--`), else null. */
export function infoRequested(args: readonly string[]): 'help' | 'version' | null;
