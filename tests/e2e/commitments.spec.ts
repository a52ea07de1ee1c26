import path from 'node:path';
import { expect, test } from './fixtures/harness-fixture';
import { AccountWorkspace } from './pages/account-workspace';
import { DeckBuilder } from './pages/deck-builder';
import { PortfolioPage } from './pages/portfolio-page';

/*
 * Issue 15 in the UI: the portfolio counts open and overdue commitments; the overview lists them
 * and marks them; the deck builder accepts, edits or drops what a deck proposes and saves the
 * accepted ones with the export. QBR_SCREENSHOTS_DIR=DIR also writes review screenshots at
 * 1440×900 and 1024×700.
 */
const RIVERBEND = 'Riverbend Cardiology Associates';
const SHOTS_DIR = process.env.QBR_SCREENSHOTS_DIR;
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;

async function shoot(page: import('@playwright/test').Page, name: string, fullPage = false): Promise<void> {
  if (!SHOTS_DIR) return;
  const original = page.viewportSize();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS_DIR, `${name}-${size.width}.png`), fullPage });
  }
  if (original) await page.setViewportSize(original);
}

test('open commitments on the portfolio and overview; marked and accepted at export in the deck builder', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  const portfolio = new PortfolioPage(page);
  await portfolio.open(harness.server.url);
  // The demo's last quarter left six commitments open on three accounts, some past due.
  const strip = page.getByTestId('summary-commitments');
  await expect(strip.getByTestId('summary-commitments-value')).toHaveText('6');
  await expect(strip).toContainText('4 overdue');
  await shoot(page, 'ledger-01-portfolio');

  await portfolio.openAccount(RIVERBEND);
  const workspace = new AccountWorkspace(page);
  await expect(workspace.heading(RIVERBEND)).toBeVisible();
  const card = page.getByTestId('overview-commitments');
  await expect(card).toContainText('3 open, 2 overdue');
  const decision = card.getByTestId('commitment-row').filter({ hasText: 'Decide whether to add a second RPM nurse' });
  await decision.getByTestId('commitment-status').click();
  await page.getByRole('option', { name: 'Done', exact: true }).click();
  await expect(card).toContainText('2 open, 1 overdue');
  const outcome = card.getByTestId('commitment-row').filter({ hasText: 'Decide whether to add a second RPM nurse' }).getByTestId('commitment-outcome');
  await outcome.fill('Approved at the November budget meeting');
  await outcome.press('Enter');
  await expect.poll(async () => (await harness.callApi('commitments.list', { accountId: (await harness.callApi('accounts.list', { search: 'Riverbend' })).value[0].id })).value.find((c: { text: string }) => c.text.startsWith('Decide whether')).outcomeNote).toBe('Approved at the November budget meeting');
  await card.scrollIntoViewIfNeeded();
  await shoot(page, 'ledger-02-overview');

  const builder = new DeckBuilder(page);
  await builder.openTab();
  await builder.waitForPlan();
  const review = builder.root.getByTestId('commitments-review');
  await expect(review).toBeVisible();
  const proposals = review.getByTestId('commitment-proposal');
  const total = await proposals.count();
  expect(total).toBeGreaterThan(1);
  await expect(builder.slide('commitments-review')).toBeVisible();
  // Drop the first proposal, reword the second.
  await proposals.nth(0).getByRole('checkbox').uncheck();
  await proposals.nth(1).getByLabel('Commitment', { exact: true }).fill('Walk the nurses through device-day reminders every Monday');
  await expect(builder.root.getByTestId('commitments-review-count')).toHaveText(`${total - 1} of ${total} accepted; they are saved with the deck when you export.`);
  await review.scrollIntoViewIfNeeded();
  await shoot(page, 'ledger-03-deck-builder');

  await builder.exportTo(path.join(harness.dir, 'riverbend-q4.pptx'));
  await expect(builder.root.getByText(/Deck saved/)).toBeVisible({ timeout: 60_000 });
  const accountId = (await harness.callApi('accounts.list', { search: 'Riverbend' })).value[0].id;
  const ledger = (await harness.callApi('commitments.list', { accountId })).value as { text: string; deckId: string | null }[];
  // The demo's entries have no deck; the ones just accepted belong to the exported deck.
  const raisedNow = ledger.filter((c) => c.deckId !== null);
  expect(raisedNow.length).toBe(total - 1);
  expect(raisedNow.map((c) => c.text)).toContain('Walk the nurses through device-day reminders every Monday');
});
