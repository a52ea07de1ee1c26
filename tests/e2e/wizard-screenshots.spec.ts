import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Harness } from './fixtures/harness-fixture';
import { expect, test } from './fixtures/harness-fixture';
import { AccountWorkspace } from './pages/account-workspace';
import { AssessmentWizard } from './pages/assessment-wizard';
import { PortfolioPage } from './pages/portfolio-page';
import { WelcomePage } from './pages/welcome-page';

/*
 * Screenshots of the account workspace and every wizard step, for a person to look at while
 * building, not assertions on pixels. Run with:
 *   QBR_SCREENSHOTS_DIR=/tmp/shots-wizard npx playwright test wizard-screenshots
 */
const SHOTS_DIR = process.env.QBR_SCREENSHOTS_DIR;
test.skip(!SHOTS_DIR, 'set QBR_SCREENSHOTS_DIR to write screenshots');
const shot = (name: string) => path.join(SHOTS_DIR ?? '.', `${name}.png`);

/** Loads the demo portfolio and opens the wizard on one of its accounts. */
async function openWizardOnDemoAccount(page: Page, harness: Harness, accountName: string) {
  const workspace = new AccountWorkspace(page);
  const wizard = new AssessmentWizard(page);
  const welcome = new WelcomePage(page);
  await welcome.open(harness.server.url);
  await welcome.loadDemo();
  await new PortfolioPage(page).openAccount(accountName);
  await workspace.startAssessment();
  await wizard.expectOpen();
  return { workspace, wizard };
}

test('the account workspace tabs on a demo hybrid account, for review', async ({ page, harness }) => {
  const welcome = new WelcomePage(page);
  const portfolio = new PortfolioPage(page);
  const workspace = new AccountWorkspace(page);
  await welcome.open(harness.server.url);
  await welcome.loadDemo();
  await portfolio.openAccount('Meridian Commercial Health');
  await expect(workspace.heading('Meridian Commercial Health')).toBeVisible();
  await page.waitForTimeout(600);
  await page.screenshot({ path: shot('w01-overview') });

  for (const [tab, name] of [
    ['Revenue streams', 'w02-streams'],
    ['Stakeholders', 'w03-stakeholders'],
    ['Goals', 'w04-goals'],
    ['Metrics', 'w05-metrics'],
    ['Assessments', 'w06-assessments-empty'],
    ['Decks', 'w07-decks'],
  ] as const) {
    await workspace.showTab(tab);
    await page.waitForTimeout(300);
    await page.screenshot({ path: shot(name) });
  }

  await workspace.showTab('Revenue streams');
  await page.getByRole('button', { name: 'Edit Outcomes bonus' }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: shot('w08-stream-modal-vbc') });
  await page.getByRole('button', { name: /Contract readiness clauses/ }).click();
  await page.waitForTimeout(400);
  await page.getByRole('dialog').evaluate((el) => el.querySelector('.mantine-Modal-body')?.scrollTo(0, 10_000));
  await page.screenshot({ path: shot('w09-stream-modal-clauses') });
  await page.keyboard.press('Escape');

  await workspace.showTab('Stakeholders');
  await page.getByRole('button', { name: 'Add stakeholder' }).first().click();
  const role = page.getByRole('textbox', { name: /^Role in the framework/ });
  await role.click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('w10-stakeholder-roles') });
  await role.fill('Buyer CFO');
  await page.getByRole('option', { name: /^Buyer CFO/ }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('w11-stakeholder-modal') });
  await page.keyboard.press('Escape');
});

test('every wizard step on a demo hybrid account, then the saved result, for review', async ({ page, harness }) => {
  const { workspace, wizard } = await openWizardOnDemoAccount(page, harness, 'Meridian Commercial Health');
  await page.waitForTimeout(400);
  await page.screenshot({ path: shot('s1-streams') });

  await wizard.next();
  await wizard.chooseBehaviour('Patients or members');
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('s2-behaviour') });
  await wizard.next();
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('s3-environment') });
  await wizard.next();
  await wizard.chooseOrientation('Outcomes bonus', "Don't know yet");
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('s4-orientation') });
  await wizard.next();
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('s5-path') });
  await wizard.next();
  await wizard.chooseConflictAnswer('Yes');
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('s6-incentives'), fullPage: false });
  await wizard.next();
  await expect(wizard.result()).toBeVisible();
  await page.waitForTimeout(400);
  await page.screenshot({ path: shot('s7-result') });
  await page.getByTestId('assessment-result').locator('xpath=ancestor::*[contains(@style,"overflow")][1]').evaluate((el) => el.scrollTo(0, 1400));
  await page.waitForTimeout(200);
  await page.screenshot({ path: shot('s7-result-2') });
  await wizard.save();
  await page.waitForTimeout(800);
  await page.screenshot({ path: shot('s8-saved-assessments-tab') });
  await workspace.showTab('Overview');
  await page.waitForTimeout(400);
  await page.screenshot({ path: shot('s9-overview-after') });
});

test('the phased hybrid (one hybrid stream) through the wizard, for review', async ({ page, harness }) => {
  const { wizard } = await openWizardOnDemoAccount(page, harness, 'Cascadia Manufacturing');
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('p1-streams') });
  await wizard.goToStep(6, 'Conflicting incentives');
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('p6-incentives') });
  await wizard.goToStep(7, 'Result');
  await expect(wizard.result()).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('p7-result') });
});
