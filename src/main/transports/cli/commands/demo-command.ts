import { parseArgs } from 'node:util';
import { resolveWorkspacePath, withBackend } from '../cli-backend';
import type { CliCommand } from '../cli-io';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Write the built-in demo portfolio into a workspace (creating it if needed).',
  usage: 'qbr demo --db FILE [--json]',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
    const workspacePath = resolveWorkspacePath(values.db, io);
    const result = await withBackend(workspacePath, async (backend) => {
      const loaded = await backend.client.call('demo.load', {});
      await backend.client.call('settings.update', { onboardingCompleted: true });
      return loaded;
    }, { createIfMissing: true, writes: true });
    if (values.json) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    } else if (result.accountsCreated === 0) {
      io.stdout(`The demo portfolio is already in ${workspacePath}; nothing was added.\n`);
    } else {
      io.stdout(
        `Added ${result.accountsCreated} demo accounts, ${result.stakeholdersCreated} stakeholders and ` +
          `${result.observationsWritten} monthly metric values to ${workspacePath}.\n`,
      );
    }
    return 0;
  },
};
