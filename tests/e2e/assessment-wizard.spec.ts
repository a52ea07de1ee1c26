import { expect, test, type Harness } from './fixtures/harness-fixture';
import { createAccount, daysAgo, thisQuarter } from './fixtures/account-setup';
import { AccountWorkspace } from './pages/account-workspace';
import { AssessmentWizard } from './pages/assessment-wizard';
import { Notifications } from './pages/notifications';

/*
 * The wizard end to end in the browser harness: answers are given through the UI only, and what was
 * saved is read back through the API, so a wizard that shows the right thing but saves the wrong
 * thing fails.
 */

async function savedAssessment(harness: Harness, accountId: string) {
  const response = await harness.callApi('assessments.get', { accountId, quarter: thisQuarter() });
  expect(response.ok).toBe(true);
  return response.value;
}

test('an RPM practice: pre-filled answers confirmed through every step and saved as the quarter', async ({ page, harness }) => {
  const { account, streams } = await createAccount(harness, {
    name: 'Riverbend Cardiology',
    customerSegment: 'physician_practice',
    buyerType: 'provider',
    renewalInDays: 200,
    contractStartedDaysAgo: 400,
    streams: [{ name: 'RPM revenue share', revenueModel: 'cpt_rpm', paymentEnvironment: 'medicare_ffs', terms: { variant: 'revenue_share', revenueSharePct: 20, enrolledPatientsContracted: 400 } }],
    stakeholders: [
      { archetype: 'clinic_administrator', personName: 'Dana Whitfield', isBudgetHolder: true, lastEngagedOn: daysAgo(10) },
      { archetype: 'provider_clinician', personName: 'Dr. Samuel Okafor', isExecutiveSponsor: true, lastEngagedOn: daysAgo(30) },
    ],
  });
  const rpm = streams[0]!;
  const workspace = new AccountWorkspace(page);
  const wizard = new AssessmentWizard(page);

  await workspace.open(harness.server.url, 'Riverbend Cardiology');
  await workspace.startAssessment();
  await wizard.expectOpen();

  // 1 — the stream is pre-filled from its recorded terms.
  await wizard.expectStep('How does your company get paid for this account?');
  await expect(wizard.howPaid('RPM revenue share')).toHaveValue('Share of CPT reimbursement');
  await wizard.next();

  // 2 — the gate follows the answer live; RPM billing adds the clinician gate.
  await wizard.expectStep('Who must change behaviour for value to appear?');
  await expect(wizard.stepHeading).toBeFocused();
  await wizard.chooseBehaviour('Patients or members');
  await expect(wizard.gates()).toContainText('Patient activation and adherence');
  await expect(wizard.gates()).toContainText('Clinician workflow adoption');
  await wizard.next();

  // 3 — the stream's environment is ticked already.
  await expect(wizard.environment('Fee-for-service Medicare')).toBeChecked();
  await wizard.next();

  // 4 — generating revenue is suggested, with the reason.
  await expect(wizard.orientationRadio('RPM revenue share', 'Generating revenue')).toBeChecked();
  await expect(wizard.stream('RPM revenue share').getByTestId('orientation-suggestion')).toContainText('Fee-for-service providers earn reimbursement');
  await wizard.next();

  // 5 — monthly is the usual RPM path.
  await expect(wizard.pathRadio('RPM revenue share', 'Monthly')).toBeChecked();
  await expect(page.getByTestId('wizard-runway')).toContainText('monthly readings before renewal');
  await wizard.next();

  // 6 — a single stream has nothing to trade off.
  await expect(page.getByTestId('wizard-conflicts')).toContainText('no conflict');
  await wizard.chooseConflictAnswer('No');
  await wizard.next();

  // 7 — result, then save.
  await expect(page.getByTestId('result-primary-model')).toHaveText('CPT / RPM reimbursement');
  await wizard.save();
  await expect(new Notifications(page).withTitle('assessment saved')).toBeVisible();
  await expect(workspace.tab('Assessments')).toHaveAttribute('aria-selected', 'true');

  const saved = await savedAssessment(harness, account.id);
  expect(saved.status).toBe('final');
  expect(saved.result.identification.primaryModel).toBe('cpt_rpm');
  expect(saved.result.identification.isHybrid).toBe(false);
  expect(saved.result.identification.streams.map((s: { id: string; statedOrientation: string }) => [s.id, s.statedOrientation])).toEqual([[rpm.id, 'generating_revenue']]);
  expect(saved.result.identification.engagementGates.map((g: { gate: string }) => g.gate).sort()).toEqual(['clinician_workflow_adoption', 'patient_activation_adherence']);
  expect(saved.answers.paymentEnvironments).toEqual(['medicare_ffs']);
  const questionKeys = saved.result.openQuestions.map((q: { key: string }) => q.key);
  expect(questionKeys).not.toContain('orientation_unknown');
  expect(questionKeys).not.toContain('who_changes_behaviour');
  expect(questionKeys).not.toContain('payment_environment');
});

