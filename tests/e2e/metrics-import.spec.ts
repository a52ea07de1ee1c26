import path from 'node:path';
import { expect, test, type Harness } from './fixtures/harness-fixture';
import { ImportMetricsDialog } from './pages/import-metrics-dialog';
import { PortfolioPage } from './pages/portfolio-page';

/*
 * Importing monthly metrics from a CSV through the UI: preview with counts and row errors, the
 * choice of mode, progress, the result, and what ends up stored (checked through metrics.list).
 */

const RIVERBEND = 'Riverbend Cardiology Associates';
const STREAM = 'RPM revenue share';
const SHOTS_DIR = process.env.QBR_SCREENSHOTS_DIR;
const shot = (page: import('@playwright/test').Page, name: string) => (SHOTS_DIR ? page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) }) : Promise.resolve());

async function openDemoPortfolio(page: import('@playwright/test').Page, harness: Harness): Promise<{ portfolio: PortfolioPage; riverbendId: string }> {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  const accounts = (await harness.callApi('accounts.list', { search: RIVERBEND })).value as { id: string }[];
  const portfolio = new PortfolioPage(page);
  await portfolio.open(harness.server.url);
  await expect(portfolio.rows).toHaveCount(9);
  return { portfolio, riverbendId: accounts[0]!.id };
}

async function storedValues(harness: Harness, accountId: string, month: string): Promise<Record<string, number>> {
  const rows = (await harness.callApi('metrics.list', { accountId, fromMonth: month, toMonth: month })).value as { streamId: string; metricKey: string; value: number }[];
  return Object.fromEntries(rows.map((row) => [`${row.streamId === '' ? '' : 'stream:'}${row.metricKey}`, row.value]));
}

test('a long-format CSV is previewed, imported and counted, and importing it again changes nothing', async ({ page, harness }) => {
  const { portfolio, riverbendId } = await openDemoPortfolio(page, harness);
  const csv = [
    'account,stream,metric,month,value',
    `${RIVERBEND},${STREAM},rpm_enrolled_patients,2010-01,410`,
    `${RIVERBEND},${STREAM},rpm_device_days_total,2010-01,"4,500"`,
    `${RIVERBEND},,rpm_eligible_patients,2010-01,990`,
  ].join('\n');

  await portfolio.startImport();
  const dialog = new ImportMetricsDialog(page);
  await dialog.chooseFile('riverbend-2030.csv', csv);
  await expect(dialog.fact('Format')).toContainText('Long');
  await expect(dialog.fact('Delimiter')).toContainText('Comma');
  await expect(dialog.count('add')).toHaveText('3');
  await expect(dialog.count('update')).toHaveText('0');
  await expect(dialog.count('rejected')).toHaveText('0');
  await shot(page, 'import-preview-long');

  await dialog.runImport();
  await expect(dialog.resultCount('added')).toHaveText('3');
  await expect(dialog.resultCount('rejected')).toHaveText('0');
  await shot(page, 'import-result');
  expect(await storedValues(harness, riverbendId, '2010-01')).toEqual({
    'stream:rpm_enrolled_patients': 410,
    'stream:rpm_device_days_total': 4500,
    // No stream given: stored on Riverbend's one RPM stream, where its KPIs read it.
    'stream:rpm_eligible_patients': 990,
  });

  // The same file again: every value is already there, so nothing is added or updated.
  await dialog.dialog.getByRole('button', { name: 'Import another file' }).click();
  await dialog.chooseFile('riverbend-2030.csv', csv);
  await expect(dialog.count('unchanged')).toHaveText('3');
  await dialog.runImport();
  await expect(dialog.resultCount('added')).toHaveText('0');
  await expect(dialog.resultCount('updated')).toHaveText('0');
  await expect(dialog.resultCount('unchanged')).toHaveText('3');
  await dialog.done();
});

test('row errors are listed by line; valid rows import while all-or-nothing is held back', async ({ page, harness }) => {
  const { portfolio, riverbendId } = await openDemoPortfolio(page, harness);
  const csv = [
    'account,stream,metric,month,value',
    `${RIVERBEND},${STREAM},rpm_enrolled_patients,2010-02,400`,
    `${RIVERBEND},${STREAM},rpm_enrolled_patients,February,401`,
    `${RIVERBEND},${STREAM},rpm_device_days_total,2010-02,lots`,
    `${RIVERBEND},${STREAM},rpm_happiness_index,2010-02,7`,
    `${RIVERBEND},${STREAM},rpm_eligible_patients,2010-02,-5`,
  ].join('\n');

  await portfolio.startImport();
  const dialog = new ImportMetricsDialog(page);
  await dialog.chooseFile('with-errors.csv', csv);
  await expect(dialog.count('add')).toHaveText('1');
  await expect(dialog.count('rejected')).toHaveText('4');
  await expect(dialog.errorRow(3)).toContainText(/month/i);
  await expect(dialog.errorRow(4)).toContainText(/number|numeric/i);
  await expect(dialog.errorRow(5)).toContainText('rpm_happiness_index');
  await expect(dialog.errorRow(6)).toContainText(/negative/i);
  await expect(dialog.errorRow(2)).toHaveCount(0);
  await shot(page, 'import-preview-errors');

  await dialog.chooseMode('all or nothing');
  await expect(dialog.importButton()).toBeDisabled();
  await dialog.chooseMode('valid rows');
  await dialog.runImport();
  await expect(dialog.resultCount('added')).toHaveText('1');
  await expect(dialog.resultCount('rejected')).toHaveText('4');
  expect(await storedValues(harness, riverbendId, '2010-02')).toEqual({ 'stream:rpm_enrolled_patients': 400 });
});

