import { warmDeckRendering } from '../../../api/warm-up';
import { parseArgs } from 'node:util';
import { ARCHETYPES, type ArchetypeKey } from '../../../../shared/framework/keys';
import { autoAudience, DECK_TYPES, type DeckType } from '../../../../shared/deck-plan';
import type { PortfolioExportProgress } from '../../../../shared/api/schemas/deck-schemas';
import { quarterLabel } from '../../../../shared/deck-plan/deck-period';
import { CliUsageError, type CliCommand } from '../cli-io';
import { resolveWorkspacePath, withBackend } from '../cli-backend';
import { findAccountByName } from '../find-account';

/** The audience keys, parsed; an unknown key is a usage error listing the valid ones. */
export function parseAudience(value: string | undefined, allowAuto: boolean): ArchetypeKey[] | 'auto' {
  if (!value) throw new CliUsageError(`Say who is in the room: --audience ROLE[,ROLE]${allowAuto ? ' or auto' : ''}.`);
  if (value.trim() === 'auto') {
    if (!allowAuto) throw new CliUsageError('--audience auto needs --all or an account with mapped stakeholders.');
    return 'auto';
  }
  const keys = value.split(',').map((key) => key.trim()).filter(Boolean);
  const unknown = keys.filter((key) => !(ARCHETYPES as readonly string[]).includes(key));
  if (unknown.length > 0 || keys.length === 0) {
    throw new CliUsageError(`Unknown audience ${unknown.map((k) => `"${k}"`).join(', ') || '(empty)'}. Valid audiences (see qbr framework): ${ARCHETYPES.join(', ')}${allowAuto ? ', auto' : ''}.`);
  }
  return keys as ArchetypeKey[];
}

function parseDeckType(value: string | undefined): DeckType {
  if (value === undefined) return 'qbr';
  if (!(DECK_TYPES as readonly string[]).includes(value)) throw new CliUsageError(`--type must be one of ${DECK_TYPES.join(', ')}.`);
  return value as DeckType;
}

export const deckCommand: CliCommand = {
  name: 'deck',
  summary: 'Write a stakeholder-calibrated QBR/EBR deck (.pptx) for one account, or for every account with --all.',
  usage: 'qbr deck --db FILE (--account NAME --out FILE.pptx | --all --out-dir DIR) --audience ROLE[,ROLE]|auto [--type qbr|ebr] [--quarter 2026Q3] [--force] [--json]',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        account: { type: 'string' },
        all: { type: 'boolean' },
        audience: { type: 'string' },
        type: { type: 'string' },
        quarter: { type: 'string' },
        out: { type: 'string' },
        'out-dir': { type: 'string' },
        force: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      strict: true,
    });
    const deckType = parseDeckType(values.type);
    if (values.quarter !== undefined && !/^\d{4}Q[1-4]$/.test(values.quarter)) throw new CliUsageError('--quarter must look like 2026Q3.');
    const quarter = values.quarter;
    if (values.all) {
      if (values.account) throw new CliUsageError('Use either --account or --all, not both.');
      if (!values['out-dir']) throw new CliUsageError('Say where to write the decks: --out-dir DIR.');
      const audience = parseAudience(values.audience, true);
      const outDir = values['out-dir'];
      const workspacePath = resolveWorkspacePath(values.db, io);
      warmDeckRendering();
      const progress = await withBackend(workspacePath, async (backend) => {
        const { jobId } = await backend.client.call('decks.exportPortfolio', { audience, deckType, outDir, overwrite: !!values.force, ...(quarter ? { quarter } : {}) });
        for (;;) {
          const state = await backend.client.call('decks.jobProgress', { jobId });
          if (state.state !== 'running') return state;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      });
      if (values.json) io.stdout(`${JSON.stringify(progress, null, 2)}\n`);
      else {
        for (const written of progress.written) io.stdout(`wrote ${written.filePath} (${written.slideCount} slides)\n`);
        for (const failed of progress.failed) io.stderr(`failed ${failed.accountName}: ${failed.reason}\n`);
        io.stdout(`${portfolioSummary(progress)}\n`);
      }
      return progress.state === 'done' && progress.failed.length === 0 ? 0 : 1;
    }

    if (!values.account) throw new CliUsageError('Say which account: --account NAME (or --all for every account).');
    if (!values.out) throw new CliUsageError('Say where to write the deck: --out FILE.pptx.');
    if (!values.out.toLowerCase().endsWith('.pptx')) throw new CliUsageError('--out must name a .pptx file.');
    const audienceArg = parseAudience(values.audience, true);
    const accountName = values.account;
    const out = values.out;
    const workspacePath = resolveWorkspacePath(values.db, io);
    // The render thread loads while the workspace opens and the deck is planned.
    warmDeckRendering();
    const result = await withBackend(workspacePath, async (backend) => {
      const account = await findAccountByName(backend.client, accountName, { allowPartial: true });
      if ('error' in account) return account;
      let audience: ArchetypeKey[];
      if (audienceArg === 'auto') {
        const [streams, people] = await Promise.all([backend.client.call('streams.list', { accountId: account.id }), backend.client.call('stakeholders.list', { accountId: account.id })]);
        audience = autoAudience(
          people,
          streams.map((s) => ({ id: s.id, name: s.name, revenueModel: s.revenueModel, paymentEnvironment: s.paymentEnvironment, terms: s.terms })),
          deckType,
        );
      } else audience = audienceArg;
      const exported = await backend.client.call('decks.export', { accountId: account.id, audience, deckType, filePath: out, overwrite: !!values.force, ...(quarter ? { quarter } : {}) });
      return { account: account.name, audience, ...exported };
    });
    if ('error' in result) {
      io.stderr(`qbr deck: ${result.error}\n`);
      return 1;
    }
    if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else io.stdout(`wrote ${result.filePath} (${result.slideCount} slides) for ${result.account}, audience ${result.audience.join(', ')}\n`);
    return 0;
  },
};

/** A one-line summary of a portfolio export. */
function portfolioSummary(progress: PortfolioExportProgress): string {
  return `${progress.written.length} of ${progress.total} decks written for ${quarterLabel(progress.quarter)}${progress.failed.length > 0 ? `; ${progress.failed.length} failed` : ''}.`;
}
