/**
 * Comparing two policy sets of one scenario in the studio, and the policy lint in the editor.
 */
import { expect, test } from '@playwright/test';
import { BLACK_FRIDAY, openFromGallery, openStudio } from './studio.js';

test('comparison shows both runs', async ({ page }) => {
  // Both sides of the Black Friday day run to their ends in the worker, some seconds each.
  test.setTimeout(180_000);
  await openStudio(page);
  await openFromGallery(page, BLACK_FRIDAY);

  await page.getByTestId('tab-compare').click();
  await expect(page.getByTestId('compare-view')).toHaveAttribute('data-state', 'idle');
  await page.getByTestId('compare-policy-a').selectOption('weak');
  await page.getByTestId('compare-policy-b').selectOption('strong');
  await page.getByTestId('compare-run').click();

  await expect(page.getByTestId('compare-view')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('compare-view')).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
  await expect(page.getByTestId('compare-progress-b')).toHaveAttribute('data-value', '1.000');

  const result = page.getByTestId('compare-result');
  await expect(result).toContainText('A: weak');
  await expect(result).toContainText('B: strong');
  const lost = page.getByTestId('compare-kpi-ordersLost');
  const lostA = Number(await lost.getAttribute('data-a'));
  const lostB = Number(await lost.getAttribute('data-b'));
  expect(lostA).toBeGreaterThan(0);
  expect(lostB).toBeLessThan(lostA);
  await expect(lost).toHaveClass(/verdict-better/);
  for (const field of ['ordersLost', 'revenueAtRisk', 'checkoutP95', 'ledgerDrift']) {
    await expect(page.getByTestId(`compare-chart-${field}`).locator('canvas')).toBeVisible();
  }

  await page.screenshot({ path: 'docs/screenshots/compare.png', fullPage: true });
});

test('editor shows policy warnings', async ({ page }) => {
  await openStudio(page);
  await openFromGallery(page, BLACK_FRIDAY);
  await page.getByTestId('tab-scenario').click();

  await expect(page.getByTestId('issue-count')).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('warning-count')).toHaveAttribute('data-count', '3');
  const warnings = page.getByTestId('editor-warning');
  await expect(warnings).toHaveCount(3);
  await expect(warnings.first()).toHaveAttribute('data-code', 'retry-without-idempotency');
  await expect(warnings.first()).toContainText('policies.weak.calls.retry');
  // The editor draws only the lines in view, so jump to the warning before looking for its underline.
  await warnings.first().click();
  await expect(page.locator('.cm-lintRange-warning').first()).toBeVisible();
  await expect(page.getByTestId('editor-run')).toBeEnabled();
});
