import { expect, type Locator, type Page } from '@playwright/test';

/** The per-account deck builder (Decks tab): choices, outline, export and the decks written. */
export class DeckBuilder {
  readonly root: Locator;
  readonly audience: Locator;
  readonly outputPath: Locator;
  readonly slides: Locator;
  readonly mainSlides: Locator;
  readonly replaceDialog: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('deck-builder');
    this.audience = this.root.getByLabel('Audience', { exact: true });
    this.outputPath = this.root.getByLabel('Save as', { exact: true });
    this.slides = this.root.getByTestId('deck-slide');
    this.mainSlides = this.root.getByRole('list', { name: 'Main body slides' }).getByTestId('deck-slide');
    this.replaceDialog = page.getByRole('dialog', { name: 'Replace the existing file?' });
  }

  async openTab(): Promise<void> {
    await this.page.getByRole('tab', { name: /^Decks/ }).click();
  }

  /** Whether the Decks tab shows the builder. */
  async isMounted(): Promise<boolean> {
    await expect(this.root).toBeVisible();
    return this.root.isVisible();
  }

  /** Waits until the outline shows the plan for the current choices. */
  async waitForPlan(): Promise<void> {
    await expect(this.root.getByTestId('deck-outline')).toBeVisible();
    await expect(this.root.getByTestId('deck-file-count')).toContainText('The file will have');
  }

  /** Replaces the audience with the options whose labels start with these texts. */
  async chooseAudience(labels: string[]): Promise<void> {
    await this.audience.click();
    const pills = this.root.locator('.mantine-MultiSelect-pill');
    for (let n = await pills.count(); n > 0; n--) await this.audience.press('Backspace');
    await expect(pills).toHaveCount(0);
    for (const label of labels) {
      await this.audience.fill(label);
      await this.page.getByRole('option', { name: new RegExp(`^${escapeRegExp(label)}`) }).first().click();
    }
    await this.audience.press('Escape');
  }

  async titles(): Promise<string[]> {
    return this.root.getByTestId('deck-slide-title').allInnerTexts();
  }

  slide(id: string): Locator {
    return this.root.locator(`[data-testid="deck-slide"][data-slide-id="${id}"]`);
  }

  async exportTo(filePath: string): Promise<void> {
    await this.outputPath.fill(filePath);
    await this.root.getByRole('button', { name: 'Export deck' }).click();
  }
}

/** The portfolio batch dialog. */
export class PortfolioDecksDialog {
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Decks for the whole portfolio' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Generate decks' }).click();
    await expect(this.dialog).toBeVisible();
  }

  async writeInto(folder: string): Promise<void> {
    await this.dialog.getByLabel('Output folder', { exact: true }).fill(folder);
    await this.dialog.getByRole('button', { name: 'Write decks' }).click();
  }

  progress(): Locator {
    return this.dialog.getByTestId('portfolio-decks-progress');
  }

  rows(status: 'written' | 'failed' | 'pending'): Locator {
    return this.dialog.locator(`[data-testid="portfolio-deck-row"][data-status="${status}"]`);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
