import { deckPlanEditsSchema } from '../../../shared/deck-plan/deck-edits';
import type { DeckDraft } from '../../../shared/api/schemas/deck-draft-schemas';
import type { DeckType } from '../../../shared/deck-plan/deck-plan-types';
import type { ArchetypeKey } from '../../../shared/framework/keys';
import { findDeckDraft, latestDeckDraft, listDeckDrafts, upsertDeckDraft } from '../../storage/db/repositories/deck-drafts-repository';
import type { DeckDraftRow } from '../../storage/db/tables/deck-drafts-table';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';
import { requireLiveAccount } from './require-account';

type DeckDraftHandlers = Pick<ApiHandlers, 'decks.saveDraft' | 'decks.getDraft' | 'decks.latestDraft' | 'decks.listDrafts'>;

/** The deck builder's drafts: saved per account + deck type + audience + quarter, read back the same way. */
export function deckDraftHandlers({ workspace, now }: HandlerDeps): DeckDraftHandlers {
  const { db } = workspace;
  return {
    'decks.saveDraft': async ({ accountId, deckType, audience, quarter, edits, audienceChosen }) => {
      await requireLiveAccount(db, accountId);
      const at = now().toISOString();
      const row = await upsertDeckDraft(db, {
        accountId,
        deckType,
        audienceJson: JSON.stringify(audience),
        quarter,
        editsJson: JSON.stringify(edits),
        audienceChosen: audienceChosen ? 1 : 0,
        createdAt: at,
        updatedAt: at,
      });
      return toDraft(row);
    },
    'decks.getDraft': async ({ accountId, deckType, audience, quarter }) => {
      await requireLiveAccount(db, accountId);
      const row = await findDeckDraft(db, { accountId, deckType, audienceJson: JSON.stringify(audience), quarter });
      return row ? toDraft(row) : null;
    },
    'decks.latestDraft': async ({ accountId }) => {
      await requireLiveAccount(db, accountId);
      const row = await latestDeckDraft(db, accountId);
      return row ? toDraft(row) : null;
    },
    'decks.listDrafts': async ({ accountId, deckType, audience, beforeQuarter }) => {
      await requireLiveAccount(db, accountId);
      const rows = await listDeckDrafts(db, { accountId, deckType, audienceJson: audience ? JSON.stringify(audience) : undefined, beforeQuarter });
      return rows.map(toDraft);
    },
  };
}

/** A stored draft as the API returns it; edits pass through their schema again, so a hand-edited file cannot smuggle in what the API would refuse. */
function toDraft(row: DeckDraftRow): DeckDraft {
  const edits = deckPlanEditsSchema.safeParse(JSON.parse(row.editsJson));
  return {
    accountId: row.accountId,
    deckType: row.deckType as DeckType,
    audience: JSON.parse(row.audienceJson) as ArchetypeKey[],
    quarter: row.quarter,
    edits: edits.success ? edits.data : deckPlanEditsSchema.parse({}),
    audienceChosen: row.audienceChosen !== 0,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
