import { expect, test } from './fixtures/harness-fixture';
import { createAccount, daysAgo } from './fixtures/account-setup';
import { AccountWorkspace } from './pages/account-workspace';
import { StakeholderMap } from './pages/stakeholder-map';

test('stakeholder map: people mapped to roles, a quiet sponsor flagged, removal undone', async ({ page, harness }) => {
  const { account } = await createAccount(harness, {
    name: 'Northwind Logistics',
    customerSegment: 'employer',
    buyerType: 'employer',
    streams: [{ name: 'Behavioural health PEPM', revenueModel: 'pmpm_pepm', paymentEnvironment: 'self_insured_employer', terms: {} }],
  });
  const workspace = new AccountWorkspace(page);
  const map = new StakeholderMap(page);

  await workspace.open(harness.server.url, 'Northwind Logistics');
  await workspace.showTab('Stakeholders');
  await expect(page.getByTestId('stakeholders-empty')).toBeVisible();

  // The role picker shows what the chosen archetype believes.
  await map.startAdding();
  await map.chooseRole('Buyer CFO');
  await expect(map.believesHint()).toContainText('A dollar figure');
  await map.cancel();

  await map.add({
    name: 'Tom Brennan',
    title: 'CFO',
    role: 'Buyer CFO',
    success: 'Healthcare cost trend below the benchmark.',
    preference: 'One page with numbers',
    lastEngaged: daysAgo(120),
    executiveSponsor: true,
  });
  await map.add({ name: 'Rachel Lindqvist', role: 'Employer HR', lastEngaged: daysAgo(12), budgetHolder: true });
  await map.add({ name: 'Sam Ortiz', role: 'Patients / members', title: 'Employee ambassador' });

  // Only the sponsor who has gone quiet is flagged; someone who is neither sponsor nor budget holder never is.
  await expect(map.flag('Tom Brennan')).toHaveText('Not engaged in 120 days');
  await expect(map.flag('Rachel Lindqvist')).toHaveCount(0);
  await expect(map.flag('Sam Ortiz')).toHaveCount(0);
  await expect(page.getByTestId('stakeholders-flag-summary')).toContainText('Tom Brennan');
  await expect(workspace.tab('Stakeholders')).toContainText('1');

  await workspace.showTab('Overview');
  await expect(page.getByTestId('overview-sponsor-flag')).toContainText('Tom Brennan: not engaged in 120 days');

  // A budget holder with no engagement recorded at all is flagged too.
  await workspace.showTab('Stakeholders');
  await map.card('Rachel Lindqvist').getByRole('button', { name: 'Edit Rachel Lindqvist' }).click();
  await map.dialog.getByLabel(/^Last engaged/).fill('');
  await map.dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(map.flag('Rachel Lindqvist')).toHaveText('No engagement recorded');

  // Remove, then Undo: the person comes back with everything they had.
  await map.remove('Tom Brennan');
  let people = (await harness.callApi('stakeholders.list', { accountId: account.id })).value as { personName: string }[];
  expect(people.map((p) => p.personName).sort()).toEqual(['Rachel Lindqvist', 'Sam Ortiz']);
  await map.undoRemoval();
  await expect(map.card('Tom Brennan')).toBeVisible();
  await expect(map.flag('Tom Brennan')).toHaveText('Not engaged in 120 days');
  people = (await harness.callApi('stakeholders.list', { accountId: account.id })).value;
  expect(people.find((p) => p.personName === 'Tom Brennan')).toMatchObject({
    archetype: 'buyer_cfo',
    title: 'CFO',
    successDefinition: 'Healthcare cost trend below the benchmark.',
    communicationPreference: 'One page with numbers',
    lastEngagedOn: daysAgo(120),
    isExecutiveSponsor: true,
    isBudgetHolder: false,
  });
});
