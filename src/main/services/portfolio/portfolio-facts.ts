import type { PortfolioFacts } from '../../../shared/api/schemas/portfolio-schemas';
import { outstandingCounts, type CommitmentDue, type CommitmentStatus } from '../../../shared/commitments/commitment';
import { annualContractValueUsd } from '../../../shared/portfolio/annual-contract-value';
import type { WorkspaceDb } from '../../storage/db/database';
import { listOutstandingCommitments } from '../../storage/db/repositories/commitments-repository';
import { listLiveAccountStreams } from '../../storage/db/repositories/insight-accounts-repository';
import { deckCounts, lastFinalAssessmentQuarters } from '../../storage/db/repositories/portfolio-facts-repository';

/**
 * The facts the portfolio's summary strip and setup checklists read per account, beyond the list:
 * for each of `accountIds` (live accounts, in that order) on `today` (YYYY-MM-DD). What
 * `portfolio.facts` gives for every live account and `accounts.list` for its first screen's rows.
 * @example const facts = await portfolioFacts(db, '2026-12-04', ['id-1', 'id-2']);
 */
export async function portfolioFacts(db: WorkspaceDb, today: string, accountIds: readonly string[]): Promise<PortfolioFacts[]> {
  if (accountIds.length === 0) return [];
  const [streams, assessed, decks, owed] = await Promise.all([
    listLiveAccountStreams(db, accountIds),
    lastFinalAssessmentQuarters(db, accountIds),
    deckCounts(db, accountIds),
    listOutstandingCommitments(db, accountIds),
  ]);
  const commitments = new Map<string, CommitmentDue[]>();
  for (const row of owed) commitments.set(row.accountId, [...(commitments.get(row.accountId) ?? []), { status: row.status as CommitmentStatus, dueDate: row.dueDate }]);
  const value = new Map<string, { total: number | null; unknown: number }>();
  for (const stream of streams) {
    // A stream that has ended is no longer part of the contract's value.
    if (stream.endDate !== null && stream.endDate < today) continue;
    const yearly = annualContractValueUsd(stream);
    const entry = value.get(stream.accountId) ?? { total: null, unknown: 0 };
    if (yearly === null) entry.unknown += 1;
    else entry.total = (entry.total ?? 0) + yearly;
    value.set(stream.accountId, entry);
  }
  return accountIds.map((accountId) => {
    const { open, overdue } = outstandingCounts(commitments.get(accountId) ?? [], today);
    return {
      accountId,
      annualContractValueUsd: value.get(accountId)?.total ?? null,
      streamsWithoutValue: value.get(accountId)?.unknown ?? 0,
      lastAssessedQuarter: assessed.get(accountId) ?? null,
      deckCount: decks.get(accountId) ?? 0,
      openCommitments: open,
      overdueCommitments: overdue,
    };
  });
}
