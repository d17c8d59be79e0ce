/**
 * Switching policies during a run: the landscape shows the new policy state on the systems.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { BLACK_FRIDAY, openFromGallery, openStudio, replaceEditorText, runUntil, simNow } from './studio.js';

const SHIPPED = readFileSync(new URL(`../../scenarios/${BLACK_FRIDAY}`, import.meta.url), 'utf8');

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

test('hedge toggle shows on landscape', async ({ page }) => {
  // The strong set with hedged reads: a second request after 20 ms, before most reads complete.
  const hedged = SHIPPED.replace(/^ {6}timeout: 2s$/m, '      timeout: 2s\n      hedge: { delay: 20ms }');
  expect(hedged).not.toBe(SHIPPED);

  await openStudio(page);
  await openFromGallery(page, BLACK_FRIDAY);
  await page.getByTestId('tab-scenario').click();
  await replaceEditorText(page, hedged);
  await expect(page.getByTestId('issue-count')).toHaveAttribute('data-count', '0');
  await page.getByTestId('editor-run').click();
  await expect(page.getByTestId('run-state')).toHaveText('paused');
  const toggle = page.getByTestId('toggle-hedge');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  // Switched off from the start, no read is hedged.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await runUntil(page, 5 * MINUTE);
  await expect(page.locator('[data-policy="hedge"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="timeline-entry"]', { hasText: 'hedge off' })).toHaveCount(1);

  // Switched on, the systems that serve reads show their hedges.
  await toggle.click();
  await runUntil(page, (await simNow(page)) + 5 * MINUTE);
  const chips = page.locator('[data-policy="hedge"]');
  await expect(chips.first()).toContainText('hedged');
  await page.screenshot({ path: 'docs/screenshots/policy-hedge-toggle.png' });

  // Switched off again, the hedge count stops growing.
  await toggle.click();
  await page.getByTestId('run-step').click();
  const frozen = await chips.allTextContents();
  await runUntil(page, (await simNow(page)) + 5 * MINUTE);
  expect(await chips.allTextContents()).toEqual(frozen);
});
