import fs from 'node:fs';
import { ApiFailure } from '../../../shared/api/errors';
import { findLiveDeck } from '../../storage/db/repositories/decks-repository';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';

type DeckFileHandlers = Pick<ApiHandlers, 'decks.reveal'>;

/** Whether this backend can open files or show them in their folder: the desktop app's host can; the harness and CLI cannot. */
export function canRevealFiles(deps: Pick<HandlerDeps, 'transport' | 'hostServices'>): boolean {
  return deps.transport !== 'web-harness' && Boolean(deps.hostServices?.openFile && deps.hostServices.showFileInFolder);
}

/**
 * "Open" and "Show in folder" for an exported deck. Only a deck this workspace recorded can be opened,
 * by id, so the renderer can never ask the desktop to open an arbitrary path. The browser harness never
 * opens anything on the machine serving it: it answers `not_available` with the deck's path.
 */
export function deckFileHandlers(deps: Pick<HandlerDeps, 'workspace' | 'transport' | 'hostServices'>): DeckFileHandlers {
  return {
    'decks.reveal': async ({ deckId, action }) => {
      const deck = await findLiveDeck(deps.workspace.db, deckId);
      if (!deck) throw new ApiFailure('not_found', 'There is no exported deck with that id in this workspace.', { deckId });
      const host = deps.hostServices;
      if (!canRevealFiles(deps) || !host?.openFile || !host.showFileInFolder) {
        throw new ApiFailure('not_available', `Opening files is only available in the desktop app. The deck is at ${deck.filePath}`, { filePath: deck.filePath });
      }
      if (!fs.existsSync(deck.filePath)) {
        throw new ApiFailure('not_found', `${deck.filePath} was moved or deleted since it was exported.`, { filePath: deck.filePath });
      }
      await (action === 'open' ? host.openFile(deck.filePath) : host.showFileInFolder(deck.filePath));
      return { filePath: deck.filePath };
    },
  };
}