test('a PMPM employer: an unknown orientation is recorded as the first open question, with the note', async ({ page, harness }) => {
  const { account, streams } = await createAccount(harness, {
    name: 'Northwind Logistics',
    customerSegment: 'employer',
    buyerType: 'employer',
    renewalInDays: 120,
    streams: [{ name: 'Behavioural health PEPM', revenueModel: 'pmpm_pepm', paymentEnvironment: null, terms: { unit: 'employee', ratePerMonthUsd: 3.5, eligiblePopulation: 12000 } }],
    stakeholders: [{ archetype: 'employer_hr_benefits_leader', personName: 'Rachel Lindqvist', isBudgetHolder: true }],
  });
  const pepm = streams[0]!;
  const workspace = new AccountWorkspace(page);
  const wizard = new AssessmentWizard(page);

  await workspace.open(harness.server.url, 'Northwind Logistics');
  await workspace.startAssessment();
  await expect(wizard.howPaid('Behavioural health PEPM')).toHaveValue('Per employee per month');
  await wizard.next();
  await wizard.chooseBehaviour('Patients or members');
  await wizard.next();

  // The stream has no environment recorded: nothing is ticked until the CSM says.
  await expect(wizard.environment('Self-insured employer')).not.toBeChecked();
  await wizard.environment('Self-insured employer').check();
  await wizard.next();

  // The suggestion follows the environment just chosen; the CSM does not know yet.
  await expect(wizard.orientationRadio('Behavioural health PEPM', 'Reducing costs')).toBeChecked();
  await expect(wizard.stream('Behavioural health PEPM').getByTestId('orientation-suggestion')).toContainText('The employer pays claims itself');
  await wizard.chooseOrientation('Behavioural health PEPM', "Don't know yet");
  await expect(wizard.stream('Behavioural health PEPM').getByTestId('orientation-open-question')).toBeVisible();
  await wizard.writeOrientationNote('Behavioural health PEPM', 'HR talks engagement, the CFO has never been in the room.');
  await wizard.next();

  await expect(wizard.pathRadio('Behavioural health PEPM', 'At renewal')).toBeChecked();
  await wizard.next();
  await wizard.next();
  await expect(page.getByTestId('result-open-questions')).toContainText('Does the buyer experience Behavioural health PEPM as generating revenue or as reducing their costs?');
  await wizard.save();
  await expect(new Notifications(page).withTitle('assessment saved')).toBeVisible();

  const saved = await savedAssessment(harness, account.id);
  expect(saved.status).toBe('final');
  expect(saved.result.identification.primaryModel).toBe('pmpm_pepm');
  expect(saved.result.identification.isHybrid).toBe(false);
  expect(saved.result.identification.streams[0]).toMatchObject({ id: pepm.id, statedOrientation: 'unknown', expectedOrientation: 'reducing_costs' });
  expect(saved.answers.paymentEnvironments).toEqual(['self_insured_employer']);
  expect(saved.result.identification.engagementGates.map((g: { gate: string }) => g.gate)).toEqual(['patient_activation_adherence']);
  expect(saved.result.openQuestions).toContainEqual(expect.objectContaining({ key: 'orientation_unknown', streamId: pepm.id, priority: 'first_conversation' }));
  expect(saved.orientationNotes).toEqual({ [pepm.id]: 'HR talks engagement, the CFO has never been in the room.' });
});

