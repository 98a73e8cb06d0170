import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  plugins: [preact(), crx({ manifest: manifest as ManifestV3Export })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Readable output keeps store reviews simple and costs little: the bundles are small.
    minify: true,
    sourcemap: false,
    target: 'chrome111',
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
