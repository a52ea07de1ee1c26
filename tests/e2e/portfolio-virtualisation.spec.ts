import { expect, test } from './fixtures/harness-fixture';
import { AccountPage } from './pages/account-page';
import { PortfolioPage } from './pages/portfolio-page';

const ACCOUNT_COUNT = 5_000;
const nameOf = (n: number) => `Account ${String(n).padStart(4, '0')}`;

test('the portfolio renders only the visible rows of 5,000 accounts and still reaches the last one', async ({ page, harness }) => {
  const create = harness.backend.handlers['accounts.create'];
  for (let n = 1; n <= ACCOUNT_COUNT; n++) {
    await create({ name: nameOf(n), customerSegment: 'employer', buyerType: 'employer', notes: '', renewalDate: null, contractStartDate: null });
  }
  const portfolio = new PortfolioPage(page);

  await portfolio.open(harness.server.url);
  await expect(portfolio.count).toHaveText('5,000 accounts');
  await expect(portfolio.grid).toHaveAttribute('aria-rowcount', String(ACCOUNT_COUNT + 1));
  await expect(portfolio.row(nameOf(1))).toBeVisible();
  expect(await portfolio.rows.count()).toBeLessThan(100);

  await portfolio.grid.evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));
  await expect(portfolio.row(nameOf(ACCOUNT_COUNT))).toBeInViewport();
  expect(await portfolio.rows.count()).toBeLessThan(100);
  await expect(portfolio.row(nameOf(1))).toHaveCount(0);

  // Keyboard users get there too: Home jumps back to the first row, End to the last.
  await portfolio.row(nameOf(ACCOUNT_COUNT)).focus();
  await page.keyboard.press('Home');
  await expect(portfolio.row(nameOf(1))).toBeFocused();
  await page.keyboard.press('End');
  await expect(portfolio.row(nameOf(ACCOUNT_COUNT))).toBeFocused();
  await page.keyboard.press('Enter');
  const account = new AccountPage(page);
  await account.expectShowing(nameOf(ACCOUNT_COUNT));

  // Coming back lands where the user left, on the row they opened, not at the top of 5,000.
  await account.backToPortfolio();
  await expect(portfolio.row(nameOf(ACCOUNT_COUNT))).toBeFocused();
  await expect(portfolio.row(nameOf(ACCOUNT_COUNT))).toBeInViewport();
});

test('the first paint draws the rows in view; the rows just below follow right after it, so scrolling shows no gap', async ({ page, harness }) => {
  const create = harness.backend.handlers['accounts.create'];
  for (let n = 1; n <= 60; n++) {
    await create({ name: nameOf(n), customerSegment: 'employer', buyerType: 'employer', notes: '', renewalDate: null, contractStartDate: null });
  }
  // How many rows the first render put in the page, counted as they enter it.
  await page.addInitScript(`
    new MutationObserver((_, observer) => {
      const rows = document.querySelectorAll('[role="grid"] [role="row"][data-row-index]');
      if (rows.length === 0) return;
      window.__firstRenderRows = rows.length;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });`);
  const portfolio = new PortfolioPage(page);

  await portfolio.open(harness.server.url);
  await expect(portfolio.row(nameOf(1))).toBeVisible();
  const inView = await portfolio.grid.evaluate((grid) => {
    const box = grid.getBoundingClientRect();
    return [...grid.querySelectorAll('[role="row"][data-row-index]')].filter((row) => {
      const rowBox = row.getBoundingClientRect();
      return rowBox.bottom > box.top && rowBox.top < box.bottom;
    }).length;
  });
  const firstRender = await page.evaluate(() => (globalThis as unknown as { __firstRenderRows: number }).__firstRenderRows);
  expect(firstRender, 'the first render drew the rows in view, not those below').toBeLessThanOrEqual(inView);
  expect(firstRender).toBeGreaterThan(0);
  // Then the rows below the view, ready for a scroll.
  await expect.poll(() => portfolio.rows.count()).toBeGreaterThan(inView + 4);
  await expect(portfolio.row(nameOf(inView + 2))).toHaveCount(1);
  await expect(portfolio.row(nameOf(inView + 2))).not.toBeInViewport();
});
