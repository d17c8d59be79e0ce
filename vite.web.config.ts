/**
 * Vite config for the browser edition: the same renderer as the desktop app (root `src/renderer`),
 * built to `out/web` and served on 127.0.0.1 by `npm start` and the Playwright suite.
 *
 *   npx vite build --config vite.web.config.ts
 *   npx vite preview --config vite.web.config.ts --port 4173
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

/** Absolute path of the renderer sources, shared with the desktop build. */
export const rendererRoot = fileURLToPath(new URL('./src/renderer', import.meta.url));

/**
 * Returns the renderer options that the browser edition and the desktop build share: React, module
 * workers for the simulation, and file access limited to the project (scenarios are imported with `?raw`
 * from `/scenarios`, outside the renderer root).
 */
export function sharedRendererConfig(): UserConfig {
  return {
    root: rendererRoot,
    // Relative asset URLs, so the same build loads from a sub-path, `app://rrs/` or a static host.
    base: './',
    plugins: [react()],
    worker: { format: 'es' },
    server: { fs: { allow: [projectRoot] } },
  };
}

export default defineConfig({
  ...sharedRendererConfig(),
  build: {
    outDir: fileURLToPath(new URL('./out/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The studio loads from disk or the loopback interface, never over a slow network, so one 1.3 MB
    // chunk costs little. Vite's 500 kB default warning is sized for public websites.
    chunkSizeWarningLimit: 2048,
  },
  // Both servers stay on the loopback interface; pass `--port` to pick another port.
  server: { host: '127.0.0.1', strictPort: false, fs: { allow: [projectRoot] } },
  preview: { host: '127.0.0.1', strictPort: false },
});
