import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import JSZip from 'jszip';
import { expect, test } from './fixtures/harness-fixture';
import { AccountWorkspace } from './pages/account-workspace';
import { DeckBuilder, PortfolioDecksDialog } from './pages/deck-builder';
import { PortfolioPage } from './pages/portfolio-page';

/*
 * The deck builder: the outline the app shows is the plan the API makes for the same choices, the
 * audience changes the deck, edits reach the exported file, an existing file is replaced only after
 * confirming, and the portfolio action writes one deck per account.
 */

const RIVERBEND = 'Riverbend Cardiology Associates';
/** Screenshots for looking at the screens (QBR_SCREENSHOTS_DIR=/tmp/shots-decks); none when unset. */
const SHOTS_DIR = process.env.QBR_SCREENSHOTS_DIR;

/** A screenshot of the whole screen; the viewport grows to the content, which scrolls inside the app frame. */
async function shot(page: Page, name: string, { full = true } = {}): Promise<void> {
  if (!SHOTS_DIR) return;
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  if (!full) {
    await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
    return;
  }
  const viewport = page.viewportSize()!;
  // The tallest scrolled box decides the height (the tests' tsconfig has no DOM types, hence a string).
  const height = await page.evaluate<number>(`Math.max(window.innerHeight, ...[...document.querySelectorAll('*')]
    .filter((el) => el.scrollHeight > el.clientHeight + 4 && getComputedStyle(el).overflowY !== 'visible')
    .map((el) => el.scrollHeight + el.getBoundingClientRect().top))`);
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.ceil(height) + 40, 12_000) });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
  await page.setViewportSize(viewport);
}

/** Slides in a .pptx, counted from its parts, with the text of the slides and of their speaker notes. */
async function slidesIn(filePath: string): Promise<{ count: number; text: string; notes: string }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(filePath));
  const partsText = async (pattern: RegExp) =>
    (await Promise.all(Object.keys(zip.files).filter((name) => pattern.test(name)).map((name) => zip.file(name)!.async('string')))).join('\n');
  const count = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length;
  return { count, text: await partsText(/^ppt\/slides\/slide\d+\.xml$/), notes: await partsText(/^ppt\/notesSlides\/notesSlide\d+\.xml$/) };
}

test('the portfolio action writes one deck per demo account, with progress and a summary', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  const accounts = (await harness.callApi('accounts.list', {})).value as { id: string; name: string }[];
  const outDir = path.join(path.dirname(harness.workspacePath), 'portfolio-decks');
  fs.mkdirSync(outDir);

  const portfolio = new PortfolioPage(page);
  await portfolio.open(harness.server.url);
  const batch = new PortfolioDecksDialog(page);
  await batch.open();
  await shot(page, 'portfolio-decks-form');
  await batch.writeInto(outDir);

  await expect(batch.progress()).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(batch.dialog.getByTestId('portfolio-decks-summary')).toContainText(`${accounts.length} decks written`);
  await expect(batch.rows('written')).toHaveCount(accounts.length);
  await shot(page, 'portfolio-decks-done');

  const files = fs.readdirSync(outDir).filter((name) => name.endsWith('.pptx'));
  expect(files).toHaveLength(accounts.length);
  for (const account of accounts) {
    const decks = (await harness.callApi('decks.list', { accountId: account.id })).value as { filePath: string }[];
    expect(decks).toHaveLength(1);
    expect(fs.existsSync(decks[0]!.filePath)).toBe(true);
  }
});

