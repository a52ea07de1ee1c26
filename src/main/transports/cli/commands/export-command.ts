import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveWorkspacePath, withBackend } from '../cli-backend';
import { CliUsageError, type CliCommand } from '../cli-io';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export the whole workspace to one JSON file (see resources/schemas/workspace-export.schema.json).',
  usage: 'qbr export --db FILE --out FILE.json [--force] [--json]',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, json: { type: 'boolean' } }, strict: true });
    const workspacePath = resolveWorkspacePath(values.db, io);
    if (!values.out) throw new CliUsageError('Say where to write the export: --out FILE.json.');
    const outPath = path.resolve(values.out);
    const result = await withBackend(workspacePath, (backend) => backend.client.call('workspace.exportJson', { path: outPath, overwrite: values.force ?? false }));
    if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else if (result) {
      const { counts } = result;
      io.stdout(
        `Exported ${counts.accounts} accounts, ${counts.revenueStreams} revenue streams, ${counts.stakeholders} stakeholders, ` +
          `${counts.assessments} assessments, ${counts.goals} goals, ${counts.metricObservations} metric values, ` +
          `${counts.decks} deck records and ${counts.settings} settings to ${result.path}.\n`,
      );
    }
    return 0;
  },
};
