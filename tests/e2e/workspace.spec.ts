import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { workspaceExportSchema } from '../../src/shared/api/schemas/workspace-export-schemas';
import { corruptMiddlePages, sha256File } from '../support/workspace-files';
import { expect, test, type Harness } from './fixtures/harness-fixture';
import { PortfolioPage } from './pages/portfolio-page';
import { WelcomePage } from './pages/welcome-page';
import { ImportWorkspaceDialog, WorkspacePage, WorkspaceRecoveryPage } from './pages/workspace-page';

/** Screenshots for looking at the screens; written only when QBR_SCREENSHOTS_DIR is set. */
const SHOTS_DIR = process.env.QBR_SCREENSHOTS_DIR;
async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
}

async function createAccount(harness: Harness, name: string): Promise<void> {
  const result = await harness.callApi('accounts.create', { name, customerSegment: 'health_plan', buyerType: 'payer' });
  expect(result.ok).toBe(true);
}

/** Opens the app on the portfolio (the workspace has an account, so there is no first-run screen). */
async function openApp(page: Page, harness: Harness): Promise<void> {
  await new PortfolioPage(page).open(harness.server.url);
}

test('Back up now adds a manual backup to the list', async ({ page, harness }) => {
  await createAccount(harness, 'Northwind Health Plan');
  await openApp(page, harness);
  const workspace = new WorkspacePage(page);
  await workspace.goTo();
  await expect(workspace.currentPath).toHaveText(harness.workspacePath);
  await expect(page.getByText('No backups of this workspace yet.')).toBeVisible();

  await workspace.backUpNow();
  await expect(workspace.backupRows).toHaveCount(1);
  await expect(workspace.backupRows.first()).toContainText('Backed up by you');
  await expect(workspace.backupRows.first()).toContainText(/\d+(\.\d)? (KB|MB)/);

  const listed = await harness.callApi('workspace.listBackups');
  expect(listed.value).toHaveLength(1);
  expect(listed.value[0]).toMatchObject({ reason: 'manual' });
  expect(fs.existsSync(listed.value[0].path)).toBe(true);
  await shot(page, 'workspace-screen');
});

test('Export to JSON writes the whole workspace to the typed path, in the export format', async ({ page, harness }) => {
  await createAccount(harness, 'Northwind Health Plan');
  await openApp(page, harness);
  const workspace = new WorkspacePage(page);
  await workspace.goTo();

  await workspace.startExport();
  // Prefilled beside the workspace, so usually only Enter is needed.
  const suggested = path.join(harness.dir, 'workspace-export.json');
  await expect(workspace.pathField()).toHaveValue(suggested);
  await shot(page, 'export-path-prompt');
  await workspace.pathField().press('Enter');
  await expect(workspace.pathDialog).toBeHidden();
  await expect(workspace.lastExport).toContainText(suggested);
  await expect(workspace.lastExport).toContainText('Accounts: 1');

  expect(fs.existsSync(suggested)).toBe(true);
  const written = workspaceExportSchema.parse(JSON.parse(fs.readFileSync(suggested, 'utf8')));
  expect(written.accounts.map((account) => account.name)).toEqual(['Northwind Health Plan']);
  // The same export the API writes, apart from when it was made.
  const viaApi = path.join(harness.dir, 'via-api.json');
  const result = await harness.callApi('workspace.exportJson', { path: viaApi });
  expect(result.ok).toBe(true);
  const expected = JSON.parse(fs.readFileSync(viaApi, 'utf8'));
  expect({ ...written, exportedAt: '' }).toEqual({ ...expected, exportedAt: '' });
});

test('Import from JSON previews the changes per table, and a confirmed replace makes the workspace the file', async ({ page, harness }) => {
  await createAccount(harness, 'Northwind Health Plan');
  const exportPath = path.join(harness.dir, 'northwind.json');
  expect((await harness.callApi('workspace.exportJson', { path: exportPath })).ok).toBe(true);
  await createAccount(harness, 'Added After Export');
  await openApp(page, harness);
  const workspace = new WorkspacePage(page);
  await workspace.goTo();

  const importDialog = new ImportWorkspaceDialog(page);
  await importDialog.open();
  await importDialog.preview(exportPath, 'Replace');
  const expected = (await harness.callApi('workspace.previewImport', { path: exportPath, mode: 'replace' })).value;
  expect(expected.tables.accounts).toMatchObject({ added: 0, unchanged: 1, removed: 1 });
  const { added, updated, unchanged, removed } = expected.tables.accounts;
  expect(await importDialog.row('Accounts')).toEqual([added, updated, unchanged, removed].map(String));
  await shot(page, 'import-preview');

  await importDialog.replaceConfirmed();
  await expect.poll(async () => ((await harness.callApi('accounts.list')).value as { name: string }[]).map((a) => a.name)).toEqual(['Northwind Health Plan']);
  // The import made a backup first, and the list shows it.
  await expect(workspace.backupsTable.locator('tbody tr[data-reason="pre-import"]')).toHaveCount(1);
  const portfolio = new PortfolioPage(page);
  await portfolio.goTo();
  expect(await portfolio.visibleNames()).toEqual(['Northwind Health Plan']);
});

