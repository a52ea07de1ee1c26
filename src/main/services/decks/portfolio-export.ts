import path from 'node:path';
import { ApiFailure } from '../../../shared/api/errors';
import type { PortfolioExportProgress } from '../../../shared/api/schemas/deck-schemas';
import { autoAudience, type DeckType } from '../../../shared/deck-plan';
import type { ArchetypeKey } from '../../../shared/framework/keys';
import type { WorkspaceDb } from '../../storage/db/database';
import { listStakeholders, listStreams } from '../../storage/db/repositories/account-children-repository';
import type { AccountRow } from '../../storage/db/tables/accounts-table';
import { loadAppSettings } from '../../storage/settings/app-settings';
import { toPlanStream } from './deck-plan-inputs';
import type { DeckService, PreparedExport } from './deck-service';

/*
 * One deck per live account into a folder, as a cancellable background job with progress and a
 * summary of what was written and what failed (with the reason), so one bad account never stops the rest.
 */

/** Characters Windows, macOS or Linux refuse in file names. */
const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f]/g;

/** "Riverbend Cardiology Associates 2026Q3 QBR.pptx", safe on every platform. */
export function deckFileName(accountName: string, quarter: string, deckType: DeckType): string {
  const base = accountName.replace(UNSAFE_FILE_CHARS, '-').replace(/\s+/g, ' ').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 120) || 'Account';
  return `${base} ${quarter} ${deckType.toUpperCase()}.pptx`;
}

export interface PortfolioRequest {
  audience: 'auto' | ArchetypeKey[];
  deckType: DeckType;
  quarter: string;
  outDir: string;
  overwrite: boolean;
}

export interface PortfolioJobControl {
  isCancelled(): boolean;
  report(progress: PortfolioExportProgress): void;
}

/** Who a portfolio deck of `account` is for: the request's audience, or with 'auto' the account's mapped people (autoAudience). */
export async function portfolioAudience(db: WorkspaceDb, account: AccountRow, request: Pick<PortfolioRequest, 'audience' | 'deckType'>): Promise<ArchetypeKey[]> {
  const [streams, stakeholders] = await Promise.all([listStreams(db, account.id), listStakeholders(db, account.id)]);
  if (streams.length === 0) throw new ApiFailure('invalid_input', 'no revenue streams are recorded');
  if (request.audience !== 'auto') return request.audience;
  return autoAudience(
    stakeholders,
    streams.map(toPlanStream),
    request.deckType,
  );
}

/**
 * Writes every account's deck; returns the final summary. Cancelling stops after the deck in progress.
 * Pipelined: while the worker renders deck n, deck n + 1 is planned on this thread (two cores).
 */
export async function exportPortfolio(db: WorkspaceDb, service: DeckService, accounts: readonly AccountRow[], request: PortfolioRequest, control: PortfolioJobControl): Promise<PortfolioExportProgress> {
  const progress: PortfolioExportProgress = { state: 'running', quarter: request.quarter, total: accounts.length, done: 0, written: [], failed: [] };
  const settings = await loadAppSettings(db);
  const usedNames = new Set<string>();
  const prepare = async (account: AccountRow): Promise<PreparedExport> => {
    const audience = await portfolioAudience(db, account, request);
    // Two accounts whose names sanitise alike must not overwrite each other's deck.
    let name = deckFileName(account.name, request.quarter, request.deckType);
    for (let n = 2; usedNames.has(name.toLowerCase()); n++) name = deckFileName(`${account.name} (${n})`, request.quarter, request.deckType);
    usedNames.add(name.toLowerCase());
    return service.prepareExport(account, { audience, deckType: request.deckType, quarter: request.quarter }, path.join(request.outDir, name), request.overwrite, settings);
  };
  // Settled promises, so a deck planned ahead and then dropped by a cancel never rejects unhandled.
  const settle = (account: AccountRow) => prepare(account).then((prepared) => ({ prepared }), (error: unknown) => ({ error }));
  let next = accounts.length > 0 && !control.isCancelled() ? settle(accounts[0]!) : null;
  for (let i = 0; i < accounts.length; i++) {
    const account = accounts[i]!;
    if (control.isCancelled() || !next) return { ...progress, state: 'cancelled' };
    const planned = await next;
    // Planned one after another, in account order, so file names are given out in that order.
    next = i + 1 < accounts.length && !control.isCancelled() ? settle(accounts[i + 1]!) : null;
    try {
      if ('error' in planned) throw planned.error;
      const result = await service.finishExport(planned.prepared);
      progress.written.push({ accountId: account.id, accountName: account.name, filePath: result.filePath, slideCount: result.slideCount });
    } catch (error) {
      progress.failed.push({ accountId: account.id, accountName: account.name, reason: error instanceof Error ? error.message : String(error) });
    }
    progress.done += 1;
    control.report({ ...progress, written: [...progress.written], failed: [...progress.failed] });
  }
  return { ...progress, state: 'done' };
}
