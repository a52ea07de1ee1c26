import fs from 'node:fs';
import path from 'node:path';
import { ApiFailure } from '../../../shared/api/errors';
import { listDecks } from '../../storage/db/repositories/decks-repository';
import { listLiveAccounts } from '../../storage/db/repositories/accounts-repository';
import { readBrandFromTemplate } from '../../render/brand-from-template';
import { DeckRenderError, renderDeckInWorker } from '../../render/render-deck-in-worker';
import { createDeckJobRegistry } from '../../services/decks/deck-jobs';
import { defaultQuarter } from '../../services/decks/deck-plan-inputs';
import { createDeckService, deckOutline, type RenderDeckFn } from '../../services/decks/deck-service';
import { exportPortfolio } from '../../services/decks/portfolio-export';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';
import { ensureFolder } from '../../storage/files/ensure-folder';
import { requireLiveAccount } from './require-account';
import { checkCommitmentStakeholder } from '../../services/commitments/commitments-ledger';
import { listDeckDrafts } from '../../storage/db/repositories/deck-drafts-repository';
import { deckPlanEditsSchema } from '../../../shared/deck-plan/deck-edits';
import { carryDeckEdits } from '../../../shared/deck-plan/carry-edits';

type DeckHandlers = Pick<
  ApiHandlers,
  'decks.lastQuarterEdits' | 'decks.plan' | 'decks.export' | 'decks.list' | 'decks.exportPortfolio' | 'decks.jobProgress' | 'decks.cancelJob' | 'decks.readBrandFromTemplate'
>;

/** Renders on a worker thread so Electron's main process never freezes; render failures become API errors. */
const renderOffThread: RenderDeckFn = async (document) => {
  try {
    return await renderDeckInWorker(document);
  } catch (error) {
    if (error instanceof DeckRenderError) throw new ApiFailure('internal', `The deck could not be rendered: ${error.message}`, { code: error.code });
    throw error;
  }
};

/** Deck planning, export (single and portfolio) and brand reading. `render` is injectable for tests. */
export function deckHandlers(deps: HandlerDeps, render: RenderDeckFn = renderOffThread): DeckHandlers {
  const { workspace, now } = deps;
  const service = createDeckService({ ...deps, render });
  const jobs = createDeckJobRegistry(deps.newId);

  return {
    'decks.plan': async ({ accountId, audience, deckType, quarter, edits, commitments }) => {
      const account = await requireLiveAccount(workspace.db, accountId);
      return deckOutline(await service.planFor(account, { audience, deckType, quarter, edits, commitments }));
    },

    'decks.export': async ({ accountId, audience, deckType, quarter, edits, commitments, filePath, overwrite, createFolder }) => {
      const account = await requireLiveAccount(workspace.db, accountId);
      for (const [i, item] of (commitments ?? []).entries()) await checkCommitmentStakeholder(workspace.db, accountId, item.stakeholderId, `commitments.${i}.stakeholderId`);
      const allowed = await deps.pathPolicy.check(filePath, overwrite ? 'replace' : 'create');
      // Checked before rendering, so a missing folder is a question for the user, not a failed export.
      await ensureFolder(path.dirname(allowed), createFolder);
      return service.exportDeck(account, { audience, deckType, quarter, edits, commitments }, allowed, overwrite);
    },

    'decks.lastQuarterEdits': async ({ accountId, deckType, audience, quarter }) => {
      const account = await requireLiveAccount(workspace.db, accountId);
      const [previous] = await listDeckDrafts(workspace.db, { accountId, deckType, audienceJson: JSON.stringify(audience), beforeQuarter: quarter });
      if (!previous) return null;
      const stored = deckPlanEditsSchema.safeParse(JSON.parse(previous.editsJson));
      if (!stored.success) return null;
      const { plan } = await service.planFor(account, { audience, deckType, quarter });
      return { fromQuarter: previous.quarter, ...carryDeckEdits(stored.data, plan.slides.map((slide) => slide.id)) };
    },

    'decks.list': async ({ accountId }) => {
      await requireLiveAccount(workspace.db, accountId);
      const rows = await listDecks(workspace.db, accountId);
      return rows.map(({ audienceJson, ...row }) => ({ ...row, audience: JSON.parse(audienceJson) as string[] }));
    },

    'decks.exportPortfolio': async ({ audience, deckType, quarter, outDir, overwrite, createFolder }) => {
      const folder = await deps.pathPolicy.checkFolder(outDir, overwrite ? 'replace' : 'create');
      await ensureFolder(folder, createFolder, 'outDir');
      const accounts = await listLiveAccounts(workspace.db);
      const request = { audience, deckType, quarter: quarter ?? defaultQuarter(now().toISOString().slice(0, 10)), outDir: folder, overwrite };
      return { jobId: jobs.start(request.quarter, accounts.length, (control) => exportPortfolio(workspace.db, service, accounts, request, control)) };
    },

    'decks.jobProgress': async ({ jobId }) => {
      const progress = jobs.progress(jobId);
      if (!progress) throw new ApiFailure('not_found', 'There is no deck export job with that id (it may have finished long ago).', { jobId });
      return progress;
    },

    'decks.cancelJob': async ({ jobId }) => {
      const state = jobs.cancel(jobId);
      if (!state) throw new ApiFailure('not_found', 'There is no deck export job with that id.', { jobId });
      return { jobId, state };
    },

    'decks.readBrandFromTemplate': async ({ filePath: given }) => {
      const filePath = await deps.pathPolicy.check(given, 'read');
      let bytes: Buffer;
      try {
        bytes = await fs.promises.readFile(filePath);
      } catch {
        throw new ApiFailure('not_found', `${path.basename(filePath)} could not be read.`, { filePath });
      }
      try {
        return await readBrandFromTemplate(bytes);
      } catch {
        throw new ApiFailure('invalid_input', `${path.basename(filePath)} is not a PowerPoint file this app can read.`, { filePath });
      }
    },
  };
}
