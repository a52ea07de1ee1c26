import path from 'node:path';
import { expect, test } from './fixtures/harness-fixture';
import { PortfolioPage } from './pages/portfolio-page';

/*
 * The portfolio's Health and Signals columns: they show what insights.portfolio says for each
 * account, and sorting by them brings the accounts that need attention to the top.
 */

interface PortfolioInsight {
  accountId: string;
  healthScore: number | null;
  worstSeverity: 'critical' | 'warning' | 'info' | null;
  signalCount: number;
}

const SHOTS_DIR = process.env.QBR_SCREENSHOTS_DIR;
const SEVERITY_LEVEL = { critical: 3, warning: 2, info: 1 } as const;

test('the demo portfolio shows each account’s health and worst signal, and sorts by them', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  const accounts = (await harness.callApi('accounts.list', {})).value as { id: string; name: string }[];
  const insights = (await harness.callApi('insights.portfolio', {})).value as PortfolioInsight[];
  const byName = new Map(accounts.map((account) => [account.name, insights.find((insight) => insight.accountId === account.id)!]));

  const portfolio = new PortfolioPage(page);
  await portfolio.open(harness.server.url);
  await expect(portfolio.rows).toHaveCount(9);
  await expect(portfolio.columnHeader('Health')).toBeVisible();
  await expect(portfolio.columnHeader('Signals')).toBeVisible();

  for (const [name, insight] of byName) {
    await expect(portfolio.healthCell(name)).toHaveAttribute('data-health', insight.healthScore === null ? '' : String(insight.healthScore));
    if (insight.healthScore === null) await expect(portfolio.healthCell(name)).toHaveText('Not available');
    else await expect(portfolio.healthCell(name)).toContainText(String(Math.round(insight.healthScore)));
    await expect(portfolio.signalsCell(name)).toHaveAttribute('data-severity', insight.worstSeverity ?? '');
  }
  const scored = [...byName].filter(([, insight]) => insight.healthScore !== null);
  expect(scored.length).toBeGreaterThan(3);
  expect([...byName.values()].some((insight) => insight.worstSeverity === 'critical')).toBe(true);

  // Health, lowest first: the at-risk accounts lead; accounts without a score go last.
  await portfolio.sortBy('Health');
  await expect(portfolio.columnHeader('Health')).toHaveAttribute('aria-sort', 'ascending');
  const lowestFirst = [...byName]
    .sort(([a, x], [b, y]) => (x.healthScore === null ? 1 : y.healthScore === null ? -1 : x.healthScore - y.healthScore) || a.localeCompare(b))
    .map(([name]) => name);
  // The list re-renders after the header's aria-sort changes, so poll until it has settled.
  await expect.poll(async () => (await portfolio.visibleNames()).slice(0, scored.length)).toEqual(lowestFirst.slice(0, scored.length));
  await expect(portfolio.rows.first().locator('[data-health]')).toContainText('At risk');
  if (SHOTS_DIR) await page.screenshot({ path: path.join(SHOTS_DIR, 'portfolio-health-sorted.png') });

  await portfolio.sortBy('Health');
  await expect(portfolio.columnHeader('Health')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await portfolio.visibleNames()).slice(0, scored.length)).toEqual([...lowestFirst.slice(0, scored.length)].reverse());

  // Signals, most severe first.
  await portfolio.sortBy('Signals');
  await expect(portfolio.columnHeader('Signals')).toHaveAttribute('aria-sort', 'descending');
  const severityLevels = async () =>
    (await portfolio.visibleNames()).map((name) => {
      const severity = byName.get(name)!.worstSeverity;
      return severity ? SEVERITY_LEVEL[severity] : 0;
    });
  await expect.poll(async () => {
    const levels = await severityLevels();
    return levels.join() === [...levels].sort((a, b) => b - a).join();
  }).toBe(true);
  await expect(portfolio.rows.first().locator('[data-severity]')).toHaveAttribute('data-severity', 'critical');
});
