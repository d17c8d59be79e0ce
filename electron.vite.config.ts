/**
 * electron-vite config for the desktop app: main (`src/main`), the sandboxed preload (`src/preload`)
 * and the renderer, the same one the browser edition builds from `src/renderer`.
 *
 *   npx electron-vite build     -> out/main, out/preload, out/renderer (no Electron binary needed)
 *   npx electron-vite dev       -> needs Electron's binary
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { sharedRendererConfig } from './vite.web.config.js';

const fromRoot = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: fromRoot('./out/main'),
      rolldownOptions: { input: { index: fromRoot('./src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: fromRoot('./out/preload'),
      // A sandboxed preload cannot load ES modules, so it is one CommonJS file with the shared contract
      // bundled in. Only `electron` stays external, which Electron provides to sandboxed preloads.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: fromRoot('./src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...sharedRendererConfig(),
    build: {
      outDir: fromRoot('./out/renderer'),
      target: 'es2022',
      rolldownOptions: { input: { index: fromRoot('./src/renderer/index.html') } },
    },
  },
});
