import path from 'node:path';
import { expect, test } from './fixtures/harness-fixture';
import { checkScreen } from './fixtures/screen-checks';
import { PortfolioPage } from './pages/portfolio-page';
import { ImportWorkspaceDialog, WorkspacePage } from './pages/workspace-page';

/*
 * Issue 13, item 3: merging an older export used to revert newer edits and revive deleted accounts
 * while the preview said only "Updated 2". The preview now lists each record both have that
 * differs, and by default keeps the newer copy.
 */
test('the merge preview lists each differing record and keeps the newer one', async ({ page, harness }) => {
  const create = async (name: string) => (await harness.callApi('accounts.create', { name, customerSegment: 'health_plan', buyerType: 'payer' })).value as { id: string };
  const edited = await create('Northwind Health Plan');
  const deleted = await create('Bayview Health Plan');
  const exportPath = path.join(harness.dir, 'older.json');
  expect((await harness.callApi('workspace.exportJson', { path: exportPath })).ok).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 5)); // the edits below are later than the export
  expect((await harness.callApi('accounts.update', { id: edited.id, patch: { notes: 'Renewal call booked' } })).ok).toBe(true);
  expect((await harness.callApi('accounts.delete', { id: deleted.id })).ok).toBe(true);

  await new PortfolioPage(page).open(harness.server.url);
  await new WorkspacePage(page).goTo();
  const importDialog = new ImportWorkspaceDialog(page);
  await importDialog.open();
  await importDialog.preview(exportPath, 'Merge');
  const changes = importDialog.dialog.getByRole('table', { name: 'Records both have that differ' });
  await expect(changes.getByRole('row').filter({ hasText: 'Northwind Health Plan' })).toContainText('Keep this one');
  await expect(changes.getByRole('row').filter({ hasText: 'Bayview Health Plan' })).toContainText('Deleted here since');
  await expect(changes.getByRole('row').filter({ hasText: 'Bayview Health Plan' })).toContainText('Keep this one');
  // axe, no overflow, no cut-off labels, at 1440×900 and 1024×700 (screenshots with QBR_SCREENSHOTS_DIR, scrolled to the records).
  await changes.scrollIntoViewIfNeeded();
  await checkScreen(page, 'merge-preview', 'the merge preview with records both have that differ');

  await importDialog.dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importDialog.dialog).toBeHidden();
  expect((await harness.callApi('accounts.get', { id: edited.id })).value.notes).toBe('Renewal call booked');
  expect((await harness.callApi('accounts.get', { id: deleted.id })).ok).toBe(false);
});