test('numbers that read two ways ("1.234" in a semicolon file) wait for the user to choose the reading', async ({ page, harness }) => {
  const { portfolio, riverbendId } = await openDemoPortfolio(page, harness);
  const csv = ['account;stream;metric;month;value', `${RIVERBEND};${STREAM};rpm_device_days_total;2010-06;1.234`, `${RIVERBEND};${STREAM};rpm_device_days_total;2010-07;2.500`].join('\n');

  await portfolio.startImport();
  const dialog = new ImportMetricsDialog(page);
  await dialog.chooseFile('semicolon.csv', csv);
  const choice = dialog.dialog.getByTestId('import-decimal');
  await expect(choice).toBeVisible();
  await expect(dialog.preview).toContainText('"1.234" could be 1.234 or 1234');
  await expect(dialog.importButton()).toBeDisabled();
  if (SHOTS_DIR) {
    for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width, height });
      await shot(page, `import-preview-ambiguous-decimal-${width}`);
    }
  }

  await choice.getByRole('radio', { name: /^Decimal comma/ }).check();
  await expect(dialog.fact('Read as')).toContainText('decimal “,”');
  await expect(dialog.importButton()).toBeEnabled();
  await dialog.runImport();
  await expect(dialog.resultCount('added')).toHaveText('2');
  expect(await storedValues(harness, riverbendId, '2010-06')).toEqual({ 'stream:rpm_device_days_total': 1234 });
});

test('a file with patient-level columns is refused with the reason, and nothing is imported', async ({ page, harness }) => {
  const { portfolio, riverbendId } = await openDemoPortfolio(page, harness);
  const csv = ['Account,Month,Patient Name,DOB,Device days', `${RIVERBEND},2010-03,Jane Doe,1950-02-03,22`, `${RIVERBEND},2010-03,John Roe,1948-11-20,9`].join('\n');

  await portfolio.startImport();
  const dialog = new ImportMetricsDialog(page);
  await dialog.chooseFile('patient-roster.csv', csv);
  await expect(dialog.refusal).toContainText('patient-level data');
  await expect(dialog.refusal).toContainText('Nothing from this file was imported');
  await expect(dialog.importButton()).toHaveCount(0);
  await shot(page, 'import-phi-refused');
  expect(await storedValues(harness, riverbendId, '2010-03')).toEqual({});
});

test('a wide export gets a suggested mapping that can be edited before importing', async ({ page, harness }) => {
  const { portfolio, riverbendId } = await openDemoPortfolio(page, harness);
  const csv = ['Account,Month,Enrolled Patients,Eligible Patients,Provider logins', `${RIVERBEND},2010-04,150,420,33`, `${RIVERBEND},2010-05,155,,34`].join('\n');

  await portfolio.startImport();
  const dialog = new ImportMetricsDialog(page);
  await dialog.chooseFile('wide-export.csv', csv);
  await expect(dialog.fact('Format')).toContainText('Wide');
  await expect(dialog.dialog.getByRole('table', { name: 'Column mapping' })).toBeVisible();
  await expect(dialog.count('add')).toHaveText('5');
  await shot(page, 'import-preview-wide');

  await dialog.mapColumn('Provider logins', 'Ignore this column');
  await expect(dialog.count('add')).toHaveText('3');
  await dialog.runImport();
  await expect(dialog.resultCount('added')).toHaveText('3');
  const april = await storedValues(harness, riverbendId, '2010-04');
  expect(Object.values(april).sort((a, b) => a - b)).toEqual([150, 420]);
});

test('without native file dialogs (browser harness) "Choose CSV file…" falls back to the file input, asking the backend once', async ({ page, harness }) => {
  const { portfolio, riverbendId } = await openDemoPortfolio(page, harness);
  const dialogRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/files.chooseOpenPath')) dialogRequests.push(request.url());
  });
  const csv = ['account,stream,metric,month,value', `${RIVERBEND},${STREAM},rpm_enrolled_patients,2010-06,420`].join('\n');

  await portfolio.startImport();
  const dialog = new ImportMetricsDialog(page);
  await dialog.chooseFileWithButton('riverbend-june.csv', csv);
  await expect(dialog.fact('File')).toContainText('riverbend-june.csv');
  await expect(dialog.count('add')).toHaveText('1');
  expect(dialogRequests).toHaveLength(1);

  await dialog.runImport();
  await expect(dialog.resultCount('added')).toHaveText('1');
  expect(await storedValues(harness, riverbendId, '2010-06')).toEqual({ 'stream:rpm_enrolled_patients': 420 });

  // The backend's not_available is remembered: the next file goes straight to the file input.
  await dialog.dialog.getByRole('button', { name: 'Import another file' }).click();
  await dialog.chooseFileWithButton('riverbend-june.csv', csv);
  await expect(dialog.count('unchanged')).toHaveText('1');
  expect(dialogRequests).toHaveLength(1);
});
