import Database from 'better-sqlite3';
import { expect, test } from './fixtures/harness-fixture';
import { AccountForm } from './pages/account-form';
import { AccountPage } from './pages/account-page';
import { PortfolioPage } from './pages/portfolio-page';

/*
 * Issue 13, item 5: an edit saved while another program holds the workspace's write lock (a
 * `qbr import` into the file the app has open). It used to freeze the backend for five seconds and
 * fail as "Something went wrong", losing the edit. Now the form says the workspace is busy and the
 * change was not saved, keeps what was typed, and saving again once the import is done works.
 */
test('an edit refused because the workspace is busy stays in the form and saves on retry', async ({ page, harness }) => {
  const created = await harness.callApi('accounts.create', { name: 'Bayview Health Plan', customerSegment: 'health_plan', buyerType: 'payer' });
  expect(created.ok).toBe(true);
  await harness.callApi('app.completeOnboarding', { choice: 'empty' });
  const portfolio = new PortfolioPage(page);
  const form = new AccountForm(page);
  const account = new AccountPage(page);
  await portfolio.open(harness.server.url);
  await portfolio.openAccount('Bayview Health Plan');
  await account.edit();
  await form.fill({ notes: 'Renewal call booked with the CFO' });

  const otherProgram = new Database(harness.workspacePath);
  try {
    otherProgram.exec('BEGIN IMMEDIATE');
    await form.submit();
    const alert = form.dialog.getByRole('alert');
    await expect(alert).toContainText('busy', { timeout: 20_000 });
    await expect(alert).toContainText('not saved');
    await expect(form.dialog.getByRole('textbox', { name: 'Notes' })).toHaveValue('Renewal call booked with the CFO');
    otherProgram.exec('ROLLBACK');
  } finally {
    otherProgram.close();
  }

  await form.submit();
  await form.expectClosed();
  const saved = await harness.callApi('accounts.get', { id: created.value.id });
  expect(saved.value.notes).toBe('Renewal call booked with the CFO');
});
