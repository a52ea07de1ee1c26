import path from 'node:path';
import { expect, test } from './fixtures/harness-fixture';
import { AccountPage } from './pages/account-page';
import { MetricsPanel } from './pages/metrics-panel';
import { PortfolioPage } from './pages/portfolio-page';

/*
 * The account's Metrics tab (AccountMetricsPanel): health with its components and trend, signals with
 * evidence and plays, KPIs with their traces, and entering a month's values by hand.
 */

const RIVERBEND = 'Riverbend Cardiology Associates';
const SHOTS_DIR = process.env.QBR_SCREENSHOTS_DIR;

test('Riverbend’s metrics show health, the decoupling and leakage signals, and a hand-entered value moves its KPI', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  const portfolio = new PortfolioPage(page);
  await portfolio.open(harness.server.url);
  await portfolio.openAccount(RIVERBEND);
  await new AccountPage(page).expectShowing(RIVERBEND);
  const metrics = new MetricsPanel(page);
  await metrics.openTab();
  // Enabled by itself once the account workspace mounts AccountMetricsPanel in its Metrics tab.
  expect(await metrics.isMounted()).toBe(true);

  await expect(metrics.healthScore()).toContainText(/\d/);
  await expect(metrics.healthComponents()).toContainText('Device engagement');
  await expect(metrics.signal('rpm_billing_engagement_decoupling')).toContainText('Critical');
  await expect(metrics.signal('rpm_billing_engagement_decoupling')).toContainText('Play:');
  await expect(metrics.signal('rpm_management_code_leakage')).toBeVisible();
  if (SHOTS_DIR) await page.screenshot({ path: path.join(SHOTS_DIR, 'account-metrics.png'), fullPage: true });

  // The KPI's trace names its formula and inputs with their month.
  await metrics.kpiValue('rpm_avg_device_days_per_patient').click();
  const trace = page.getByRole('group', { name: /How Average device days per patient/ });
  await expect(trace).toContainText('rpm_device_days_total');
  await expect(trace).toContainText('Total device days');
  await page.keyboard.press('Escape');

  const before = await metrics.kpiValue('rpm_avg_device_days_per_patient').innerText();
  const entry = await metrics.openEntry();
  await entry.getByLabel('Total device days').fill('8100');
  await entry.getByRole('button', { name: 'Save values' }).click();
  await expect(entry).toBeHidden();
  await expect(metrics.kpiValue('rpm_avg_device_days_per_patient')).not.toHaveText(before);
  await expect(metrics.kpiValue('rpm_avg_device_days_per_patient')).toHaveText('20 days');

  // Emptying a stored field removes the value after a confirmation; the KPI then says what it misses.
  const again = await metrics.openEntry();
  await again.getByLabel('Total device days').fill('');
  await again.getByRole('button', { name: 'Save values' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove stored values?' });
  await expect(confirm).toContainText('Total device days');
  await confirm.getByRole('button', { name: 'Remove and save' }).click();
  await expect(metrics.kpiValue('rpm_avg_device_days_per_patient')).toHaveText('Not available');
  await expect(metrics.kpiRow('rpm_avg_device_days_per_patient')).toContainText('Needs Total device days');
});

test('a Medicare Advantage RPM account leads its Metrics tab with events avoided and Star measures, weighs no claims capture', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  const portfolio = new PortfolioPage(page);
  await portfolio.open(harness.server.url);
  await portfolio.openAccount('Summit Senior Health Plan');
  const metrics = new MetricsPanel(page);
  await metrics.openTab();
  expect(await metrics.isMounted()).toBe(true);
  await expect(metrics.panel.getByTestId('lead-metrics').first()).toContainText('Medicare Advantage (capitated)');
  for (const key of ['outcome_er_visits_avoided', 'rpm_readmissions_monitored_pct', 'outcome_readmission_cost_avoided_usd', 'outcome_star_rating_measures']) {
    await expect(metrics.leadMetric(key).getByTestId('lead-metric-value')).not.toHaveText('Not recorded');
  }
  await expect(metrics.healthComponents()).toContainText('Readmissions avoided');
  await expect(metrics.healthComponents()).not.toContainText('Management-code capture');
  // Its charts follow the story too: the outcomes first, the billing charts after.
  const charts = metrics.panel.locator('[data-testid^="stream-metrics-"] figure[data-testid^="chart-"]');
  await expect(charts.first()).toHaveAttribute('data-testid', /^chart-lead_outcome_/);
  const ids = await charts.evaluateAll((figures) => figures.map((f) => f.getAttribute('data-testid')));
  expect(ids.indexOf('chart-rpm_code_mix')).toBeGreaterThan(ids.findLastIndex((id) => id?.startsWith('chart-lead_outcome_')));
  if (SHOTS_DIR) {
    for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width, height });
      await metrics.leadMetric('outcome_er_visits_avoided').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS_DIR, `metrics-ma-rpm-${width}x${height}.png`) });
      await charts.first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS_DIR, `metrics-ma-rpm-charts-${width}x${height}.png`) });
      await page.screenshot({ path: path.join(SHOTS_DIR, `metrics-ma-rpm-${width}x${height}-full.png`), fullPage: true });
    }
  }
});

test('Meridian’s Metrics tab shows the claims completeness and eligibility accuracy its deck quotes on the PMPM and outcomes slides', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  const accounts = (await harness.callApi('accounts.list', {})).value as { id: string; name: string }[];
  const meridian = accounts.find((account) => account.name === 'Meridian Commercial Health')!;
  const plan = (await harness.callApi('decks.plan', { accountId: meridian.id, audience: ['health_plan_executive_sponsor', 'health_plan_cfo_actuary'] })).value as { slides: { title: string }[] };
  const titles = plan.slides.map((slide) => slide.title);
  // The savings-validation slide is about the PMPM base; the data-quality slide about the outcomes bonus.
  const savings = titles.find((title) => title.startsWith('Savings are not yet validated on claims: claims completeness is'));
  const quality = titles.find((title) => title.startsWith('Claims-data completeness'));
  expect(savings, titles.join('\n')).toBeDefined();
  expect(quality, titles.join('\n')).toBeDefined();
  const completeness = /claims completeness is ([\d.]+%)/.exec(savings!)![1]!;
  const accuracy = /eligibility-file accuracy is ([\d.]+%)/.exec(quality!)![1]!;
  expect(quality).toContain(completeness);

  const portfolio = new PortfolioPage(page);
  await portfolio.open(harness.server.url);
  await portfolio.openAccount(meridian.name);
  const metrics = new MetricsPanel(page);
  await metrics.openTab();
  expect(await metrics.isMounted()).toBe(true);
  await expect(metrics.kpiValue('vbc_claims_completeness_pct')).toHaveText(completeness);
  await expect(metrics.kpiValue('vbc_eligibility_accuracy_pct')).toHaveText(accuracy);
  if (SHOTS_DIR) await metrics.kpiRow('vbc_claims_completeness_pct').screenshot({ path: path.join(SHOTS_DIR, 'meridian-data-quality-kpis.png') });
});