test('a new workspace from a typed path starts empty, and Recent switches back to the accounts', async ({ page, harness }) => {
  await createAccount(harness, 'Northwind Health Plan');
  await openApp(page, harness);
  const workspace = new WorkspacePage(page);
  const portfolio = new PortfolioPage(page);
  await workspace.goTo();

  await workspace.startNew();
  // A relative path is refused before it reaches the backend.
  await workspace.submitPath('second.sqlite');
  await expect(workspace.pathError()).toContainText('Give the full path of the file');
  await shot(page, 'new-workspace-invalid-path');
  const second = path.join(harness.dir, 'second.sqlite');
  await workspace.submitPath(second);

  // A brand-new workspace offers the first-run choice, then shows its own (empty) portfolio.
  await new WelcomePage(page).startEmpty();
  await expect(portfolio.noAccountsState()).toBeVisible();
  await expect(page.getByTestId('workspace-path')).toHaveText(second);
  expect((await harness.callApi('workspace.current')).value).toMatchObject({ path: second, isOpen: true });

  await workspace.goTo();
  await expect(workspace.currentPath).toHaveText(second);
  await expect(workspace.recentRow('second.sqlite')).toContainText('Open now');
  await shot(page, 'workspace-after-switch');
  await workspace.openRecent('workspace.sqlite');

  await portfolio.waitUntilShown();
  await expect(portfolio.rows).toHaveCount(1);
  expect(await portfolio.visibleNames()).toEqual(['Northwind Health Plan']);
  await expect(page.getByTestId('workspace-path')).toHaveText(harness.workspacePath);
});

test('opening a file that is not a workspace shows why and changes nothing', async ({ page, harness }) => {
  await createAccount(harness, 'Northwind Health Plan');
  const notes = path.join(harness.dir, 'notes.sqlite');
  fs.writeFileSync(notes, 'Meeting notes, not a database.\n'.repeat(200));
  const before = sha256File(notes);
  await openApp(page, harness);
  const workspace = new WorkspacePage(page);
  await workspace.goTo();

  await workspace.startOpenAnother();
  await workspace.submitPath(notes);
  await expect(workspace.pathError()).toBeVisible();
  const refusal = await harness.callApi('workspace.open', { path: notes });
  expect(refusal.ok).toBe(false);
  expect(refusal.error.code).toBe('not_a_workspace');
  await expect(workspace.pathError()).toHaveText(refusal.error.message);
  await shot(page, 'open-not-a-workspace');

  await workspace.cancelPrompt();
  expect(sha256File(notes)).toBe(before);
  await expect(workspace.currentPath).toHaveText(harness.workspacePath);
  expect((await harness.callApi('workspace.current')).value).toMatchObject({ path: harness.workspacePath, isOpen: true });
  expect((await harness.callApi('accounts.list')).value).toHaveLength(1);
});

test('a damaged workspace at start-up shows the recovery screen, and restoring the newest good backup brings the accounts back', async ({
  page,
  harness,
}) => {
  expect((await harness.callApi('demo.load')).ok).toBe(true);
  const good = await harness.callApi('workspace.backupNow');
  expect(good.ok).toBe(true);
  // Start the backend host again on the damaged file, exactly as `npm run web` would at start-up.
  await harness.host.close();
  corruptMiddlePages(harness.workspacePath);
  const damagedBytes = sha256File(harness.workspacePath);
  await harness.host.start(harness.workspacePath);
  // A cleanly closed file opens at once and is checked in the background (see backend-host.ts).
  await harness.host.integrityCheck();
  const state = harness.host.state();
  expect(state).toMatchObject({ isOpen: false, problem: { code: 'workspace_corrupt' } });

  const recovery = new WorkspaceRecoveryPage(page);
  await recovery.open(harness.server.url);
  await expect(page.getByRole('heading', { name: 'This workspace is damaged' })).toBeVisible();
  await expect(recovery.problem).toContainText(state.problem!.message);
  await expect(recovery.newestGoodBackup).toContainText('Backed up by you');
  await expect(recovery.openAnotherButton).toBeVisible();
  await shot(page, 'recovery-screen');
  expect(sha256File(harness.workspacePath)).toBe(damagedBytes);

  const consequence = await recovery.restoreNewestGoodBackup();
  expect(consequence).toContain('kept aside');
  const portfolio = new PortfolioPage(page);
  await portfolio.waitUntilShown();
  await expect(portfolio.count).toHaveText('9 accounts');

  const backups = (await harness.callApi('workspace.listBackups')).value as { reason: string; path: string }[];
  const keptAside = backups.find((backup) => backup.reason === 'before-restore');
  expect(keptAside).toBeDefined();
  expect(sha256File(keptAside!.path)).toBe(damagedBytes);
});
