import { expect, test, type Harness } from './fixtures/harness-fixture';
import { PortfolioPage } from './pages/portfolio-page';
import { WelcomePage } from './pages/welcome-page';

async function namesFromApi(harness: Harness, query: Record<string, string>): Promise<string[]> {
  const result = await harness.callApi('accounts.list', query);
  expect(result.ok).toBe(true);
  return (result.value as { name: string }[]).map((account) => account.name);
}

test.describe('first run with the demo portfolio', () => {
  test.beforeEach(async ({ page, harness }) => {
    const welcome = new WelcomePage(page);
    await welcome.open(harness.server.url);
    await welcome.loadDemo();
  });

  test('loading the demo portfolio lists its nine accounts', async ({ page, harness }) => {
    const portfolio = new PortfolioPage(page);
    await expect(portfolio.rows).toHaveCount(9);
    await expect(portfolio.count).toHaveText('9 accounts');
    expect(await portfolio.visibleNames()).toEqual(await namesFromApi(harness, { sortBy: 'name' }));
    // The choice is remembered: reloading goes straight to the portfolio.
    await page.reload();
    await portfolio.waitUntilShown();
    await expect(portfolio.rows).toHaveCount(9);
  });

  test('search narrows the list to matching names and notes, and offers to clear a search with no matches', async ({
    page,
    harness,
  }) => {
    const portfolio = new PortfolioPage(page);
    await expect(portfolio.rows).toHaveCount(9);

    await portfolio.search('health');
    const expected = await namesFromApi(harness, { search: 'health' });
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(9);
    await expect(portfolio.rows).toHaveCount(expected.length);
    expect(await portfolio.visibleNames()).toEqual(expected);

    await portfolio.search('no account is called this');
    await expect(portfolio.noMatchesState()).toBeVisible();
    await portfolio.noMatchesState().getByRole('button', { name: 'Clear search' }).click();
    await expect(portfolio.searchBox).toHaveValue('');
    await expect(portfolio.rows).toHaveCount(9);
  });

  test('sorting by renewal date orders accounts by renewal, and a second click reverses it', async ({ page, harness }) => {
    const portfolio = new PortfolioPage(page);
    await expect(portfolio.rows).toHaveCount(9);
    await expect(portfolio.columnHeader('Account')).toHaveAttribute('aria-sort', 'ascending');
    const byName = await portfolio.visibleNames();

    await portfolio.sortBy('Renewal');
    await expect(portfolio.columnHeader('Renewal')).toHaveAttribute('aria-sort', 'ascending');
    await expect(portfolio.columnHeader('Account')).toHaveAttribute('aria-sort', 'none');
    const byRenewal = await namesFromApi(harness, { sortBy: 'renewalDate', direction: 'asc' });
    expect(byRenewal).not.toEqual(byName);
    await expect.poll(() => portfolio.visibleNames()).toEqual(byRenewal);

    await portfolio.sortBy('Renewal');
    await expect(portfolio.columnHeader('Renewal')).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(() => portfolio.visibleNames()).toEqual(await namesFromApi(harness, { sortBy: 'renewalDate', direction: 'desc' }));
  });

  test('rows are keyboard operable: arrows move between accounts and Enter opens one', async ({ page }) => {
    const portfolio = new PortfolioPage(page);
    await expect(portfolio.rows).toHaveCount(9);
    const names = await portfolio.visibleNames();

    await portfolio.rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(portfolio.row(names[2]!)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: names[2]!, exact: true })).toBeVisible();
  });
});