test('the portfolio action can be cancelled, keeping the decks already written', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  const outDir = path.join(path.dirname(harness.workspacePath), 'cancelled-decks');
  fs.mkdirSync(outDir);
  await new PortfolioPage(page).open(harness.server.url);
  const batch = new PortfolioDecksDialog(page);
  await batch.open();
  await batch.writeInto(outDir);
  await expect(batch.progress()).toHaveAttribute('data-state', 'running');
  await shot(page, 'portfolio-decks-running', { full: false });
  await batch.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(batch.progress()).toHaveAttribute('data-state', 'cancelled', { timeout: 60_000 });
  await expect(batch.dialog.getByTestId('portfolio-decks-summary')).toContainText('cancelled before');
  const written = await batch.rows('written').count();
  expect(fs.readdirSync(outDir).filter((name) => name.endsWith('.pptx'))).toHaveLength(written);
  await expect(batch.rows('pending')).not.toHaveCount(0);
  await shot(page, 'portfolio-decks-cancelled', { full: false });
});

test('the portfolio action says why it cannot start when the folder does not exist', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  await new PortfolioPage(page).open(harness.server.url);
  const batch = new PortfolioDecksDialog(page);
  await batch.open();
  await batch.writeInto(path.join(path.dirname(harness.workspacePath), 'no-such-folder'));
  await expect(batch.dialog.getByRole('alert')).toContainText('does not exist');
});

