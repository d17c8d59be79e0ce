/**
 * The journey inspector: list, filters, one journey's trace and its machine with the path taken.
 */
import { expect, test } from '@playwright/test';
import { BLACK_FRIDAY, openFromGallery, openStudio, runUntil } from './studio.js';

test('journey opens with its machine', async ({ page }) => {
  await openStudio(page);
  await openFromGallery(page, BLACK_FRIDAY);
  await runUntil(page, 5 * 60_000);

  await page.getByTestId('tab-journeys').click();
  const count = page.getByTestId('journey-count');
  await expect.poll(async () => Number(await count.getAttribute('data-total'))).toBeGreaterThan(0);
  const total = Number(await count.getAttribute('data-total'));

  await page.getByTestId('filter-completed').click();
  await expect.poll(async () => Number(await count.getAttribute('data-total'))).toBeLessThan(total);
  await page.getByTestId('journey-kind').selectOption('onlineCheckout');
  await expect(page.getByTestId('journey-row').first()).toContainText('onlineCheckout');

  const row = page.getByTestId('journey-row').first();
  const id = await row.getAttribute('data-journey-id');
  await row.click();

  const detail = page.getByTestId('journey-detail');
  await expect(detail).toHaveAttribute('data-journey-id', id ?? '');
  await expect(detail).toHaveAttribute('data-outcome', 'completed');
  await expect(page.getByTestId('machine-graph')).toBeVisible();
  await expect(page.locator('[data-testid="trace-table"] tbody tr')).not.toHaveCount(0);

  // A completed journey took a path through several states and ended in a final state it is still in.
  await expect.poll(() => page.locator('.state-node[data-taken="true"]').count()).toBeGreaterThan(2);
  await expect(page.locator('.state-node[data-current="true"]')).toHaveCount(1);
  await expect(page.locator('.state-node.state-final[data-current="true"]')).toHaveCount(1);
  await expect(page.locator('.machine-edge.taken')).not.toHaveCount(0);

  await page.screenshot({ path: 'docs/screenshots/journey-inspector.png' });
});

test('journey search filters the list', async ({ page }) => {
  await openStudio(page);
  await openFromGallery(page, BLACK_FRIDAY);
  await runUntil(page, 5 * 60_000);
  await page.getByTestId('tab-journeys').click();

  const count = page.getByTestId('journey-count');
  await expect.poll(async () => Number(await count.getAttribute('data-total'))).toBeGreaterThan(0);
  const first = page.getByTestId('journey-row').first();
  const id = await first.getAttribute('data-journey-id');

  await page.getByTestId('journey-search').fill(`#${id}`);
  // The id matches its own journey and any customer number that contains the same digits.
  await expect.poll(async () => Number(await count.getAttribute('data-total'))).toBeLessThan(10);
  await expect(page.locator(`[data-testid="journey-row"][data-journey-id="${id}"]`)).toBeVisible();
});
