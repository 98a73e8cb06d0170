/** Writes a realistic Chrome DevTools HAR of about `megabytes` MB (about 2,000 entries per 50 MB) to `path`; returns its size in bytes. */
export function writeBigHar(path: string, megabytes: number): number;
