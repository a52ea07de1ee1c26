import { expect, type Locator, type Page } from '@playwright/test';

export interface AccountFormInput {
  name?: string;
  segment?: string;
  buyerType?: string;
  renewalDate?: string;
  contractStartDate?: string;
  notes?: string;
}

/** The create/edit account modal. */
export class AccountForm {
  readonly dialog: Locator;
  readonly nameField: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^(New account|Edit account)$/ });
    this.nameField = this.dialog.getByRole('textbox', { name: 'Account name' });
  }

  async expectOpen(): Promise<void> {
    await expect(this.dialog).toBeVisible();
  }

  async fill(input: AccountFormInput): Promise<void> {
    await this.expectOpen();
    if (input.name !== undefined) await this.nameField.fill(input.name);
    if (input.segment) await this.choose('Customer segment', input.segment);
    if (input.buyerType) await this.choose('Buyer type', input.buyerType);
    if (input.renewalDate !== undefined) await this.dialog.getByLabel('Renewal date').fill(input.renewalDate);
    if (input.contractStartDate !== undefined) await this.dialog.getByLabel('Contract start').fill(input.contractStartDate);
    if (input.notes !== undefined) await this.dialog.getByRole('textbox', { name: 'Notes' }).fill(input.notes);
  }

  /** Submits the way a keyboard user would: Enter in the name field. */
  async submitWithEnter(): Promise<void> {
    await this.nameField.press('Enter');
  }

  async submit(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(Create account|Save changes)$/ }).click();
  }

  async expectClosed(): Promise<void> {
    await expect(this.dialog).toBeHidden();
  }

  private async choose(label: string, option: string): Promise<void> {
    await this.dialog.getByRole('textbox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }
}
