/**
 * The scenario editor: schema errors in place, saving, and unsaved changes that are never lost silently.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { BLACK_FRIDAY, draftText, openFromGallery, openStudio, replaceEditorText } from './studio.js';

const SHIPPED = readFileSync(new URL(`../../scenarios/${BLACK_FRIDAY}`, import.meta.url), 'utf8');

/** Opens the Black Friday scenario in the editor. */
async function openInEditor(page: Page): Promise<void> {
  await openStudio(page);
  await openFromGallery(page, BLACK_FRIDAY);
  await page.getByTestId('tab-scenario').click();
  await expect(page.getByTestId('issue-count')).toHaveAttribute('data-count', '0');
}

/** Returns the 1-based line of the first line of `text` that starts with `prefix`. */
function lineOf(text: string, prefix: string): number {
  return text.split('\n').findIndex((line) => line.startsWith(prefix)) + 1;
}

test('bad duration shows schema error', async ({ page }) => {
  await openInEditor(page);
  const broken = SHIPPED.replace(/^ {2}duration: 4h$/m, '  duration: 4 hours');
  expect(broken).not.toBe(SHIPPED);

  await replaceEditorText(page, broken);
  await expect(page.getByTestId('issue-count')).toHaveAttribute('data-count', '1');
  const issue = page.getByTestId('editor-issue').first();
  await expect(issue).toHaveAttribute('data-line', String(lineOf(broken, '  duration: 4 hours')));
  await expect(issue).toContainText('clock.duration');
  await expect(page.locator('.cm-lintRange-error')).not.toHaveCount(0);
  await expect(page.getByTestId('editor-run')).toBeDisabled();

  // Clicking the issue selects the bad value in the editor.
  await issue.click();
  await expect(page.locator('.cm-activeLine')).toContainText('4 hours');
  await page.screenshot({ path: 'docs/screenshots/scenario-editor-error.png' });
});

test('unknown key suggests the fix', async ({ page }) => {
  await openInEditor(page);
  await replaceEditorText(page, SHIPPED.replace(/^ {2}loyalty:$/m, '  loyality:'));
  await expect(page.getByTestId('issue-count')).not.toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('issue-list')).toContainText('loyalty');
});

test('save writes through file access', async ({ page }) => {
  // A stand-in for Chromium's save picker that records what the studio writes, since a headless run
  // cannot respond to the native dialog.
  await page.addInitScript(() => {
    const written: string[] = [];
    (window as unknown as { __written: string[] }).__written = written;
    (window as unknown as { showSaveFilePicker: unknown }).showSaveFilePicker = async (options: { suggestedName?: string }) => ({
      name: options.suggestedName ?? 'scenario.yaml',
      getFile: async () => new File([], 'scenario.yaml'),
      createWritable: async () => ({
        write: async (data: string) => {
          written.push(data);
        },
        close: async () => undefined,
      }),
    });
  });
  await openInEditor(page);
  const edited = SHIPPED.replace('name: Black Friday loyalty outage', 'name: Black Friday loyalty outage (edited)');
  await replaceEditorText(page, edited);
  await expect(page.getByTestId('file-label')).toHaveAttribute('data-dirty', 'true');

  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('file-label')).toHaveAttribute('data-dirty', 'false');
  const written = await page.evaluate(() => (window as unknown as { __written: string[] }).__written);
  expect(written).toEqual([edited]);
  expect(await page.evaluate(() => localStorage.getItem('rrs.scenarioDraft.v1'))).toBeNull();
});

test('save falls back to download', async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  await openInEditor(page);
  const edited = SHIPPED.replace('seed: 20251128', 'seed: 7');
  await replaceEditorText(page, edited);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('editor-save').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(BLACK_FRIDAY);
  const path = await download.path();
  expect(readFileSync(path, 'utf8')).toBe(edited);
  await expect(page.getByTestId('file-label')).toHaveAttribute('data-dirty', 'false');
});

test('replacing unsaved text asks first', async ({ page }) => {
  await openInEditor(page);
  const edited = `${SHIPPED}\n# a note\n`;
  await replaceEditorText(page, edited);

  await page.getByTestId(`gallery-open-crm-throttling-campaign.yaml`).click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await page.getByTestId('confirm-cancel').click();
  await expect(page.getByTestId('confirm-dialog')).toBeHidden();
  await expect(page.getByTestId('file-label')).toContainText(BLACK_FRIDAY);
  await expect(page.getByTestId('file-label')).toHaveAttribute('data-dirty', 'true');
  await expect.poll(() => draftText(page)).toBe(edited);

  await page.getByTestId(`gallery-open-crm-throttling-campaign.yaml`).click();
  await page.getByTestId('confirm-accept').click();
  await expect(page.getByTestId('file-label')).toContainText('crm-throttling-campaign.yaml');
  await expect(page.getByTestId('file-label')).toHaveAttribute('data-dirty', 'false');
});

test('draft survives a reload', async ({ page }) => {
  await openInEditor(page);
  const edited = `${SHIPPED}\n# kept as a draft\n`;
  await replaceEditorText(page, edited);
  await expect.poll(() => draftText(page)).toBe(edited);

  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('draft-restore').click();
  await expect(page.getByTestId('file-label')).toHaveAttribute('data-dirty', 'true');
  await expect(page.getByTestId('file-label')).toContainText(BLACK_FRIDAY);

  // Saving writes the editor's text, so the saved bytes show what the restored editor holds.
  const downloading = page.waitForEvent('download');
  await page.evaluate(() => delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker);
  await page.getByTestId('editor-save').click();
  expect(readFileSync(await (await downloading).path(), 'utf8')).toBe(edited);
});

test('offered draft is kept until discarded', async ({ page }) => {
  await openInEditor(page);
  const edited = `${SHIPPED}\n# offered after reload\n`;
  await replaceEditorText(page, edited);
  await expect.poll(() => draftText(page)).toBe(edited);

  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('draft-banner')).toBeVisible();

  // Opening another scenario while the draft is only offered needs a confirmation, and cancelling keeps it.
  await page.getByTestId('tab-scenario').click();
  await page.getByTestId(`gallery-open-crm-throttling-campaign.yaml`).click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await page.getByTestId('confirm-cancel').click();
  expect(await draftText(page)).toBe(edited);

  await page.getByTestId(`gallery-open-crm-throttling-campaign.yaml`).click();
  await page.getByTestId('confirm-accept').click();
  await expect(page.getByTestId('file-label')).toContainText('crm-throttling-campaign.yaml');
  await expect(page.getByTestId('draft-banner')).toBeHidden();
  await expect.poll(() => draftText(page)).toBeNull();
});

test('last keystrokes survive an immediate reload', async ({ page }) => {
  await openInEditor(page);
  const edited = `${SHIPPED}\n# typed just before the reload\n`;
  await replaceEditorText(page, edited);

  // No wait for the draft delay: the page-hide handler writes the draft.
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  expect(await draftText(page)).toBe(edited);
});
