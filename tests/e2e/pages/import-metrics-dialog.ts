import { expect, type Locator, type Page } from '@playwright/test';

export type ImportCount = 'add' | 'update' | 'unchanged' | 'rejected';
export type ResultCount = 'added' | 'updated' | 'unchanged' | 'rejected';

/** The metrics CSV import dialog: choose a file, check the preview and mapping, import, read the result. */
export class ImportMetricsDialog {
  readonly dialog: Locator;
  readonly preview: Locator;
  readonly rowErrors: Locator;
  readonly refusal: Locator;
  readonly result: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog').filter({ has: page.getByTestId('import-dialog') });
    this.preview = this.dialog.getByTestId('import-preview');
    this.rowErrors = this.dialog.getByRole('table', { name: 'Row errors' });
    this.refusal = this.dialog.getByTestId('import-refusal');
    this.result = this.dialog.getByTestId('import-result');
  }

  /** Picks a CSV with the given content, as the file chooser would, and waits for the preview. */
  async chooseFile(name: string, content: string): Promise<void> {
    await this.dialog.getByLabel('Metrics CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
    await expect(this.preview).toBeVisible();
  }

  /** Clicks "Choose CSV file…" and picks the file in the browser's file chooser it opens (where there is no native dialog). */
  async chooseFileWithButton(name: string, content: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.dialog.getByRole('button', { name: 'Choose CSV file…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
    await expect(this.preview).toBeVisible();
  }

  count(kind: ImportCount): Locator {
    return this.dialog.getByTestId(`count-${kind}`);
  }

  fact(label: string): Locator {
    return this.preview.getByText(label, { exact: true }).locator('..');
  }

  errorRow(line: number): Locator {
    return this.rowErrors.locator(`tr[data-line="${line}"]`);
  }

  /** Sets what a column holds in the mapping table (e.g. 'Ignore this column') and previews again. */
  async mapColumn(header: string, role: string): Promise<void> {
    await this.dialog.getByLabel(`What “${header}” holds`).click();
    await this.page.getByRole('option', { name: role, exact: true }).click();
    await this.dialog.getByRole('button', { name: 'Update preview' }).click();
    await expect(this.dialog.getByRole('button', { name: 'Update preview' })).toBeHidden();
  }

  async chooseMode(mode: 'valid rows' | 'all or nothing'): Promise<void> {
    await this.dialog.getByRole('radio', { name: mode === 'valid rows' ? /^Import the / : 'All or nothing' }).check();
  }

  importButton(): Locator {
    return this.dialog.getByRole('button', { name: /^Import (valid rows|all or nothing)$/ });
  }

  async runImport(): Promise<void> {
    await this.importButton().click();
    await expect(this.result).toBeVisible({ timeout: 30_000 });
  }

  resultCount(kind: ResultCount): Locator {
    return this.dialog.getByTestId(`result-${kind}`);
  }

  async done(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
