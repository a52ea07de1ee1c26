import { expect, type Locator, type Page } from '@playwright/test';

/** The Workspace screen (current file, recent files, backups, export and import) and its path prompt. */
export class WorkspacePage {
  readonly heading: Locator;
  readonly currentPath: Locator;
  readonly backupsTable: Locator;
  readonly backupRows: Locator;
  readonly recentTable: Locator;
  /** The typed-path prompt (there are no native file dialogs in the browser harness). */
  readonly pathDialog: Locator;
  readonly lastExport: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Workspace', level: 2 });
    this.currentPath = page.getByTestId('current-workspace-path');
    this.backupsTable = page.getByRole('table', { name: 'Backups' });
    this.backupRows = this.backupsTable.locator('tbody tr');
    this.recentTable = page.getByRole('table', { name: 'Recent workspaces' });
    this.pathDialog = page.getByRole('dialog');
    this.lastExport = page.getByTestId('last-export');
  }

  async goTo(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Workspace' }).click();
    await expect(this.heading).toBeVisible();
    await expect(this.currentPath).toBeVisible();
  }

  async backUpNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back up now' }).click();
  }

  /** Opens the path prompt of Open / New / Export (the harness answers the dialog request with not_available). */
  async startOpenAnother(): Promise<void> {
    await this.page.getByRole('button', { name: 'Open another workspace…' }).click();
    await expect(this.pathDialog).toBeVisible();
  }

  async startNew(): Promise<void> {
    await this.page.getByRole('button', { name: 'New workspace…' }).click();
    await expect(this.pathDialog).toBeVisible();
  }

  async startExport(): Promise<void> {
    await this.page.getByRole('button', { name: 'Export to JSON…' }).click();
    await expect(this.pathDialog).toBeVisible();
  }

  /** The path field of the open prompt, whatever it asks for. */
  pathField(): Locator {
    return this.pathDialog.getByRole('textbox');
  }

  /** Types a path and submits with Enter, as a keyboard user would. */
  async submitPath(filePath: string): Promise<void> {
    await this.pathField().fill(filePath);
    await this.pathField().press('Enter');
  }

  /** The validation or backend message shown under the path field. */
  pathError(): Locator {
    return this.pathDialog.locator('.mantine-TextInput-error');
  }

  async cancelPrompt(): Promise<void> {
    await this.pathDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(this.pathDialog).toBeHidden();
  }

  recentRow(fileName: string): Locator {
    return this.recentTable.locator('tbody tr').filter({ hasText: fileName });
  }

  async openRecent(fileName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Open ${fileName}`, exact: true }).click();
  }
}

/** The start-up screen shown instead of the app when the workspace could not be opened. */
export class WorkspaceRecoveryPage {
  readonly root: Locator;
  readonly problem: Locator;
  readonly newestGoodBackup: Locator;
  readonly restoreButton: Locator;
  readonly openAnotherButton: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('workspace-recovery');
    this.problem = page.getByTestId('recovery-problem');
    this.newestGoodBackup = page.getByTestId('newest-good-backup');
    this.restoreButton = page.getByRole('button', { name: 'Restore newest good backup' });
    this.openAnotherButton = page.getByRole('button', { name: 'Open another workspace…' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.root).toBeVisible();
  }

  /** Restores the offered backup, confirming the dialog; returns the confirmation's text. */
  async restoreNewestGoodBackup(): Promise<string> {
    await this.restoreButton.click();
    const confirm = this.page.getByRole('dialog', { name: 'Restore this backup?' });
    await expect(confirm).toBeVisible();
    const text = (await confirm.getByTestId('restore-consequence').textContent()) ?? '';
    await confirm.getByRole('button', { name: 'Restore backup' }).click();
    return text;
  }
}

/** The "Import from JSON" dialog: file, merge or replace, the preview table and the confirmation of a replace. */
export class ImportWorkspaceDialog {
  readonly dialog: Locator;
  readonly previewTable: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Import from JSON' });
    this.previewTable = this.dialog.getByRole('table', { name: 'Changes per table' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import from JSON…' }).click();
    await expect(this.dialog).toBeVisible();
  }

  async preview(filePath: string, mode: 'Merge' | 'Replace'): Promise<void> {
    await this.dialog.getByRole('textbox', { name: 'Export file' }).fill(filePath);
    await this.dialog.getByRole('radio', { name: mode }).check();
    await this.dialog.getByRole('button', { name: 'Preview changes' }).click();
    await expect(this.previewTable).toBeVisible();
  }

  /** The preview's cells for one table, e.g. row('Accounts') → ['1', '0', '1', '1']. */
  async row(label: string): Promise<string[]> {
    return this.previewTable.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) }).getByRole('cell').allTextContents();
  }

  async replaceConfirmed(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Replace workspace…' }).click();
    const confirm = this.page.getByRole('dialog', { name: 'Replace this workspace?' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Replace workspace' }).click();
    await expect(this.dialog).toBeHidden();
  }
}

/** "Connect to a team workspace" on the Workspace screen: server fields, password, TLS, Test connection and Connect. */
export class TeamConnectDialog {
  readonly dialog: Locator;
  readonly status: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Connect to a team workspace' });
    this.status = this.dialog.getByTestId('team-connect-status');
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Connect to a team workspace…' }).click();
    await expect(this.dialog).toBeVisible();
  }

  field(label: 'Server' | 'Port' | 'Database' | 'User name' | 'Password' | 'Encryption (TLS)'): Locator {
    return this.dialog.getByRole(label === 'Encryption (TLS)' ? 'combobox' : 'textbox', { name: label, exact: true });
  }

  /** Types the server's details by keyboard, as a person would (Tab between fields). */
  async fill(server: { host: string; port: number; database: string; user: string; tls: string }, password: string): Promise<void> {
    await this.field('Server').fill(server.host);
    await this.field('Port').fill(String(server.port));
    await this.field('Database').fill(server.database);
    await this.field('User name').fill(server.user);
    await this.field('Password').fill(password);
    await this.field('Encryption (TLS)').selectOption(server.tls);
  }

  async testConnection(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Test connection' }).click();
  }

  async connect(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  }

  /** The message under a field (client-side validation). */
  fieldError(label: 'Server' | 'Port' | 'Database' | 'User name'): Locator {
    return this.dialog.locator('.mantine-InputWrapper-root').filter({ has: this.page.getByRole('textbox', { name: label, exact: true }) }).locator('.mantine-InputWrapper-error');
  }
}
