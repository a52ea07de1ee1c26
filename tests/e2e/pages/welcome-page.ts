import { expect, type Page } from '@playwright/test';

/** The first-run screen offering the demo portfolio or an empty workspace. */
export class WelcomePage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: 'Welcome to QBR Workbench' });

  /** Opens the app at the harness address (it carries the API token). */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.heading()).toBeVisible();
  }

  async startEmpty(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start with an empty workspace' }).click();
    await expect(this.heading()).toBeHidden();
  }

  async loadDemo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Load the demo portfolio' }).click();
    await expect(this.heading()).toBeHidden({ timeout: 30_000 });
  }
}
