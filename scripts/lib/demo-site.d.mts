export interface DemoSite {
  /** The shop's page, `http://127.0.0.1:<port>/`. */
  url: string;
  close(): Promise<void>;
}

/** Starts the loopback demo shop (and its third-party widget origin). */
export function startDemoSite(): Promise<DemoSite>;
