/**
 * Playwright configuration: the browser edition in Debian's Chromium, plus the desktop project when
 * its definition exists.
 *
 * The web server builds the browser edition and serves it with `vite preview` on 127.0.0.1 only.
 * `npx playwright install` cannot download browsers here, so Chromium comes from `/usr/bin/chromium`
 * (override with `CHROMIUM_PATH`).
 */
import { existsSync } from 'node:fs';
import { defineConfig, type Project } from '@playwright/test';

/** Port of the preview server; `RRS_E2E_PORT` overrides it when the default is taken. */
const port = Number(process.env.RRS_E2E_PORT ?? 4183);
const baseURL = `http://127.0.0.1:${port}`;

/** Chromium flags for a container without a GPU, sandbox or outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const projects: Project[] = [
  {
    name: 'chromium',
    testDir: './test/e2e',
    testIgnore: ['**/electron/**'],
    use: {
      browserName: 'chromium',
      viewport: { width: 1600, height: 960 },
      launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    },
  },
];

// The desktop project is another engineer's file; the browser suite runs without it.
const electronProjectFile = new URL('./test/e2e/electron/project.ts', import.meta.url);
if (existsSync(electronProjectFile)) {
  const { electronProject } = (await import('./test/e2e/electron/project.js')) as { electronProject: Project };
  projects.push(electronProject);
}

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list']],
  use: { baseURL, trace: 'retain-on-failure' },
  webServer: {
    command: `npx vite build --config vite.web.config.ts && npx vite preview --config vite.web.config.ts --host 127.0.0.1 --port ${port} --strictPort`,
    url: baseURL,
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  projects,
});
