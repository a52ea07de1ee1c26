import Database from 'better-sqlite3';
import { expect, test, type Harness } from './fixtures/harness-fixture';
import { AccountForm } from './pages/account-form';
import { AccountPage } from './pages/account-page';
import { Notifications } from './pages/notifications';
import { PortfolioPage } from './pages/portfolio-page';
import { WelcomePage } from './pages/welcome-page';

/** Reads the workspace file directly, bypassing the app, to prove what really reached disk. */
function liveAccountRowsInFile(workspacePath: string) {
  const db = new Database(workspacePath, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT name, customer_segment, buyer_type, renewal_date, notes FROM accounts WHERE deleted_at IS NULL ORDER BY name')
      .all() as { name: string; customer_segment: string; buyer_type: string; renewal_date: string | null; notes: string }[];
  } finally {
    db.close();
  }
}

async function createThroughApi(harness: Harness, name: string) {
  const result = await harness.callApi('accounts.create', { name, customerSegment: 'health_plan', buyerType: 'payer' });
  expect(result.ok).toBe(true);
  return result.value as { id: string; name: string };
}

async function liveNamesThroughApi(harness: Harness): Promise<string[]> {
  const result = await harness.callApi('accounts.list', {});
  return (result.value as { name: string }[]).map((account) => account.name);
}

test('an account created in the UI survives a reload and is written to the SQLite file', async ({ page, harness }) => {
  const welcome = new WelcomePage(page);
  const portfolio = new PortfolioPage(page);
  const form = new AccountForm(page);
  const account = new AccountPage(page);

  await welcome.open(harness.server.url);
  await welcome.startEmpty();
  await expect(portfolio.noAccountsState()).toBeVisible();

  await portfolio.noAccountsState().getByRole('button', { name: 'Create account' }).click();
  await expect(form.nameField).toBeFocused();
  await form.fill({
    name: 'Riverbend Cardiology',
    segment: 'Physician practice',
    renewalDate: '2026-09-30',
    notes: 'Champion is the practice manager.',
  });
  await form.submitWithEnter();
  await form.expectClosed();
  await account.expectShowing('Riverbend Cardiology');

  await page.reload();
  await portfolio.waitUntilShown();
  await expect(portfolio.row('Riverbend Cardiology')).toBeVisible();
  await expect(portfolio.rows).toHaveCount(1);

  expect(liveAccountRowsInFile(harness.workspacePath)).toEqual([
    {
      name: 'Riverbend Cardiology',
      customer_segment: 'physician_practice',
      // Pre-filled from the segment because the user did not pick one.
      buyer_type: 'provider',
      renewal_date: '2026-09-30',
      notes: 'Champion is the practice manager.',
    },
  ]);
});

test('editing an account renames it on its screen, in the list and in the backend', async ({ page, harness }) => {
  await createThroughApi(harness, 'Bayview Health Plan');
  const portfolio = new PortfolioPage(page);
  const form = new AccountForm(page);
  const account = new AccountPage(page);

  await portfolio.open(harness.server.url);
  await portfolio.openAccount('Bayview Health Plan');
  await account.expectShowing('Bayview Health Plan');

  await account.edit();
  await expect(form.nameField).toHaveValue('Bayview Health Plan');
  await form.fill({ name: 'Bayview Community Health Plan' });
  await form.submit();
  await form.expectClosed();
  await account.expectShowing('Bayview Community Health Plan');

  await account.backToPortfolio();
  await expect(portfolio.row('Bayview Community Health Plan')).toBeVisible();
  await expect(portfolio.row('Bayview Health Plan')).toHaveCount(0);
  expect(await liveNamesThroughApi(harness)).toEqual(['Bayview Community Health Plan']);
});

