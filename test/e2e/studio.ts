/**
 * Helpers the browser specs share: open the studio, open a shipped scenario, drive the run and read
 * the app's signals. Every wait is on an app signal (data attributes), never a fixed sleep.
 */
import { expect, type Page } from '@playwright/test';

/** The shipped scenario most specs use. */
export const BLACK_FRIDAY = 'black-friday-loyalty-outage.yaml';

/** Opens the studio and waits for its ready signal (tree mounted, worker reported ready). */
export async function openStudio(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
}

/** Opens a shipped scenario from the gallery and waits for its first snapshot. */
export async function openFromGallery(page: Page, file: string): Promise<void> {
  await page.getByTestId('tab-scenario').click();
  await page.getByTestId(`gallery-open-${file}`).click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await expect(page.getByTestId('run-state')).toHaveText('paused');
}

/** Returns the simulated time the controls bar shows, in milliseconds. */
export async function simNow(page: Page): Promise<number> {
  return Number(await page.getByTestId('controls').getAttribute('data-sim-now'));
}

/** Returns the raw value of a KPI tile, such as `ordersLost`. */
export async function kpi(page: Page, key: string): Promise<number> {
  return Number(await page.getByTestId(`kpi-${key}`).getAttribute('data-value'));
}

/** Sets the speed slider to a stop index (11 is as fast as possible). */
export async function setSpeedStop(page: Page, stop: number): Promise<void> {
  await page.getByTestId('speed-slider').fill(String(stop));
}

/** Plays at full speed until the simulated time passes `ms`, then pauses and waits for the pause. */
export async function runUntil(page: Page, ms: number): Promise<number> {
  await setSpeedStop(page, 11);
  await page.getByTestId('run-play').click();
  await expect.poll(() => simNow(page), { timeout: 45_000 }).toBeGreaterThanOrEqual(ms);
  await page.getByTestId('run-pause').click();
  await expect(page.getByTestId('run-state')).toHaveText('paused');
  return simNow(page);
}

/** Replaces the editor's whole text, as a user pasting would. */
export async function replaceEditorText(page: Page, text: string): Promise<void> {
  const content = page.locator('[data-testid="scenario-editor"] .cm-content');
  await content.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

/** Reads the unsaved-draft text the studio keeps in localStorage, or null when there is none. */
export async function draftText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('rrs.scenarioDraft.v1');
    return raw === null ? null : (JSON.parse(raw) as { text: string }).text;
  });
}
