/**
 * Running a shipped scenario: open it from the gallery, play it, and watch live faults move the
 * business figures.
 */
import { expect, test } from '@playwright/test';
import { BLACK_FRIDAY, kpi, openFromGallery, openStudio, runUntil, simNow } from './studio.js';

const HOUR = 3_600_000;

test('gallery scenario opens and runs', async ({ page }) => {
  await openStudio(page);
  await expect(page.getByTestId('gallery-card')).not.toHaveCount(0);
  await page.screenshot({ path: 'docs/screenshots/scenario-gallery.png' });

  await openFromGallery(page, BLACK_FRIDAY);
  await expect(page.getByTestId('file-label')).toContainText(BLACK_FRIDAY);
  for (const kind of ['erp', 'crm', 'loyalty', 'pos', 'ecommerce']) {
    await expect(page.getByTestId(`system-node-${kind}`)).toBeVisible();
  }

  const reached = await runUntil(page, HOUR / 2);
  expect(reached).toBeGreaterThanOrEqual(HOUR / 2);
  expect(await kpi(page, 'ordersCompleted')).toBeGreaterThan(0);
  // The scenario's clock starts at 10:00 on Black Friday 2025, written in its own local time.
  await expect(page.getByTestId('sim-clock')).toContainText(/Fri 2025-11-28 1[0-3]:\d\d:\d\d/);
});

test('erp outage loses orders', async ({ page }) => {
  await openStudio(page);
  await openFromGallery(page, BLACK_FRIDAY);
  await runUntil(page, HOUR / 2);
  const lostBefore = await kpi(page, 'ordersLost');
  const completedBefore = await kpi(page, 'ordersCompleted');

  await page.getByTestId('system-down-erp').click();
  await expect(page.getByTestId('system-node-erp')).toHaveAttribute('data-health', 'down');
  await expect(page.locator('[data-testid="timeline-entry"][data-origin="live"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="timeline-entry"][data-origin="live"]')).toContainText('erp');

  // Thirty simulated minutes with the ERP down: reservations fail, so lost orders outgrow completed ones.
  const start = await simNow(page);
  await runUntil(page, start + HOUR / 2);
  const lost = (await kpi(page, 'ordersLost')) - lostBefore;
  const completed = (await kpi(page, 'ordersCompleted')) - completedBefore;
  expect(lost).toBeGreaterThan(0);
  expect(lost).toBeGreaterThan(completed);
  await page.screenshot({ path: 'docs/screenshots/run-erp-outage.png' });

  await page.getByTestId('system-up-erp').click();
  await expect(page.getByTestId('system-node-erp')).not.toHaveAttribute('data-health', 'down');
});

test('loyalty outage records provisional points', async ({ page }) => {
  await openStudio(page);
  await openFromGallery(page, BLACK_FRIDAY);
  await expect(page.getByTestId('policy-select')).toHaveValue('strong');
  await runUntil(page, HOUR / 2);
  const pendingBefore = await kpi(page, 'provisionalPointsPending');

  await page.getByTestId('system-down-loyalty').click();
  await expect(page.getByTestId('system-node-loyalty')).toHaveAttribute('data-health', 'down');
  const start = await simNow(page);
  await runUntil(page, start + HOUR / 4);

  // The strong policy set records points provisionally while loyalty is down, to settle them later.
  expect(await kpi(page, 'provisionalPointsPending')).toBeGreaterThan(pendingBefore);
});

test('step advances one sample interval', async ({ page }) => {
  await openStudio(page);
  await openFromGallery(page, BLACK_FRIDAY);
  expect(await simNow(page)).toBe(0);

  await page.getByTestId('run-step').click();
  await expect.poll(() => simNow(page)).toBe(10_000);
  await page.getByTestId('run-step').click();
  await expect.poll(() => simNow(page)).toBe(20_000);
});