test('deleting asks for confirmation naming the account, and Undo restores it', async ({ page, harness }) => {
  await createThroughApi(harness, 'Granite State ACO');
  await createThroughApi(harness, 'Lakeshore Health System');
  const portfolio = new PortfolioPage(page);
  const account = new AccountPage(page);
  const toasts = new Notifications(page);

  await portfolio.open(harness.server.url);
  await portfolio.openAccount('Granite State ACO');

  await account.askToDelete();
  await expect(account.confirmDialog).toContainText('Granite State ACO');
  await account.cancelDelete();
  await expect(account.confirmDialog).toBeHidden();
  await account.expectShowing('Granite State ACO');
  expect(await liveNamesThroughApi(harness)).toContain('Granite State ACO');

  await account.askToDelete();
  await account.confirmDelete();
  await portfolio.waitUntilShown();
  await expect(portfolio.row('Granite State ACO')).toHaveCount(0);
  expect(await liveNamesThroughApi(harness)).toEqual(['Lakeshore Health System']);

  const deleted = toasts.withTitle('Account deleted');
  await expect(deleted).toContainText('Granite State ACO');
  await deleted.getByRole('button', { name: 'Undo' }).click();
  await expect(portfolio.row('Granite State ACO')).toBeVisible();
  await expect(toasts.withTitle('Account restored')).toBeVisible();
  expect(await liveNamesThroughApi(harness)).toEqual(['Granite State ACO', 'Lakeshore Health System']);
});

test('a duplicate name is reported inline on the name field and nothing is saved', async ({ page, harness }) => {
  await createThroughApi(harness, 'Summit Senior Health Plan');
  const portfolio = new PortfolioPage(page);
  const form = new AccountForm(page);

  await portfolio.open(harness.server.url);
  await portfolio.startNewAccount();
  // Names are unique regardless of case.
  await form.fill({ name: 'summit senior health plan', segment: 'Health plan' });
  await form.submit();

  await form.expectOpen();
  await expect(form.nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(form.nameField).toHaveAccessibleDescription(/already exists/);
  expect(await liveNamesThroughApi(harness)).toEqual(['Summit Senior Health Plan']);
});

test('the form explains missing required fields before saving, and Esc cancels it', async ({ page, harness }) => {
  await createThroughApi(harness, 'Northwind Logistics');
  const portfolio = new PortfolioPage(page);
  const form = new AccountForm(page);

  await portfolio.open(harness.server.url);
  await page.keyboard.press('ControlOrMeta+n');
  await form.expectOpen();
  await expect(form.nameField).toBeFocused();

  await form.fill({ name: '   ' });
  await form.submitWithEnter();
  await expect(form.nameField).toHaveAccessibleDescription('Give the account a name');
  await expect(form.dialog.getByRole('textbox', { name: 'Customer segment' })).toHaveAttribute('aria-invalid', 'true');

  await page.keyboard.press('Escape');
  await form.expectClosed();
  expect(await liveNamesThroughApi(harness)).toEqual(['Northwind Logistics']);
});

test('hostile text in names and notes is shown as text, never run as markup', async ({ page, harness }) => {
  const hostileName = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> مستشفى 🏥 Kliniken';
  const longNotes = `<b>not bold</b> ${'שלום 👩‍⚕️ '.repeat(1_000)}`.slice(0, 10_000);
  const created = await harness.callApi('accounts.create', {
    name: hostileName,
    customerSegment: 'hospital_health_system',
    buyerType: 'provider',
    notes: longNotes,
  });
  expect(created.ok).toBe(true);
  const portfolio = new PortfolioPage(page);
  const account = new AccountPage(page);

  await portfolio.open(harness.server.url);
  const nameCell = portfolio.row(hostileName).getByRole('gridcell').first();
  await expect(nameCell).toHaveText(hostileName);
  await expect(nameCell).toHaveAttribute('title', hostileName);
  await expect(portfolio.grid.locator('img')).toHaveCount(0);

  await portfolio.openAccount(hostileName);
  await account.expectShowing(hostileName);
  await expect(page.getByTestId('account-notes')).toHaveText(longNotes);
  expect(await page.evaluate('window.__pwned')).toBeUndefined();
});
