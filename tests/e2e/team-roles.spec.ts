import { expect, test } from './fixtures/harness-fixture';
import { createAccount } from './fixtures/account-setup';
import { AccountWorkspace } from './pages/account-workspace';
import { PortfolioPage } from './pages/portfolio-page';
import { StakeholderMap } from './pages/stakeholder-map';

/*
 * Team semantics in the app: the "You are" picker, a refused edit of someone else's account with
 * the backend's message on the form, a stale edit's conflict message, and the activity views.
 * Screenshots go to QBR_SCREENSHOTS_DIR (default /tmp/qbr-team-roles) at 1440x900 and 1024x700.
 */

const SHOTS_DIR = process.env.QBR_SCREENSHOTS_DIR ?? '/tmp/qbr-team-roles';

test('you are: a picker of the workspace users; a non-owner is refused with who owns the account; a stale edit is a conflict; activity lists who did what', async ({ page, harness }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const shot = async (name: string) => {
    await page.screenshot({ path: `${SHOTS_DIR}/${name}-1440.png` });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: `${SHOTS_DIR}/${name}-1024.png` });
    await page.setViewportSize({ width: 1440, height: 900 });
  };

  // Before anything is written: the workspace activity is empty, and there is no picker (no users).
  await harness.callApi('app.completeOnboarding', { choice: 'empty' });
  await page.goto(harness.server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Activity' }).click();
  await expect(page.getByTestId('activity-empty')).toContainText('No changes recorded yet');
  await expect(page.getByTestId('you-are')).toHaveCount(0);

  const call = harness.backend.client.call;
  const { account } = await createAccount(harness, {
    name: 'Oak Family Medicine',
    customerSegment: 'physician_practice',
    buyerType: 'provider',
    stakeholders: [{ archetype: 'buyer_cfo', personName: 'Dana Ruiz', title: 'CFO' }],
  });
  const ana = await call('users.add', { name: 'Ana Ruiz' });
  const ben = await call('users.add', { name: 'Ben Ode' });
  await call('users.add', { name: 'Mia Chen', role: 'manager' });
  await call('accounts.setOwner', { id: account.id, ownerId: ana.id });

  const workspace = new AccountWorkspace(page);
  const map = new StakeholderMap(page);
  const portfolio = new PortfolioPage(page);
  await page.reload();
  await portfolio.waitUntilShown();
  await portfolio.openAccount('Oak Family Medicine');
  await expect(workspace.heading('Oak Family Medicine')).toBeVisible();
  const youAre = page.getByRole('textbox', { name: 'You are' });
  await expect(youAre).toHaveAttribute('placeholder', /\(not a user\)$/);
  await expect(page.getByTestId('account-owner')).toHaveValue('Ana Ruiz');

  // Ben is not the owner: his edit is refused on the form, naming the account, its owner and him.
  await youAre.click();
  await page.getByRole('option', { name: 'Ben Ode' }).click();
  await expect(youAre).toHaveValue('Ben Ode');
  await workspace.showTab('Stakeholders');
  await map.card('Dana Ruiz').getByRole('button', { name: 'Edit Dana Ruiz' }).click();
  await map.dialog.getByRole('textbox', { name: 'Job title' }).fill('VP Finance');
  await map.dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(map.dialog.getByRole('alert')).toContainText('"Oak Family Medicine" is owned by Ana Ruiz: only Ana Ruiz or a manager can change it, and you are Ben Ode (a CSM). Nothing was saved.');
  await shot('team-refused-edit');
  await map.dialog.getByRole('form').getByRole('button', { name: 'Cancel' }).click();
  expect((await call('stakeholders.list', { accountId: account.id }))[0]!.title).toBe('CFO');

  // As Ana, an edit made on a version someone has since changed is a conflict saying who changed what.
  await youAre.click();
  await page.getByRole('option', { name: 'Ana Ruiz' }).click();
  await map.card('Dana Ruiz').getByRole('button', { name: 'Edit Dana Ruiz' }).click();
  const seen = (await call('stakeholders.list', { accountId: account.id }))[0]!;
  await call('users.choose', { userId: (await call('users.list', {})).find((u) => u.name === 'Mia Chen')!.id });
  await call('stakeholders.update', { id: seen.id, patch: { email: 'dana@oak.example' }, expectedUpdatedAt: seen.updatedAt });
  await call('users.choose', { userId: ana.id });
  await map.dialog.getByRole('textbox', { name: 'Job title' }).fill('Chief Financial Officer');
  await map.dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(map.dialog.getByRole('alert')).toContainText(/The stakeholder "Dana Ruiz" was changed by someone else after you opened it: changed by Mia Chen .*\(email\)\. Nothing was saved/);
  await shot('team-conflict');
  await map.dialog.getByRole('form').getByRole('button', { name: 'Cancel' }).click();
  await map.card('Dana Ruiz').getByRole('button', { name: 'Edit Dana Ruiz' }).click();
  await map.dialog.getByRole('textbox', { name: 'Job title' }).fill('Chief Financial Officer');
  await map.dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(map.dialog).toBeHidden();
  expect((await call('stakeholders.list', { accountId: account.id }))[0]!.title).toBe('Chief Financial Officer');

  // The account's activity, reached from the keyboard: who, what (row by name), which fields.
  await workspace.tab('Decks').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(workspace.tab('Activity')).toHaveAttribute('aria-selected', 'true');
  const rows = page.getByTestId('activity-table').getByRole('row');
  await expect(rows.nth(1)).toContainText('Ana Ruiz');
  await expect(rows.nth(1)).toContainText('Changed · Stakeholder "Dana Ruiz"');
  await expect(rows.nth(1)).toContainText('title');
  await expect(rows.nth(2)).toContainText('Mia Chen');
  await expect(rows.nth(2)).toContainText('email');
  await expect(page.getByTestId('activity-table')).toContainText('Changed owner · Account "Oak Family Medicine"');
  await shot('team-account-activity');

  // The whole workspace's activity names the account of each row, and users added.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Activity' })).toBeVisible();
  await expect(page.getByTestId('activity-table')).toContainText('Added · User "Mia Chen"');
  await expect(page.getByTestId('activity-table').getByRole('columnheader', { name: 'Account' })).toBeVisible();
  await shot('team-workspace-activity');
  expect(ben.role).toBe('csm');
});
