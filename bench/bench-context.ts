import type { SyntheticPortfolio } from './synthetic-portfolio';

/** What the runner prepares once and every row module may read. */
export interface BenchContext {
  /** Temp folder for this run; removed at the end. */
  dir: string;
  /** 2,000 accounts × 36 months × 25 metrics. */
  portfolio: SyntheticPortfolio;
  /** 100 accounts × 36 months × 25 metrics: one CSM's book (also the portfolio-decks workspace). */
  book: SyntheticPortfolio;
  /** The 1,000,000-row long CSV both import rows read. */
  importCsv: { path: string; rows: number; accounts: number };
}
