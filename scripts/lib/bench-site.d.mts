export function startBenchSite(): Promise<{ light: string; heavy: string; close(): void }>;
export function writeListenerFloorExtension(dir: string): Promise<void>;
