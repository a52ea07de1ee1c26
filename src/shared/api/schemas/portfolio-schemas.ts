import { z } from 'zod';
import { quarterSchema } from './assessment-schemas';
import { idSchema } from './common';

/** What the portfolio's summary strip and setup checklists read per live account, beyond the account list. */
export const portfolioFactsSchema = z.object({
  accountId: idSchema,
  /** Yearly contract value of the account's current streams where their terms fix one, in USD; null when none does. */
  annualContractValueUsd: z.number().nonnegative().nullable(),
  /** Current streams whose terms give no yearly value (a revenue share, outcomes payments, terms not entered yet). */
  streamsWithoutValue: z.number().int().nonnegative(),
  /** The latest quarter with a saved (final) assessment, e.g. "2026Q3"; null while none is saved. */
  lastAssessedQuarter: quarterSchema.nullable(),
  /** Decks exported for the account so far. */
  deckCount: z.number().int().nonnegative(),
  /** Commitments still owed (open or slipped) in the account's ledger. */
  openCommitments: z.number().int().nonnegative(),
  /** Of those, how many are past their due date. */
  overdueCommitments: z.number().int().nonnegative(),
});
export type PortfolioFacts = z.infer<typeof portfolioFactsSchema>;
