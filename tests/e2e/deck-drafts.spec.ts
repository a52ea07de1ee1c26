import { expect, test } from './fixtures/harness-fixture';
import { AccountWorkspace } from './pages/account-workspace';
import { DeckBuilder } from './pages/deck-builder';
import { PortfolioPage } from './pages/portfolio-page';

/*
 * Issue 13, item 2: the deck builder's choices and edits used to vanish on reload or restart. They
 * are now saved as the account's draft and come back exactly as they were.
 */
const RIVERBEND = 'Riverbend Cardiology Associates';

test('deck builder edits and choices survive a reload', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  const portfolio = new PortfolioPage(page);
  const builder = new DeckBuilder(page);
  const openBuilder = async () => {
    await portfolio.open(harness.server.url);
    await portfolio.openAccount(RIVERBEND);
    await expect(new AccountWorkspace(page).heading(RIVERBEND)).toBeVisible();
    await builder.openTab();
    await builder.waitForPlan();
  };
  await openBuilder();

  await builder.root.getByRole('radio', { name: /^EBR/ }).check();
  await builder.chooseAudience(['Dana Whitfield']);
  await builder.waitForPlan();
  const quarter = builder.root.getByRole('textbox', { name: 'Quarter', exact: true });
  await quarter.click();
  const options = page.getByRole('option');
  const chosenQuarter = (await options.nth(1).innerText()).trim();
  await options.nth(1).click();
  await builder.waitForPlan();

  await builder.slide('scorecard').getByRole('button', { name: /^Hide/ }).click();
  await builder.slide('risks').getByRole('button', { name: /^Rename/ }).click();
  const newTitle = 'Two risks we are already acting on';
  await builder.slide('risks').getByRole('textbox').fill(newTitle);
  await builder.slide('risks').getByRole('textbox').press('Enter');
  const notes = 'Open with the renewal question before the numbers.';
  await builder.slide('decisions').getByRole('button', { name: /^Show speaker notes/ }).click();
  await builder.slide('decisions').getByRole('button', { name: 'Edit notes' }).click();
  await builder.slide('decisions').getByRole('textbox').fill(notes);
  await builder.slide('decisions').getByRole('button', { name: 'Save notes' }).click();
  const order = async () => builder.mainSlides.evaluateAll((els) => els.map((el) => el.getAttribute('data-slide-id')));
  const before = await order();
  const movable = before[before.length - 1]!;
  await builder.slide(movable).focus();
  await page.keyboard.press('Alt+ArrowUp');
  const edited = await order();
  expect(edited).not.toEqual(before);
  await expect(builder.root.getByTestId('deck-draft-status')).toContainText('Draft saved');

  await page.reload();
  await openBuilder();
  await expect(builder.root.getByRole('radio', { name: /^EBR/ })).toBeChecked();
  await expect(quarter).toHaveValue(chosenQuarter);
  await expect(builder.root.locator('.mantine-MultiSelect-pill')).toHaveText([/Dana Whitfield/]);
  await expect(builder.slide('scorecard')).toHaveAttribute('data-hidden', 'true');
  await expect(builder.slide('risks').getByTestId('deck-slide-title')).toHaveText(newTitle);
  await builder.slide('decisions').getByRole('button', { name: /^Show speaker notes/ }).click();
  await expect(builder.slide('decisions').getByTestId('deck-slide-notes')).toHaveText(notes);
  await expect.poll(order).toEqual(edited);
  if (process.env.QBR_SCREENSHOTS_DIR) {
    for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width, height });
      await page.evaluate(`document.querySelectorAll('*').forEach((el) => { el.scrollTop = 0; })`);
      await page.screenshot({ path: `${process.env.QBR_SCREENSHOTS_DIR}/deck-draft-${width}.png` });
    }
  }
});
