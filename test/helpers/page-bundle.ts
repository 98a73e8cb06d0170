/**
 * A module bundled as one classic script (IIFE) exposing its exports as `window[name]`,
 * for tests and benches that run Tabgrade's content-side code inside a real Chromium page.
 */
import { build } from 'vite';

export async function bundleForPage(entry: string, name: string, { minify = true } = {}): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify, target: 'chrome111', lib: { entry, formats: ['iife'], name } },
  });
  const [result] = Array.isArray(output) ? output : [output];
  const chunk = result !== undefined && 'output' in result ? result.output.find((file) => file.type === 'chunk') : undefined;
  if (chunk === undefined || chunk.type !== 'chunk') throw new Error(`no bundle for ${entry}`);
  return chunk.code;
}
