import { expect, type Locator, type Page } from '@playwright/test';
import { PortfolioPage } from './portfolio-page';

export type WorkspaceTab = 'Overview' | 'Revenue streams' | 'Stakeholders' | 'Goals' | 'Metrics' | 'Assessments' | 'Decks' | 'Activity';

/** One account's workspace: the header and its tabs. */
export class AccountWorkspace {
  constructor(private readonly page: Page) {}

  /** Opens the app at the harness address and the named account from the portfolio. */
  async open(url: string, accountName: string): Promise<void> {
    const portfolio = new PortfolioPage(this.page);
    await portfolio.open(url);
    await portfolio.openAccount(accountName);
    await expect(this.heading(accountName)).toBeVisible();
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 2, name, exact: true });
  }

  tab(name: WorkspaceTab): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  async showTab(name: WorkspaceTab): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  /** The header's "Assess Q3 2026" button, which opens the wizard on the current quarter. */
  async startAssessment(): Promise<void> {
    await this.page.getByRole('button', { name: /^Assess Q[1-4] \d{4}$/ }).click();
  }

  section(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }
}
