import path from 'node:path';
import { openBackend } from '../../src/main/api/backend';
import { expect, test } from './fixtures/harness-fixture';
import { checkScreen } from './fixtures/screen-checks';
import { PortfolioPage } from './pages/portfolio-page';
import { WorkspacePage } from './pages/workspace-page';

/*
 * Issue 17, item 4: take two accounts offline from the workspace screen, edit them in the laptop
 * file while someone edits the server, and bring them back: the dialog lists every changed row,
 * each conflict gets keep mine / keep theirs (by keyboard too), and nothing else is asked.
 * Against a workspace file as the source (the API tests cover PostgreSQL).
 */
const SHOTS = process.env.QBR_SCREENSHOTS_DIR;

test('take accounts offline, then bring them back settling each conflict', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  const accounts = (await harness.callApi('accounts.list', {})).value as { id: string; name: string }[];
  const [a, b] = accounts;
  const laptopPath = path.join(harness.dir, 'laptop.qbr');

  await new PortfolioPage(page).open(harness.server.url);
  const workspace = new WorkspacePage(page);
  await workspace.goTo();
  const offline = page.getByRole('region', { name: 'Offline laptops' });
  await offline.getByRole('button', { name: 'Take accounts offline…' }).click();
  const takeOut = page.getByRole('dialog', { name: 'Take accounts offline' });
  const picker = takeOut.getByRole('textbox', { name: 'Accounts' });
  for (const account of [a!, b!]) {
    await picker.click();
    await picker.fill(account.name.slice(0, 8));
    await page.getByRole('option', { name: account.name }).click();
  }
  await takeOut.getByRole('textbox', { name: 'New laptop file' }).fill(laptopPath);
  await checkScreen(page, 'take-out', 'the take-out dialog');
  await takeOut.getByRole('button', { name: 'Take out 2 accounts' }).click();
  await expect(takeOut).toBeHidden();

  // Offline on the laptop, and meanwhile on the server.
  const laptop = await openBackend({ workspacePath: laptopPath, transport: 'direct', log: () => {}, actor: 'ana', ifMissing: 'refuse' });
  const [person] = await laptop.client.call('stakeholders.list', { accountId: a!.id });
  await laptop.client.call('accounts.update', { id: a!.id, patch: { notes: 'Offline: renewal agreed in person' } });
  await laptop.client.call('accounts.update', { id: b!.id, patch: { renewalDate: '2027-01-31' } });
  await laptop.client.call('stakeholders.update', { id: person!.id, patch: { title: 'Chief Medical Officer' } });
  await laptop.close();
  expect((await harness.callApi('accounts.update', { id: a!.id, patch: { notes: 'Server: escalation open' } })).ok).toBe(true);
  expect((await harness.callApi('accounts.update', { id: b!.id, patch: { renewalDate: '2027-06-30' } })).ok).toBe(true);

  await offline.getByRole('button', { name: 'Bring back a laptop file…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bring back a laptop file' });
  await dialog.getByRole('textbox', { name: 'Laptop file' }).fill(laptopPath);
  await dialog.getByRole('button', { name: 'Preview changes' }).click();
  const rows = dialog.getByRole('table', { name: 'Rows to bring back' });
  await expect(rows.locator('tr[data-status="conflict"]')).toHaveCount(2);
  await expect(rows.locator('tr[data-status="changed-here"]')).toHaveCount(1);
  const conflictA = rows.locator('tr[data-status="conflict"]').filter({ hasText: a!.name });
  await expect(conflictA).toContainText('mine “Offline: renewal agreed in person” · theirs “Server: escalation open”');
  await expect(dialog.getByText('0 of 2 conflicts settled')).toBeVisible();
  const bringBack = dialog.getByRole('button', { name: 'Bring back', exact: true });
  await expect(bringBack).toBeDisabled();

  // axe, no overflow, no cut-off labels, at 1440×900 and 1024×700 (screenshots with QBR_SCREENSHOTS_DIR).
  await checkScreen(page, 'bring-back', 'the bring-back dialog with two conflicts');

  // Keyboard: focus "Keep mine" of the first conflict and choose it with Space; the other by click.
  await conflictA.getByRole('radio', { name: 'Keep mine' }).focus();
  await page.keyboard.press('Space');
  await expect(conflictA.getByRole('radio', { name: 'Keep mine' })).toBeChecked();
  await rows.locator('tr[data-status="conflict"]').filter({ hasText: b!.name }).getByRole('radio', { name: 'Keep theirs' }).click();
  await expect(dialog.getByText('2 of 2 conflicts settled')).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/bring-back-settled.png` });
  await bringBack.click();
  await expect(dialog).toBeHidden();

  expect((await harness.callApi('accounts.get', { id: a!.id })).value.notes).toBe('Offline: renewal agreed in person');
  expect((await harness.callApi('accounts.get', { id: b!.id })).value.renewalDate).toBe('2027-06-30');
  const people = (await harness.callApi('stakeholders.list', { accountId: a!.id })).value as { id: string; title: string }[];
  expect(people.find((p) => p.id === person!.id)?.title).toBe('Chief Medical Officer');
});

test('a laptop file nobody changed shows an empty state and nothing to bring back', async ({ page, harness }) => {
  const account = (await harness.callApi('accounts.create', { name: 'Northwind Health Plan', customerSegment: 'health_plan', buyerType: 'payer' })).value as { id: string };
  const laptopPath = path.join(harness.dir, 'untouched.qbr');
  expect((await harness.callApi('offline.takeOut', { accountIds: [account.id], path: laptopPath })).ok).toBe(true);

  await page.setViewportSize({ width: 1440, height: 900 });
  await new PortfolioPage(page).open(harness.server.url);
  await new WorkspacePage(page).goTo();
  await page.getByRole('region', { name: 'Offline laptops' }).getByRole('button', { name: 'Bring back a laptop file…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bring back a laptop file' });
  await dialog.getByRole('textbox', { name: 'Laptop file' }).fill(laptopPath);
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('bring-back-empty')).toContainText('Nothing changed in this file since it was taken out');
  await expect(dialog.getByRole('button', { name: 'Bring back', exact: true })).toBeDisabled();
  await checkScreen(page, 'bring-back-empty', 'the bring-back dialog with nothing to bring back');
});
