/**
 * Playwright project for the desktop app. The browser suite's playwright.config.ts imports it, so the
 * Electron tests run with `npx playwright test --project electron` next to the browser projects.
 */
import type { Project } from '@playwright/test';

/** The `electron` project: specs under test/e2e/electron, one worker, because each test owns an app. */
export const electronProject: Project = {
  name: 'electron',
  testDir: './test/e2e/electron',
  testMatch: /.*\.spec\.ts$/,
  fullyParallel: false,
  timeout: 120_000,
};
