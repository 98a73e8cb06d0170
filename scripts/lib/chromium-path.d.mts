/** Where the browser tests run: Debian's chromium unless CHROMIUM_PATH says otherwise. */
export function chromiumPath(): string;
/** The flags every headless launch here needs (closed network, root user, no GPU). */
export const CHROMIUM_FLAGS: readonly string[];
