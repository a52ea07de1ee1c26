import path from 'node:path';
import { checkScreen, LARGE_WINDOW } from './fixtures/screen-checks';
import { expect, test } from './fixtures/harness-fixture';
import { AccountForm } from './pages/account-form';
import { AccountWorkspace } from './pages/account-workspace';
import { AssessmentWizard } from './pages/assessment-wizard';
import { DeckBuilder, PortfolioDecksDialog } from './pages/deck-builder';
import { ImportMetricsDialog } from './pages/import-metrics-dialog';
import { MetricsPanel } from './pages/metrics-panel';
import { PortfolioPage } from './pages/portfolio-page';
import { SettingsPage } from './pages/settings-page';
import { StakeholderMap } from './pages/stakeholder-map';
import { WelcomePage } from './pages/welcome-page';
import { ImportWorkspaceDialog, TeamConnectDialog, WorkspacePage } from './pages/workspace-page';

/*
 * Every screen and dialog, each checked by checkScreen: no serious or critical axe-core violation,
 * and at 1440×900 and 1024×700 no horizontal overflow and no cut-off button, tab or badge label.
 * Screenshots of each at both sizes: QBR_SCREENSHOTS_DIR=/tmp/shots npx playwright test screen-checks
 */

test.use({ viewport: LARGE_WINDOW });
test.setTimeout(240_000);

const MERIDIAN = 'Meridian Commercial Health';

test('first run, the empty portfolio, a new account and its checklist, workspace and settings', async ({ page, harness }) => {
  const welcome = new WelcomePage(page);
  const portfolio = new PortfolioPage(page);
  const form = new AccountForm(page);
  const workspace = new AccountWorkspace(page);

  await welcome.open(harness.server.url);
  await checkScreen(page, 'a01-welcome', 'the first-run screen');

  await welcome.startEmpty();
  await expect(portfolio.noAccountsState()).toBeVisible();
  await checkScreen(page, 'a02-portfolio-empty', 'the empty portfolio');

  await portfolio.startNewAccount();
  await form.fill({ name: 'Lakeshore Family Physicians', segment: 'Physician practice', buyerType: 'Provider' });
  await checkScreen(page, 'a03-new-account', 'the new-account dialog');
  await form.submit();
  await expect(workspace.heading('Lakeshore Family Physicians')).toBeVisible();
  await checkScreen(page, 'a04-account-checklist', 'a new account with its setup checklist');

  const workspaceScreen = new WorkspacePage(page);
  await workspaceScreen.goTo();
  await checkScreen(page, 'a05-workspace', 'the workspace screen');
  await workspaceScreen.startExport();
  await checkScreen(page, 'a06-workspace-path-prompt', 'the workspace path prompt');
  await workspaceScreen.cancelPrompt();
  const teamConnect = new TeamConnectDialog(page);
  await teamConnect.open();
  await checkScreen(page, 'a06a-team-connect', 'the connect-to-a-team-workspace form');
  await page.keyboard.press('Escape');
  await expect(teamConnect.dialog).toBeHidden();

  // An export that differs from the workspace, so the merge preview has a record to list.
  const exportPath = path.join(harness.dir, 'export.json');
  expect((await harness.callApi('workspace.exportJson', { path: exportPath })).ok).toBe(true);
  const accounts = (await harness.callApi('accounts.list')).value as { id: string }[];
  expect((await harness.callApi('accounts.update', { id: accounts[0]!.id, patch: { notes: 'Renewal call booked' } })).ok).toBe(true);
  const importDialog = new ImportWorkspaceDialog(page);
  await importDialog.open();
  await importDialog.preview(exportPath, 'Merge');
  await checkScreen(page, 'a06b-workspace-import-preview', 'the workspace import preview');
  await page.keyboard.press('Escape');
  await expect(importDialog.dialog).toBeHidden();

  const settings = new SettingsPage(page);
  await settings.goTo();
  await checkScreen(page, 'a07-settings', 'the settings screen (general, deck brand, health weights)');
  await page.getByRole('region', { name: 'Health score weights' }).scrollIntoViewIfNeeded();
  await checkScreen(page, 'a08-settings-weights', 'the settings screen scrolled to the health weights');
  await settings.generalField('Your name').fill('Dana Whitfield');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Portfolio' }).click();
  await expect(page.getByRole('dialog', { name: 'Save your changes?' })).toBeVisible();
  await checkScreen(page, 'a09-settings-unsaved', 'the unsaved-changes question');
});