test('a hybrid health plan: a stream added inline, the trade-off answered by the buyer, saved as a hybrid', async ({ page, harness }) => {
  const { account, streams } = await createAccount(harness, {
    name: 'Meridian Commercial Health',
    customerSegment: 'health_plan',
    buyerType: 'payer',
    renewalInDays: 300,
    contractStartedDaysAgo: 200,
    streams: [{ name: 'PMPM base', revenueModel: 'pmpm_pepm', paymentEnvironment: 'commercial_insurance', terms: { unit: 'member', ratePerMonthUsd: 4.5, eligiblePopulation: 60000 } }],
    stakeholders: [
      { archetype: 'health_plan_cfo_actuary', personName: 'Jonah Weiss' },
      { archetype: 'health_plan_executive_sponsor', personName: 'Caroline Shaw', isExecutiveSponsor: true, isBudgetHolder: true, lastEngagedOn: daysAgo(20) },
    ],
  });
  const base = streams[0]!;
  const workspace = new AccountWorkspace(page);
  const wizard = new AssessmentWizard(page);

  await workspace.open(harness.server.url, 'Meridian Commercial Health');
  await workspace.startAssessment();

  // 1 — add the outcomes bonus from inside the wizard, with its model-specific terms.
  await wizard.addStreamInline();
  const dialog = page.getByRole('dialog', { name: 'Add revenue stream' });
  await dialog.getByRole('textbox', { name: /^Stream name/ }).fill('Outcomes bonus');
  await dialog.getByRole('textbox', { name: /^Revenue model/ }).click();
  await page.getByRole('option', { name: 'Value-based / outcomes', exact: true }).click();
  await dialog.getByRole('textbox', { name: /^Buyer's payment environment/ }).click();
  await page.getByRole('option', { name: 'Commercial insurance', exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Structure' }).click();
  await page.getByRole('option', { name: 'Shared savings', exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Measurement period' }).fill('24');
  await dialog.getByRole('button', { name: 'Add stream' }).click();
  await expect(dialog).toBeHidden();
  await expect(wizard.howPaid('Outcomes bonus')).toHaveValue('Shared savings');
  await wizard.setRevenueShare('PMPM base', 75);
  await wizard.setRevenueShare('Outcomes bonus', 25);
  await wizard.next();

  await wizard.chooseBehaviour('Patients or members');
  await expect(wizard.gates()).toContainText('Enrolment volume for statistical significance');
  await wizard.next();
  await expect(wizard.environment('Commercial insurance')).toBeChecked();
  await wizard.next();
  await expect(wizard.orientationRadio('PMPM base', 'Reducing costs')).toBeChecked();
  await expect(wizard.orientationRadio('Outcomes bonus', 'Reducing costs')).toBeChecked();
  await wizard.next();
  await expect(wizard.pathRadio('Outcomes bonus', 'After a measurement period')).toBeChecked();
  await wizard.next();

  // 6 — the breadth-vs-targeting trade-off is put to the buyer and their answer recorded.
  await expect(page.getByTestId('wizard-conflicts').locator('[data-conflict-key="breadth_vs_targeting"]')).toContainText('Which result matters more to your organisation right now?');
  await wizard.chooseConflictAnswer('Yes');
  await wizard.chooseBuyerPriority('Target the highest-risk members');
  await wizard.writeBuyerAnswer('Focus on the highest-risk members this year.');
  await wizard.next();

  await expect(page.getByTestId('result-primary-model')).toHaveText('Hybrid');
  await expect(page.getByTestId('result-readiness')).toContainText('Outcomes bonus');
  await wizard.save();
  await expect(new Notifications(page).withTitle('assessment saved')).toBeVisible();

  const saved = await savedAssessment(harness, account.id);
  const bonus = (await harness.callApi('streams.list', { accountId: account.id })).value.find((s: { name: string }) => s.name === 'Outcomes bonus');
  expect(saved.status).toBe('final');
  const identification = saved.result.identification;
  expect(identification.primaryModel).toBe('hybrid');
  expect(identification.isHybrid).toBe(true);
  expect(identification.hybridStructure).toBe('pmpm_plus_shared_savings');
  expect(identification.streams.map((s: { id: string; statedOrientation: string }) => [s.id, s.statedOrientation])).toEqual([
    [base.id, 'reducing_costs'],
    [bonus.id, 'reducing_costs'],
  ]);
  expect(identification.engagementGates.map((g: { gate: string }) => g.gate).sort()).toEqual(['enrollment_volume_significance', 'patient_activation_adherence']);
  expect(saved.answers.conflictingIncentives).toEqual({ answer: 'yes', buyerPriority: 'high_risk_targeting', buyerAnswer: 'Focus on the highest-risk members this year.' });
  expect(saved.answers.streams.map((s: { contractTerms?: { revenueSharePct?: number } }) => s.contractTerms?.revenueSharePct)).toEqual([75, 25]);
  const questionKeys = saved.result.openQuestions.map((q: { key: string }) => q.key);
  expect(questionKeys.filter((key: string) => key.startsWith('trade_off_'))).toEqual([]);
  expect(saved.result.contractReadiness.map((r: { streamId: string }) => r.streamId)).toEqual([bonus.id]);
});

test('a draft is autosaved when the CSM leaves mid-wizard and resumed, answers intact, after a reload', async ({ page, harness }) => {
  const { account, streams } = await createAccount(harness, {
    name: 'Summit Senior Health Plan',
    customerSegment: 'health_plan',
    buyerType: 'payer',
    streams: [{ name: 'RPM per-patient fee', revenueModel: 'cpt_rpm', paymentEnvironment: 'medicare_advantage', terms: { variant: 'per_patient_fee' } }],
  });
  const stream = streams[0]!;
  const workspace = new AccountWorkspace(page);
  const wizard = new AssessmentWizard(page);

  await workspace.open(harness.server.url, 'Summit Senior Health Plan');
  await workspace.startAssessment();
  await wizard.goToStep(2, 'Who must change');
  await wizard.chooseBehaviour('Both');
  await wizard.goToStep(3, 'Payment environment');
  await wizard.environment('Medicaid managed care').check();
  await wizard.goToStep(4, 'Revenue or cost');
  await wizard.chooseOrientation('RPM per-patient fee', 'Both');
  await wizard.writeOrientationNote('RPM per-patient fee', 'Star Ratings team calls it revenue.');
  // Leave straight away, before the autosave delay has passed: leaving must still save.
  await wizard.leaveToAccount('Summit Senior Health Plan');
  await expect(workspace.tab('Assessments')).toHaveAttribute('aria-selected', 'true');

  await expect.poll(async () => (await harness.callApi('assessments.get', { accountId: account.id, quarter: thisQuarter() })).value?.status).toBe('draft');
  const draft = (await harness.callApi('assessments.get', { accountId: account.id, quarter: thisQuarter() })).value;
  expect(draft.result).toBeNull();
  expect(draft.answers.behaviourChange).toBe('both');
  expect(draft.orientationNotes).toEqual({ [stream.id]: 'Star Ratings team calls it revenue.' });

  await page.reload();
  await workspace.open(harness.server.url, 'Summit Senior Health Plan');
  await workspace.startAssessment();
  await expect(page.getByTestId('wizard-resumed')).toContainText('Picking up your draft');
  await wizard.expectStep('Does the buyer experience each stream as generating revenue or reducing costs?');
  await expect(wizard.orientationRadio('RPM per-patient fee', 'Both')).toBeChecked();
  await expect(wizard.stream('RPM per-patient fee').getByRole('textbox', { name: /^Why/ })).toHaveValue('Star Ratings team calls it revenue.');
  await wizard.goToStep(2, 'Who must change');
  await expect(wizard.radio(page.getByRole('radiogroup', { name: 'Who must change behaviour?' }), 'Both')).toBeChecked();
  await wizard.goToStep(3, 'Payment environment');
  await expect(wizard.environment('Medicare Advantage (capitated)')).toBeChecked();
  await expect(wizard.environment('Medicaid managed care')).toBeChecked();
});

test('the wizard is keyboard operable: focus lands on each step heading, radio groups answer to arrow keys', async ({ page, harness }) => {
  await createAccount(harness, {
    name: 'Lakeshore Health System',
    customerSegment: 'hospital_health_system',
    buyerType: 'provider',
    streams: [{ name: 'Care management platform', revenueModel: 'saas_license', paymentEnvironment: 'provider_ffs', terms: { licensing: 'per_user' } }],
  });
  const workspace = new AccountWorkspace(page);
  const wizard = new AssessmentWizard(page);
  await workspace.open(harness.server.url, 'Lakeshore Health System');
  await workspace.startAssessment();
  await wizard.expectOpen();

  await page.getByRole('button', { name: /^Next: / }).focus();
  await page.keyboard.press('Enter');
  await wizard.expectStep('Who must change behaviour for value to appear?');
  await expect(wizard.stepHeading).toBeFocused();

  // Tab from the heading lands on the checked choice ("don't know" until answered); arrows move the choice.
  await page.keyboard.press('Tab');
  await expect(wizard.radio(page, "Don't know yet")).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(wizard.radio(page, 'Patients or members')).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(wizard.radio(page, 'Clinicians or care managers')).toBeChecked();
  await expect(wizard.gates()).toContainText('Clinician workflow adoption');

  // Tab on to Next and press Enter.
  for (let i = 0; i < 10 && !(await page.getByRole('button', { name: /^Next: / }).evaluate((el) => el === el.ownerDocument.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await wizard.expectStep('How is the buyer paid?');
  await expect(wizard.stepHeading).toBeFocused();

  // Any step is reachable from the stepper with the keyboard.
  await wizard.stepButton(7, 'Result').focus();
  await page.keyboard.press('Enter');
  await wizard.expectStep('The assessment');
  await expect(wizard.stepHeading).toBeFocused();
  await expect(page.getByTestId('result-primary-model')).toHaveText('SaaS licensing');
});