test('the deck builder plans what the API plans, follows the audience, and exports the edited deck', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  const accounts = (await harness.callApi('accounts.list', {})).value as { id: string; name: string }[];
  const accountId = accounts.find((a) => a.name === RIVERBEND)!.id;
  const portfolio = new PortfolioPage(page);
  await portfolio.open(harness.server.url);
  await portfolio.openAccount(RIVERBEND);
  await expect(new AccountWorkspace(page).heading(RIVERBEND)).toBeVisible();
  const builder = new DeckBuilder(page);
  await builder.openTab();
  // Enabled by itself once the account workspace mounts <DeckBuilder /> in its Decks tab.
  expect(await builder.isMounted()).toBe(true);

  await builder.waitForPlan();
  await shot(page, 'deck-builder-default');

  // The outline is the API's plan for the same choices.
  await builder.chooseAudience(['Dana Whitfield']);
  await builder.waitForPlan();
  const quarterText = await builder.root.getByLabel('Quarter', { exact: true }).inputValue();
  const quarter = `${quarterText.slice(3)}Q${quarterText.slice(1, 2)}`;
  const request = { accountId, audience: ['clinic_administrator'], deckType: 'qbr', quarter };
  const planned = (await harness.callApi('decks.plan', request)).value as { slides: { id: string; title: string; section: string }[]; renderedSlideCount: number; };
  await expect.poll(() => builder.titles()).toEqual(planned.slides.map((s) => s.title));
  await expect(builder.root.getByTestId('deck-main-count')).toHaveText(`Main body: ${planned.slides.filter((s) => s.section === 'main').length} slides`);

  // A CFO and an HR benefits leader get different decks.
  await builder.chooseAudience(['Health plan CFO']);
  await builder.waitForPlan();
  const cfoTitles = await builder.titles();
  // The evidence gaps listed are the ones the deck counts: one per step that closes it.
  const cfoPlan = (await harness.callApi('decks.plan', { ...request, audience: ['health_plan_cfo_actuary'] })).value as { slides: { title: string }[]; missingProof: unknown[] };
  expect(cfoTitles).toEqual(cfoPlan.slides.map((s) => s.title));
  expect(cfoPlan.missingProof.length).toBeGreaterThan(0);
  const gaps = builder.root.getByTestId('deck-evidence-gaps');
  await expect(gaps.getByRole('heading')).toHaveText(`Evidence gaps (${cfoPlan.missingProof.length})`);
  await expect(gaps.getByTestId('deck-missing-proof')).toHaveCount(cfoPlan.missingProof.length);
  await builder.chooseAudience(['Employer HR']);
  await builder.waitForPlan();
  await expect.poll(() => builder.titles()).not.toEqual(cfoTitles);
  await expect(builder.root.getByTestId('deck-orientation')).toContainText('Employer HR / benefits leader');

  // Back to the practice manager: hide a slide, retitle another, export.
  await builder.chooseAudience(['Dana Whitfield']);
  await builder.waitForPlan();
  await builder.slide('scorecard').getByRole('button', { name: /^Hide/ }).click();
  await expect(builder.slide('scorecard')).toHaveAttribute('data-hidden', 'true');
  await builder.slide('risks').getByRole('button', { name: /^Rename/ }).click();
  const newTitle = 'Two risks we are already acting on';
  await builder.slide('risks').getByRole('textbox').fill(newTitle);
  await builder.slide('risks').getByRole('textbox').press('Enter');
  await expect(builder.slide('risks').getByTestId('deck-slide-title')).toHaveText(newTitle);
  const notes = 'Open with the renewal question before the numbers.';
  await builder.slide('decisions').getByRole('button', { name: /^Show speaker notes/ }).click();
  await builder.slide('decisions').getByRole('button', { name: 'Edit notes' }).click();
  await builder.slide('decisions').getByRole('textbox').fill(notes);
  await builder.slide('decisions').getByRole('button', { name: 'Save notes' }).click();
  await expect(builder.slide('decisions').getByTestId('deck-slide-notes')).toHaveText(notes);
  // Keyboard reorder: the next-90-days slide moves up one place.
  const before = await builder.mainSlides.evaluateAll((els) => els.map((el) => el.getAttribute('data-slide-id')));
  await builder.slide('next-90-days').focus();
  await page.keyboard.press('Alt+ArrowUp');
  const after = await builder.mainSlides.evaluateAll((els) => els.map((el) => el.getAttribute('data-slide-id')));
  expect(after.indexOf('next-90-days')).toBe(before.indexOf('next-90-days') - 1);
  await expect(builder.slide('next-90-days')).toBeFocused();
  await builder.waitForPlan();
  await shot(page, 'deck-builder-edited');

  const edited = (await harness.callApi('decks.plan', { ...request, edits: { hidden: ['scorecard'], titles: { risks: newTitle }, notes: { decisions: notes }, order: after } })).value as { renderedSlideCount: number };
  expect(edited.renderedSlideCount).toBeLessThan(planned.renderedSlideCount);

  const filePath = path.join(path.dirname(harness.workspacePath), 'Riverbend-edited.pptx');
  await builder.exportTo(filePath);
  // "Deck saved" stays in the builder with the path; the harness cannot open files, so it offers the path to copy.
  const saved = builder.root.getByTestId('deck-saved');
  await expect(saved).toContainText(`${edited.renderedSlideCount} slides`, { timeout: 60_000 });
  await expect(saved.getByTestId('deck-saved-path')).toHaveText(filePath);
  await expect(saved.getByRole('button', { name: 'Copy path' })).toBeVisible();
  await expect(saved.getByRole('button', { name: 'Open' })).toHaveCount(0);
  expect(fs.existsSync(filePath)).toBe(true);
  const written = await slidesIn(filePath);
  expect(written.count).toBe(edited.renderedSlideCount);
  expect(written.text).toContain(newTitle);
  expect(written.notes).toContain(notes);
  await expect(builder.root.getByTestId('deck-history')).toContainText(filePath);

  // Exporting to the same path asks first; replacing writes it again and records a second deck.
  const firstWrite = fs.statSync(filePath).mtimeMs;
  await builder.root.getByRole('button', { name: 'Export deck' }).click();
  await expect(builder.replaceDialog).toBeVisible();
  if (SHOTS_DIR) await page.waitForTimeout(400); // let the modal finish fading in for the screenshot
  await shot(page, 'deck-builder-replace', { full: false });
  await builder.replaceDialog.getByRole('button', { name: 'Keep the existing file' }).click();
  await expect(builder.replaceDialog).toBeHidden();
  expect(fs.statSync(filePath).mtimeMs).toBe(firstWrite);
  await builder.root.getByRole('button', { name: 'Export deck' }).click();
  await builder.replaceDialog.getByRole('button', { name: 'Replace' }).click();
  await expect(builder.replaceDialog).toBeHidden();
  await expect.poll(async () => ((await harness.callApi('decks.list', { accountId })).value as unknown[]).length, { timeout: 60_000 }).toBe(2);
  await expect(builder.root.getByTestId('deck-history').getByRole('row')).toHaveCount(3);
});

