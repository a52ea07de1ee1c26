import { expect, type Locator, type Page } from '@playwright/test';

export type PortfolioColumn = 'Account' | 'Health' | 'Signals' | 'Segment' | 'Revenue models' | 'Renewal' | 'Updated';

/** The portfolio list: search, sortable columns and the virtualised grid of accounts. */
export class PortfolioPage {
  readonly grid: Locator;
  /** Account rows currently in the DOM (the grid renders only those near the viewport). */
  readonly rows: Locator;
  readonly searchBox: Locator;
  readonly count: Locator;

  constructor(private readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Accounts' });
    this.rows = this.grid.locator('[role="row"][data-row-index]');
    this.searchBox = page.getByRole('textbox', { name: 'Search accounts' });
    this.count = page.getByTestId('portfolio-count');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Portfolio', level: 2 })).toBeVisible();
  }

  async goTo(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Portfolio' }).click();
    await this.waitUntilShown();
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('gridcell', { name, exact: true }) });
  }

  /** Names of the rendered rows, top to bottom. */
  async visibleNames(): Promise<string[]> {
    return this.rows.locator('[role="gridcell"]:first-child').allTextContents();
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
  }

  columnHeader(column: PortfolioColumn): Locator {
    return this.grid.getByRole('columnheader', { name: column });
  }

  async sortBy(column: PortfolioColumn): Promise<void> {
    await this.columnHeader(column).getByRole('button').click();
  }

  async openAccount(name: string): Promise<void> {
    await this.row(name).click();
  }

  /** The health cell of an account's row; `data-health` holds the score ('' when there is none). */
  healthCell(name: string): Locator {
    return this.row(name).locator('[data-health]');
  }

  /** The signals cell of an account's row; `data-severity` holds the worst severity ('' when none). */
  signalsCell(name: string): Locator {
    return this.row(name).locator('[data-severity]');
  }

  async startImport(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import metrics' }).click();
  }

  async startNewAccount(): Promise<void> {
    await this.page.getByRole('button', { name: /^New account/ }).click();
  }

  readonly noAccountsState = () => this.page.getByTestId('portfolio-empty');
  readonly noMatchesState = () => this.page.getByTestId('portfolio-no-matches');
}
