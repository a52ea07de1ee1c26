import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_TABLE_KEYS, type ImportPreview } from '../../../../shared/api/schemas/workspace-export-schemas';
import { formatTable } from '../format-table';
import { resolveWorkspacePath, withBackend } from '../cli-backend';
import { CliUsageError, type CliCommand } from '../cli-io';
import { redactedUrl } from '../../../api/host/workspace-location';

export const restoreWorkspaceCommand: CliCommand = {
  name: 'restore-workspace',
  summary: 'Import a workspace export into a workspace: merge (default) or --replace; --dry-run only previews.',
  usage: 'qbr restore-workspace --db FILE --file FILE.json [--replace] [--take-file] [--dry-run] [--json]',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        file: { type: 'string' },
        replace: { type: 'boolean' },
        'take-file': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      strict: true,
    });
    const workspacePath = resolveWorkspacePath(values.db, io);
    if (!values.file) throw new CliUsageError('Say which export to import: --file FILE.json.');
    const input = {
      path: path.resolve(values.file),
      mode: values.replace ? ('replace' as const) : ('merge' as const),
      conflicts: values['take-file'] ? ('take-file' as const) : ('keep-newer' as const),
    };
    const result = await withBackend(workspacePath, async (backend) => {
      if (values['dry-run']) return { preview: await backend.client.call('workspace.previewImport', input), backup: null };
      return backend.client.call('workspace.importJson', input);
    }, { createIfMissing: !values['dry-run'], writes: !values['dry-run'] });
    if (values.json) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      io.stdout(describePreview(result.preview));
      io.stdout(
        result.backup
          ? `Imported into ${workspacePath}. The workspace as it was before is backed up at ${result.backup.path}.\n`
          : !values['dry-run']
            ? `Imported into ${redactedUrl(workspacePath)} (a team workspace: the server keeps its own backups).\n`
            : result.preview.problems.length
            ? 'The import would fail:\n' + result.preview.problems.map((p) => `  - ${p}\n`).join('')
            : 'Dry run: nothing was changed.\n',
      );
    }
    return values['dry-run'] && result.preview.problems.length ? 1 : 0;
  },
};

function describePreview(preview: ImportPreview): string {
  const rows = EXPORT_TABLE_KEYS.map((table) => {
    const change = preview.tables[table];
    return [table, String(change.added), String(change.updated), String(change.kept), String(change.unchanged), String(change.removed)];
  });
  const table = `Import (${preview.mode}):\n${formatTable(['Table', 'Added', 'Updated', 'Kept', 'Unchanged', 'Removed'], rows)}`;
  if (preview.rowChanges.length === 0) return table;
  const changes = preview.rowChanges.map((row) => [
    row.table,
    row.label,
    row.change === 'revive' ? 'deleted here since; file has it' : 'differs',
    row.fileUpdatedAt,
    row.workspaceUpdatedAt,
    row.resolution === 'take-file' ? "take the file's" : "keep this workspace's (newer)",
  ]);
  const more = preview.rowChangesOmitted > 0 ? `…and ${preview.rowChangesOmitted} more.\n` : '';
  const hint = preview.conflicts === 'keep-newer' ? 'Rows kept here are newer than the file; --take-file makes the file win.\n' : '';
  return `${table}Rows both have that differ:\n${formatTable(['Table', 'Row', 'Change', 'File updated', 'Here updated', 'Import will'], changes)}${more}${hint}`;
}
