import { expect, type Locator, type Page } from '@playwright/test';
import { Notifications } from './notifications';

export interface StakeholderInputForm {
  name: string;
  title?: string;
  /** The start of the archetype's name, e.g. "Buyer CFO". */
  role: string;
  success?: string;
  preference?: string;
  lastEngaged?: string;
  executiveSponsor?: boolean;
  budgetHolder?: boolean;
}

/** The Stakeholders tab and its add/edit dialog. */
export class StakeholderMap {
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^(Add stakeholder|Edit stakeholder)$/ });
  }

  card(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true });
  }

  flag(name: string): Locator {
    return this.card(name).getByTestId('engagement-flag');
  }

  async startAdding(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add stakeholder' }).first().click();
    await expect(this.dialog).toBeVisible();
  }

  async chooseRole(role: string): Promise<void> {
    const field = this.dialog.getByRole('textbox', { name: /^Role in the framework/ });
    await field.click();
    await field.fill(role);
    await this.page.getByRole('option', { name: new RegExp(`^${role}`) }).first().click();
  }

  believesHint(): Locator {
    return this.dialog.getByTestId('archetype-believes');
  }

  async fill(input: StakeholderInputForm): Promise<void> {
    await this.dialog.getByRole('textbox', { name: /^Name/ }).fill(input.name);
    if (input.title) await this.dialog.getByRole('textbox', { name: 'Job title' }).fill(input.title);
    await this.chooseRole(input.role);
    if (input.success) await this.dialog.getByRole('textbox', { name: /^Their definition of success/ }).fill(input.success);
    if (input.preference) await this.dialog.getByRole('textbox', { name: 'Communication preference' }).fill(input.preference);
    if (input.lastEngaged) await this.dialog.getByLabel(/^Last engaged/).fill(input.lastEngaged);
    if (input.executiveSponsor) await this.dialog.getByRole('switch', { name: 'Executive sponsor' }).check({ force: true });
    if (input.budgetHolder) await this.dialog.getByRole('switch', { name: 'Budget holder' }).check({ force: true });
  }

  async add(input: StakeholderInputForm): Promise<void> {
    await this.startAdding();
    await this.fill(input);
    await this.dialog.getByRole('button', { name: 'Add stakeholder' }).click();
    await expect(this.dialog).toBeHidden();
    await expect(this.card(input.name)).toBeVisible();
  }

  async cancel(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel', exact: true }).last().click();
    await expect(this.dialog).toBeHidden();
  }

  async remove(name: string): Promise<void> {
    await this.card(name).getByRole('button', { name: `Remove ${name}` }).click();
    await expect(this.card(name)).toBeHidden();
  }

  async undoRemoval(): Promise<void> {
    await new Notifications(this.page).withTitle('Stakeholder removed').getByRole('button', { name: 'Undo' }).click();
  }
}
