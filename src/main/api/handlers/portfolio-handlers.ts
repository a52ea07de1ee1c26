import { annualContractValueUsd } from '../../../shared/portfolio/annual-contract-value';
import { listLiveAccountDates, listLiveAccountStreams } from '../../storage/db/repositories/insight-accounts-repository';
import { deckCounts, lastFinalAssessmentQuarters } from '../../storage/db/repositories/portfolio-facts-repository';
import type { ApiHandlers } from '../api-handlers';
import { listOutstandingCommitments } from '../../storage/db/repositories/commitments-repository';
import { outstandingCounts, type CommitmentDue, type CommitmentStatus } from '../../../shared/commitments/commitment';

const countsOf = ({ open, overdue }: { open: number; overdue: number }) => ({ openCommitments: open, overdueCommitments: overdue });
import type { HandlerDeps } from '../handler-deps';

type PortfolioHandlers = Pick<ApiHandlers, 'portfolio.facts'>;

/** Facts per live account for the portfolio's summary strip and setup checklists. */
export function portfolioHandlers({ workspace, now }: Pick<HandlerDeps, 'workspace' | 'now'>): PortfolioHandlers {
  const { db } = workspace;
  return {
    'portfolio.facts': async () => {
      const today = now().toISOString().slice(0, 10);
      const [accounts, streams, assessed, decks, owed] = await Promise.all([listLiveAccountDates(db), listLiveAccountStreams(db), lastFinalAssessmentQuarters(db), deckCounts(db), listOutstandingCommitments(db)]);
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
      return accounts.map((account) => ({
        accountId: account.id,
        annualContractValueUsd: value.get(account.id)?.total ?? null,
        streamsWithoutValue: value.get(account.id)?.unknown ?? 0,
        lastAssessedQuarter: assessed.get(account.id) ?? null,
        deckCount: decks.get(account.id) ?? 0,
        ...countsOf(outstandingCounts(commitments.get(account.id) ?? [], today)),
      }));
    },
  };
}
