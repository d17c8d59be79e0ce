/**
 * Switching policies during a run: the landscape shows the new policy state on the systems.
 */
import { expect, test } from '@playwright/test';
import { BLACK_FRIDAY, openFromGallery, openStudio, runUntil, simNow } from './studio.js';

const MINUTE = 60_000;

test('policy switch changes landscape state', async ({ page }) => {
  await openStudio(page);
  await openFromGallery(page, BLACK_FRIDAY);
  await expect(page.getByTestId('policy-select')).toHaveValue('strong');
  await runUntil(page, 20 * MINUTE);
  await expect(page.getByTestId('system-breaker-loyalty')).toHaveAttribute('data-state', 'closed');

  // Under the strong set, loyalty down opens its breaker and puts accrual into its degraded mode.
  await page.getByTestId('system-down-loyalty').click();
  await runUntil(page, (await simNow(page)) + 5 * MINUTE);
  await expect(page.getByTestId('system-breaker-loyalty')).not.toHaveAttribute('data-state', 'closed');
  await expect(page.getByTestId('system-degraded-loyalty')).toContainText('provisional accrual');
  await page.screenshot({ path: 'docs/screenshots/policy-strong-loyalty-down.png' });

  // The weak set has no breaker: after the switch the landscape shows none.
  await page.getByTestId('policy-select').selectOption('weak');
  await page.getByTestId('run-step').click();
  await expect(page.getByTestId('system-breaker-loyalty')).toHaveAttribute('data-state', 'none');
  await expect(page.locator('[data-testid="timeline-entry"]', { hasText: 'policy set weak' })).toHaveCount(1);

  // Back to strong, then the breaker switched off on its own: the state goes with it.
  await page.getByTestId('policy-select').selectOption('strong');
  await page.getByTestId('run-step').click();
  await expect(page.getByTestId('system-breaker-loyalty')).not.toHaveAttribute('data-state', 'none');
  await page.getByTestId('toggle-circuitBreaker').click();
  await page.getByTestId('run-step').click();
  await expect(page.getByTestId('system-breaker-loyalty')).toHaveAttribute('data-state', 'none');
});