test('the demo portfolio, its dialogs, an account’s tabs and dialogs, and the deck builder', async ({ page, harness }) => {
  const welcome = new WelcomePage(page);
  const portfolio = new PortfolioPage(page);
  const workspace = new AccountWorkspace(page);

  await welcome.open(harness.server.url);
  await welcome.loadDemo();
  await expect(portfolio.rows).toHaveCount(9);
  await expect(portfolio.healthCell(MERIDIAN)).toHaveAttribute('data-health', /\d/);
  await checkScreen(page, 'b01-portfolio', 'the demo portfolio');

  await page.getByRole('button', { name: /^Filters/ }).click();
  await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible();
  await checkScreen(page, 'b02-portfolio-filters', 'the portfolio filters');
  await page.keyboard.press('Escape');

  await portfolio.startImport();
  const importDialog = new ImportMetricsDialog(page);
  await expect(importDialog.dialog).toBeVisible();
  await checkScreen(page, 'b03-import-choose', 'the metrics import dialog');
  await importDialog.chooseFile(
    'riverbend.csv',
    ['account,stream,metric,month,value', 'Riverbend Cardiology Associates,RPM revenue share,rpm_enrolled_patients,2030-01,410', 'Nobody,,rpm_eligible_patients,2030-01,990'].join('\n'),
  );
  await checkScreen(page, 'b04-import-preview', 'the metrics import preview with a row error');
  await page.keyboard.press('Escape');
  await expect(importDialog.dialog).toBeHidden();

  const decksDialog = new PortfolioDecksDialog(page);
  await decksDialog.open();
  await checkScreen(page, 'b05-portfolio-decks', 'the portfolio decks dialog');
  await page.keyboard.press('Escape');

  await portfolio.openAccount(MERIDIAN);
  await expect(workspace.heading(MERIDIAN)).toBeVisible();
  await checkScreen(page, 'b06-overview', 'the account overview');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Delete this account?' })).toBeVisible();
  await checkScreen(page, 'b06b-delete-confirm', 'the delete confirmation');
  await page.getByRole('dialog', { name: 'Delete this account?' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await workspace.showTab('Revenue streams');
  await checkScreen(page, 'b07-streams', 'the revenue streams tab');
  await page.getByRole('button', { name: /^Edit / }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await checkScreen(page, 'b08-stream-dialog', 'the stream dialog');
  await page.keyboard.press('Escape');

  await workspace.showTab('Stakeholders');
  await checkScreen(page, 'b09-stakeholders', 'the stakeholders tab');
  const people = new StakeholderMap(page);
  await people.startAdding();
  await checkScreen(page, 'b10-stakeholder-dialog', 'the stakeholder dialog');
  await page.keyboard.press('Escape');

  await workspace.showTab('Goals');
  await checkScreen(page, 'b11-goals', 'the goals tab');
  await page.getByRole('button', { name: 'Add goal' }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await checkScreen(page, 'b11b-goal-dialog', 'the goal dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  const metrics = new MetricsPanel(page);
  await workspace.showTab('Metrics');
  expect(await metrics.isMounted()).toBe(true);
  await expect(metrics.healthScore()).toContainText(/\d/);
  await checkScreen(page, 'b12-metrics', 'the metrics tab');
  await metrics.panel.getByRole('button', { name: 'Enter month values' }).click();
  await expect(page.getByRole('dialog', { name: 'Enter month values' })).toBeVisible();
  await checkScreen(page, 'b13-month-values', 'the month values dialog');
  await page.keyboard.press('Escape');

  await workspace.showTab('Assessments');
  await checkScreen(page, 'b14-assessments', 'the assessments tab');

  const decks = new DeckBuilder(page);
  await workspace.showTab('Decks');
  await decks.waitForPlan();
  await checkScreen(page, 'b15-deck-builder', 'the deck builder');
});

test('every wizard step, the result and the saved assessment', async ({ page, harness }) => {
  const welcome = new WelcomePage(page);
  const workspace = new AccountWorkspace(page);
  const wizard = new AssessmentWizard(page);
  await welcome.open(harness.server.url);
  await welcome.loadDemo();
  await new PortfolioPage(page).openAccount(MERIDIAN);
  await workspace.startAssessment();
  await wizard.expectOpen();

  await checkScreen(page, 'c1-wizard-streams', 'wizard step 1 (streams)');
  await wizard.next();
  await wizard.chooseBehaviour('Patients or members');
  await checkScreen(page, 'c2-wizard-behaviour', 'wizard step 2 (behaviour)');
  await wizard.next();
  await checkScreen(page, 'c3-wizard-environment', 'wizard step 3 (payment environment)');
  await wizard.next();
  await checkScreen(page, 'c4-wizard-orientation', 'wizard step 4 (revenue or cost)');
  await wizard.next();
  await checkScreen(page, 'c5-wizard-path', 'wizard step 5 (path to revenue)');
  await wizard.next();
  await wizard.chooseConflictAnswer('Yes');
  await checkScreen(page, 'c6-wizard-incentives', 'wizard step 6 (conflicting incentives)');
  await wizard.next();
  await expect(wizard.result()).toBeVisible();
  await checkScreen(page, 'c7-wizard-result', 'wizard step 7 (result)');
  await wizard.save();
  await expect(workspace.tab('Assessments')).toHaveAttribute('aria-selected', 'true');
  await checkScreen(page, 'c8-assessment-saved', 'the saved assessment');
  await workspace.showTab('Overview');
  await checkScreen(page, 'c9-overview-assessed', 'the overview after the assessment');
});
