import { expect, test } from './fixtures/harness-fixture';
import { createAccount } from './fixtures/account-setup';
import { AccountWorkspace } from './pages/account-workspace';

test('the workspace header, empty tabs that say what to do, unknown goal numbers, and a stream delete that counts its monthly values', async ({ page, harness }) => {
  const { account, streams } = await createAccount(harness, {
    name: 'Bayview Community Health Plan',
    customerSegment: 'health_plan',
    buyerType: 'payer',
    renewalInDays: 45,
    contractStartedDaysAgo: 60,
    streams: [
      { name: 'Diabetes program PMPM', revenueModel: 'pmpm_pepm', paymentEnvironment: 'medicaid_managed_care', terms: { unit: 'member', eligiblePopulation: 20000 } },
      { name: 'Pilot licence', revenueModel: 'saas_license', paymentEnvironment: null, terms: {} },
    ],
  });
  const pmpm = streams[0]!;
  const saved = await harness.callApi('metrics.saveMonth', { accountId: account.id, streamId: pmpm.id, month: '2026-01', values: { pmpm_eligible_members: 20000, pmpm_enrolled_members: 2400 } });
  expect(saved.ok).toBe(true);
  await harness.callApi('metrics.saveMonth', { accountId: account.id, streamId: pmpm.id, month: '2026-02', values: { pmpm_enrolled_members: 2600 } });

  const workspace = new AccountWorkspace(page);
  await workspace.open(harness.server.url, 'Bayview Community Health Plan');
  await expect(page.getByTestId('account-renewal')).toContainText('in 45 days');
  await expect(page.getByTestId('account-journey')).toContainText('Clinical integration · day 60');
  // Before any assessment the overview shows the framework's suggestion per stream, with its reason.
  await expect(page.getByTestId('overview-stream').filter({ hasText: 'Diabetes program PMPM' })).toContainText('Not yet confirmed with the buyer');
  await expect(page.getByTestId('overview-people')).toContainText('Nobody is marked as executive sponsor or budget holder');

  await workspace.showTab('Decks');
  await expect(page.getByTestId('decks-no-assessment')).toContainText('No saved assessment yet');
  await workspace.showTab('Assessments');
  await expect(page.getByTestId('assessments-empty')).toBeVisible();

  // A goal with no current value shows "Not available" (the one phrase for a missing number), never 0.
  await workspace.showTab('Goals');
  await page.getByTestId('goals-empty').getByRole('button', { name: 'Add goal' }).click();
  const goalDialog = page.getByRole('dialog', { name: 'Add goal' });
  await goalDialog.getByRole('textbox', { name: /^Goal/ }).fill('Enrol 15% of eligible members');
  await goalDialog.getByRole('textbox', { name: /^Unit/ }).fill('%');
  await goalDialog.getByRole('textbox', { name: /^Baseline/ }).fill('0');
  await goalDialog.getByRole('textbox', { name: /^Target/ }).fill('15');
  await goalDialog.getByRole('button', { name: 'Add goal' }).click();
  const row = page.getByTestId('goal-row');
  await expect(row).toContainText('0 %');
  await expect(row.getByRole('cell').nth(3)).toHaveText('Not available');
  await expect(row).toContainText('No current value');
  const goals = (await harness.callApi('goals.list', { accountId: account.id })).value;
  expect(goals[0]).toMatchObject({ baseline: 0, target: 15, current: null, dueDate: null });

  // Deleting a stream says how many monthly values go with it, and needs confirming.
  await workspace.showTab('Revenue streams');
  await page.getByRole('button', { name: 'Delete Diabetes program PMPM' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this revenue stream?' });
  await expect(confirm.getByTestId('delete-stream-consequence')).toContainText('3 monthly metric values recorded against it will be removed too');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('article', { name: 'Diabetes program PMPM' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete Diabetes program PMPM' }).click();
  await confirm.getByRole('button', { name: 'Delete stream' }).click();
  await expect(page.getByRole('article', { name: 'Diabetes program PMPM' })).toBeHidden();
  const left = (await harness.callApi('streams.list', { accountId: account.id })).value as { name: string }[];
  expect(left.map((s) => s.name)).toEqual(['Pilot licence']);
  expect((await harness.callApi('metrics.list', { accountId: account.id })).value).toEqual([]);
});
