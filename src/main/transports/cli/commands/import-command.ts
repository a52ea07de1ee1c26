import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApiFailure } from '../../../../shared/api/errors';
import type { ImportPreview, ImportResult, ImportRowError } from '../../../../shared/api/schemas/import-schemas';
import type { BackendClient } from '../../../api/backend-client';
import { resolveWorkspacePath, withBackend } from '../cli-backend';
import { CliUsageError, type CliCommand, type CliIo } from '../cli-io';
import { findAccountByName } from '../find-account';

/** How often the CLI asks a running import how far it got. */
const POLL_MS = 100;

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import monthly metric values from a CSV (long or wide); exits 1 with the row errors when nothing was imported.',
  usage: 'qbr import --db FILE --csv FILE [--account NAME] [--decimal point|comma] [--dry-run] [--all-or-nothing] [--json]',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        csv: { type: 'string' },
        account: { type: 'string' },
        decimal: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'all-or-nothing': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      strict: true,
    });
    const workspacePath = resolveWorkspacePath(values.db, io);
    if (!values.csv) throw new CliUsageError('Say which file to import: --csv FILE.');
    const source = { kind: 'path' as const, path: path.resolve(values.csv) };
    const decimalSeparator = decimalOption(values.decimal);
    return withBackend(workspacePath, async ({ client }) => {
      const accountId = values.account === undefined ? undefined : await findAccountId(client, values.account);
      const request = { source, accountId, ...(decimalSeparator ? { decimalSeparator } : {}) };
      if (values['dry-run']) {
        const preview = await client.call('import.preview', request);
        printPreview(preview, io, values.json === true);
        return preview.refusal || preview.counts.valid === 0 ? 1 : 0;
      }
      const { jobId } = await client.call('import.start', { ...request, mode: values['all-or-nothing'] ? 'all-or-nothing' : 'valid-rows' });
      let progress = await client.call('import.progress', { jobId });
      while (progress.state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        progress = await client.call('import.progress', { jobId });
      }
      if (progress.state !== 'done' || !progress.result) {
        const message = progress.error?.message ?? 'The import was cancelled; nothing was imported.';
        if (values.json) io.stdout(`${JSON.stringify({ state: progress.state, error: progress.error ?? null }, null, 2)}\n`);
        io.stderr(`qbr import: ${message}\n`);
        if (progress.error?.code === 'ambiguous_numbers') io.stderr(`${DECIMAL_HINT}\n`);
        return 1;
      }
      printResult(progress.result, io, values.json === true);
      return progress.result.committed ? 0 : 1;
    }, { writes: true });
  },
};

const DECIMAL_HINT = 'Say how to read numbers such as 1.234: --decimal point (1.234) or --decimal comma (1234).';

/** --decimal point|comma as the API's separator; anything else is a usage error. */
function decimalOption(value: string | undefined): '.' | ',' | undefined {
  if (value === undefined) return undefined;
  if (value === 'point' || value === '.') return '.';
  if (value === 'comma' || value === ',') return ',';
  throw new CliUsageError(`--decimal is "point" or "comma", not "${value}". ${DECIMAL_HINT}`);
}

/** The id of the live account with this name; the CLI takes names, the API takes ids. Never a partial match: every row goes into it. */
async function findAccountId(client: BackendClient, name: string): Promise<string> {
  const found = await findAccountByName(client, name, { allowPartial: false });
  if ('error' in found) throw new ApiFailure('not_found', found.error);
  return found.id;
}

function describeFile(file: ImportPreview | ImportResult): string {
  const delimiter = file.delimiter === '\t' ? 'tab' : `"${file.delimiter}"`;
  return `${file.fileName}: ${file.format} format, ${file.encoding}, delimiter ${delimiter}, decimal "${file.decimalSeparator}"${file.sepLine ? ', sep= line' : ''}; mapping ${file.mappingOrigin}.\n`;
}

function printPreview(preview: ImportPreview, io: CliIo, json: boolean): void {
  if (json) return io.stdout(`${JSON.stringify(preview, null, 2)}\n`);
  if (preview.refusal) {
    io.stderr(`qbr import: ${preview.refusal.message}\n`);
    return;
  }
  const { counts } = preview;
  io.stdout(
    `${describeFile(preview)}Dry run: ${counts.rows} rows, ${counts.values} values: ${counts.valid} valid, ${counts.rejected} rejected.\n` +
      `Would add ${counts.wouldAdd}, update ${counts.wouldUpdate}, leave ${counts.unchanged} unchanged. Nothing was written.\n`,
  );
  printWarnings(preview.warnings, io);
  if (preview.decimalSeparatorAmbiguous) io.stdout(`${DECIMAL_HINT}\n`);
  printRowErrors(preview.rowErrors, preview.errorCount, io, counts.valid === 0);
}

function printResult(result: ImportResult, io: CliIo, json: boolean): void {
  if (json) return io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  const { counts } = result;
  io.stdout(`${describeFile(result)}${counts.rows} rows, ${counts.values} values: ${counts.valid} valid, ${counts.rejected} rejected.\n`);
  if (result.committed) {
    io.stdout(`Added ${counts.added}, updated ${counts.updated}, unchanged ${counts.unchanged}, rejected ${counts.rejected}.\n`);
    if (result.backupPath) io.stdout(`Backup taken before the import: ${result.backupPath}\n`);
  } else {
    io.stdout(
      result.mode === 'all-or-nothing' && result.errorCount > 0
        ? 'Nothing was imported: the file has errors and the import was all-or-nothing.\n'
        : 'Nothing was imported: no row was valid.\n',
    );
  }
  printWarnings(result.warnings, io);
  printRowErrors(result.rowErrors, result.errorCount, io, !result.committed);
}

function printWarnings(warnings: readonly string[], io: CliIo): void {
  for (const warning of warnings) io.stdout(`Note: ${warning}\n`);
}

function printRowErrors(errors: readonly ImportRowError[], total: number, io: CliIo, toStderr: boolean): void {
  if (total === 0) return;
  const write = toStderr ? io.stderr : io.stdout;
  write(`Row errors (${total}${total > errors.length ? `, first ${errors.length} shown` : ''}):\n`);
  for (const error of errors) write(`  line ${error.line}${error.column ? ` [${error.column}]` : ''} ${error.code}: ${error.message}\n`);
}
