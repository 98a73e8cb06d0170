export interface DemoOptions {
  /** Audit this page instead of the demo site. */
  url: string | null;
  /** Also save a picture of the extension's popup here. */
  screenshot: string | null;
  /** Also open the popup in a visible browser and keep it open. */
  headed: boolean;
  /** Everything else, for `tabgrade audit`. */
  audit: string[];
}

/** Splits the demo's own options from those that go to `tabgrade audit`; throws on a missing value or screenshot folder. */
export function demoOptions(args: readonly string[]): DemoOptions;

/** Runs the demo and returns the exit status; standard output is left to `main` (the report). */
export function runDemo(
  args: readonly string[],
  io: { main: (args: readonly string[]) => Promise<number>; stderr: (text: string) => void },
): Promise<number>;
