import path from 'node:path';
import { parseArgs } from 'node:util';
import { KEEP_CHOICES, type BringBackPreview, type KeepChoice } from '../../../../shared/api/schemas/offline-schemas';
import { formatTable } from '../format-table';
import { resolveWorkspacePath, withBackend } from '../cli-backend';
import { CliUsageError, type CliCommand } from '../cli-io';

export const bringbackCommand: CliCommand = {
  name: 'bringback',
  summary: 'Bring a taken-out file back into its workspace: shows every changed row; each conflict needs --resolve KEY=mine|theirs or --keep.',
  usage: 'qbr bringback FILE.qbr --db WORKSPACE [--keep mine|theirs] [--resolve KEY=mine|theirs ...] [--dry-run] [--json]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        keep: { type: 'string' },
        resolve: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
    const workspacePath = resolveWorkspacePath(values.db, io);
    if (positionals.length !== 1) throw new CliUsageError('Name the taken-out file to bring back: qbr bringback FILE.qbr --db WORKSPACE.');
    const file = path.resolve(positionals[0]!);
    const keepAll = values.keep === undefined ? undefined : keepChoice(values.keep, '--keep');
    const resolutions: Record<string, KeepChoice> = {};
    for (const given of values.resolve ?? []) {
      // Keys hold JSON (accounts:["acc-1"]) but never "=": the choice is after the last one.
      const at = given.lastIndexOf('=');
      if (at <= 0) throw new CliUsageError(`--resolve takes KEY=mine or KEY=theirs (the keys are listed by --dry-run), not "${given}".`);
      resolutions[given.slice(0, at)] = keepChoice(given.slice(at + 1), '--resolve');
    }
    const outcome = await withBackend(
      workspacePath,
      async (backend) => {
        const preview = await backend.client.call('offline.previewBringBack', { path: file });
        if (values['dry-run']) return { preview, result: null };
        return { preview, result: await backend.client.call('offline.bringBack', { path: file, expectedFingerprint: preview.fingerprint, resolutions, keepAll }) };
      },
      { writes: !values['dry-run'] },
    );
    if (values.json) {
      io.stdout(`${JSON.stringify(outcome.result ?? outcome.preview, null, 2)}\n`);
      return 0;
    }
    io.stdout(describePreview(outcome.preview));
    const { result } = outcome;
    if (!result) io.stdout('Dry run: nothing was changed.\n');
    else {
      io.stdout(
        `Brought back into ${outcome.preview.origin.source}: ${result.written} rows written, ${result.removed} removed; ` +
          `kept mine for ${result.keptMine} conflict${result.keptMine === 1 ? '' : 's'}, theirs for ${result.keptTheirs}.\n`,
      );
    }
    return 0;
  },
};

function keepChoice(text: string, option: string): KeepChoice {
  if ((KEEP_CHOICES as readonly string[]).includes(text)) return text as KeepChoice;
  throw new CliUsageError(`${option} takes mine or theirs, not "${text}".`);
}

const STATUS_WORDS = {
  conflict: 'CONFLICT',
  'changed-here': 'changed here: will be written',
  'changed-there': 'changed on the server: kept',
  'added-here': 'new here: will be added',
  'deleted-here': 'deleted here: will be removed',
  unchanged: 'unchanged',
} as const;

function describePreview(preview: BringBackPreview): string {
  const c = preview.counts;
  const head =
    `${path.basename(preview.path)}, taken out of ${preview.origin.source} by ${preview.origin.takenBy} on ${preview.origin.takenAt}:\n` +
    `${c.conflict} conflict${c.conflict === 1 ? '' : 's'}, ${c['changed-here']} changed here, ${c['added-here']} new here, ${c['deleted-here']} deleted here, ` +
    `${c['changed-there']} changed on the server, ${c.unchanged} unchanged.\n`;
  if (preview.rows.length === 0) return `${head}Nothing changed since take-out.\n`;
  const rows = preview.rows.map((row) => [
    STATUS_WORDS[row.status],
    row.accountName,
    row.label,
    row.changedHere.join(', ') || '-',
    row.changedThere.join(', ') || '-',
    row.status === 'conflict' ? row.key : '',
  ]);
  const more = preview.rowsOmitted > 0 ? `…and ${preview.rowsOmitted} more (not conflicts).\n` : '';
  const conflicts = preview.rows.filter((row) => row.status === 'conflict');
  const detail = conflicts
    .map((row) => `${row.accountName}, ${row.label}:\n${row.fields.map((f) => `  ${f.field}: mine "${f.mine}", theirs "${f.theirs}" (was "${f.base}")\n`).join('')}`)
    .join('');
  const hint = conflicts.length ? 'Settle each conflict: --resolve KEY=mine|theirs, or --keep mine|theirs for all the rest.\n' : '';
  return `${head}${formatTable(['Row', 'Account', 'What', 'Changed here', 'Changed on the server', 'Key (for --resolve)'], rows)}${more}${detail}${hint}`;
}