test('the deck builder explains a destination it cannot write, and offers to create a missing folder', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  const portfolio = new PortfolioPage(page);
  await portfolio.open(harness.server.url);
  await portfolio.openAccount(RIVERBEND);
  const builder = new DeckBuilder(page);
  await builder.openTab();
  expect(await builder.isMounted()).toBe(true);
  await builder.waitForPlan();

  // A folder where the file should go: unwritable whoever runs the tests (chmod does not stop root).
  const folderInTheWay = path.join(path.dirname(harness.workspacePath), 'deck.pptx');
  fs.mkdirSync(folderInTheWay);
  await builder.exportTo(folderInTheWay);
  await builder.replaceDialog.getByRole('button', { name: 'Replace' }).click();
  const problem = builder.root.getByTestId('deck-export-error');
  await expect(problem).toContainText('That location cannot be written', { timeout: 30_000 });
  await expect(problem).toContainText('is a folder, not a file');
  expect(fs.statSync(folderInTheWay).isDirectory()).toBe(true);
  await shot(page, 'deck-builder-unwritable');

  // A folder that does not exist yet: the builder offers to create it, and then writes the deck there.
  const newFolder = path.join(path.dirname(harness.workspacePath), 'Decks', 'Q4');
  await builder.exportTo(path.join(newFolder, 'riverbend.pptx'));
  await expect(problem).toContainText('does not exist yet', { timeout: 30_000 });
  expect(fs.existsSync(newFolder)).toBe(false);
  await problem.getByRole('button', { name: 'Create the folder and export' }).click();
  await expect(builder.root.getByTestId('deck-saved')).toBeVisible({ timeout: 60_000 });
  expect(fs.existsSync(path.join(newFolder, 'riverbend.pptx'))).toBe(true);
});

test('the deck builder lets a CSM pick roles when nobody is mapped', async ({ page, harness }) => {
  expect((await harness.callApi('accounts.create', { name: 'Empty Clinic', customerSegment: 'physician_practice', buyerType: 'provider' })).ok).toBe(true);
  const portfolio = new PortfolioPage(page);
  await portfolio.open(harness.server.url);
  await portfolio.openAccount('Empty Clinic');
  const builder = new DeckBuilder(page);
  await builder.openTab();
  expect(await builder.isMounted()).toBe(true);
  await expect(builder.root.getByTestId('deck-no-stakeholders')).toBeVisible();
  // Without revenue streams there is nothing to plan yet; the builder says why instead of an empty outline.
  await expect(builder.root.getByTestId('deck-outline').or(builder.root.getByTestId('deck-plan-error'))).toBeVisible();
  await shot(page, 'deck-builder-no-stakeholders');
});

test('without native dialogs (the browser), Choose… gives way to a hint to type the path', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  const portfolio = new PortfolioPage(page);
  await portfolio.open(harness.server.url);
  await portfolio.openAccount(RIVERBEND);
  const builder = new DeckBuilder(page);
  await builder.openTab();
  await builder.waitForPlan();
  const suggested = await builder.outputPath.inputValue();

  await builder.root.getByRole('button', { name: 'Choose…' }).click();
  await expect(builder.root.getByRole('button', { name: 'Choose…' })).toHaveCount(0);
  await expect(builder.root).toContainText('only available in the desktop app; type the full path');
  await expect(builder.outputPath).toHaveValue(suggested);
  await expect(builder.root.getByTestId('deck-export-error')).toHaveCount(0);
});
