import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import type { PortfolioFacts } from '../../../shared/api/schemas/portfolio-schemas';
import { healthFilterOf } from './portfolio-filters';
import type { PortfolioInsight } from './portfolio-sort';
import { RENEWAL_WINDOW_DAYS, renewsWithin } from './renewal-window';

/** The summary strip above the list, for the accounts it shows. */
export interface PortfolioSummary {
  /** Null while the list holds only its first screen (the rest are on their way). */
  accounts: number | null;
  /** Yearly contract value of the accounts whose terms fix one, in USD; null when none does (or facts are not in yet). */
  contractValueUsd: number | null;
  /** How many of the accounts the contract value covers. */
  contractValueAccounts: number;
  /** Null while the list holds only its first screen. */
  renewalsSoon: number | null;
  /** Accounts in the at-risk health band; null while health is being worked out. */
  atRisk: number | null;
  /**
   * Open commitments (decisions and next steps promised to the customer, still open or slipped) in
   * the commitments ledger; null until the facts are in.
   */
  openCommitments: number | null;
  /** Of those, how many are past their due date; null until the facts are in. */
  overdueCommitments: number | null;
}

/**
 * Counts and totals for the summary strip over `rows` (the accounts on screen); every figure waits
 * (null) while `complete` is false: the rows are only the list's first screen.
 */
export function portfolioSummary(
  rows: readonly AccountSummary[],
  insights: ReadonlyMap<string, PortfolioInsight> | null,
  facts: ReadonlyMap<string, PortfolioFacts> | null,
  today: string,
  complete = true,
): PortfolioSummary {
  if (!complete) {
    return { accounts: null, contractValueUsd: null, contractValueAccounts: 0, renewalsSoon: null, atRisk: null, openCommitments: null, overdueCommitments: null };
  }
  let contractValueUsd: number | null = null;
  let contractValueAccounts = 0;
  for (const row of rows) {
    const value = facts?.get(row.id)?.annualContractValueUsd ?? null;
    if (value === null) continue;
    contractValueUsd = (contractValueUsd ?? 0) + value;
    contractValueAccounts += 1;
  }
  return {
    accounts: rows.length,
    contractValueUsd,
    contractValueAccounts,
    renewalsSoon: rows.filter((row) => renewsWithin(row.renewalDate, RENEWAL_WINDOW_DAYS, today)).length,
    atRisk: insights === null ? null : rows.filter((row) => healthFilterOf(insights.get(row.id)) === 'at_risk').length,
    openCommitments: facts === null ? null : rows.reduce((sum, row) => sum + (facts.get(row.id)?.openCommitments ?? 0), 0),
    overdueCommitments: facts === null ? null : rows.reduce((sum, row) => sum + (facts.get(row.id)?.overdueCommitments ?? 0), 0),
  };
}
