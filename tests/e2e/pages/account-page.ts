import { expect, type Locator, type Page } from '@playwright/test';

/** The account summary screen with Edit and Delete. */
export class AccountPage {
  readonly confirmDialog: Locator;

  constructor(private readonly page: Page) {
    this.confirmDialog = page.getByRole('dialog', { name: 'Delete this account?' });
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 2, name, exact: true });
  }

  async expectShowing(name: string): Promise<void> {
    await expect(this.heading(name)).toBeVisible();
  }

  async edit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Edit', exact: true }).click();
  }

  /** Clicks Delete, leaving the confirmation open. */
  async askToDelete(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(this.confirmDialog).toBeVisible();
  }

  async confirmDelete(): Promise<void> {
    await this.confirmDialog.getByRole('button', { name: 'Delete account' }).click();
  }

  async cancelDelete(): Promise<void> {
    await this.confirmDialog.getByRole('button', { name: 'Cancel' }).click();
  }

  async backToPortfolio(): Promise<void> {
    await this.page.getByRole('button', { name: '← Portfolio' }).click();
  }
}
