import type { Insertable, Selectable } from 'kysely';

/** One way the company is paid for an account; a hybrid contract has several. */
export interface RevenueStreamsTable {
  id: string;
  accountId: string;
  name: string;
  revenueModel: string;
  /** Payment-environment key, or null while unknown. */
  paymentEnvironment: string | null;
  /** Model-specific contract terms as JSON, validated by the stream-terms schema before it is written. */
  termsJson: string;
  startDate: string | null;
  endDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export const REVENUE_STREAMS_TABLE = 'revenueStreams';
export type RevenueStreamRow = Selectable<RevenueStreamsTable>;
export type NewRevenueStreamRow = Insertable<RevenueStreamsTable>;
