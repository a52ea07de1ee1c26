import { expect, type Locator, type Page } from '@playwright/test';

/** The Settings screen: general settings, the deck brand and the health-score weights, each saved on its own. */
export class SettingsPage {
  readonly general: Locator;
  readonly brand: Locator;
  readonly weights: Locator;

  constructor(private readonly page: Page) {
    this.general = page.getByRole('region', { name: 'General' });
    this.brand = page.getByRole('region', { name: 'Deck brand' });
    this.weights = page.getByRole('region', { name: 'Health score weights' });
  }

  async goTo(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await expect(this.page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
    await expect(this.brand).toBeVisible();
  }

  generalField(label: 'Your name' | 'Backups to keep'): Locator {
    return this.general.getByRole('textbox', { name: label, exact: true });
  }

  async saveGeneral(): Promise<void> {
    await this.general.getByRole('button', { name: 'Save settings' }).click();
  }

  brandField(label: 'Company name' | 'Primary colour' | 'Secondary colour' | 'Heading font' | 'Body font' | 'Read from a company template'): Locator {
    return this.brand.getByRole('textbox', { name: label, exact: true });
  }

  async fillBrand(label: Parameters<SettingsPage['brandField']>[0], value: string): Promise<void> {
    await this.brandField(label).fill(value);
    await this.brandField(label).blur();
  }

  async uploadLogo(png: Buffer): Promise<void> {
    await this.brand.locator('input[type="file"]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  }

  async readTemplate(filePath: string): Promise<void> {
    await this.brandField('Read from a company template').fill(filePath);
    await this.brand.getByRole('button', { name: 'Read', exact: true }).click();
  }

  async saveBrand(): Promise<void> {
    await this.brand.getByRole('button', { name: 'Save deck brand' }).click();
  }

  /** The override box for one component, e.g. weight('CPT / RPM reimbursement', 'Device engagement'). */
  weight(modelLabel: string, componentLabelStart: string): Locator {
    return this.weights.getByRole('textbox', { name: new RegExp(`^${escape(modelLabel)}: ${escape(componentLabelStart)}`) });
  }

  async saveWeights(): Promise<void> {
    await this.weights.getByRole('button', { name: 'Save weights' }).click();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
