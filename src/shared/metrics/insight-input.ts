import type { ArchetypeKey, PaymentEnvironmentKey, RevenueModelKey } from '../framework/keys';
import type { RpmRateSetting } from '../framework/rpm-codes';
import type { HealthWeightOverrides } from './health/health-weights';
import type { MetricObservation } from './metric-observation';

/** A revenue stream as the KPI engine needs it; `terms` is the stored, schema-checked terms object. */
export interface InsightStream {
  id: string;
  name: string;
  revenueModel: RevenueModelKey;
  paymentEnvironment: PaymentEnvironmentKey | null;
  terms: Readonly<Record<string, unknown>>;
  /** ISO date the stream started (YYYY-MM-DD), if known. */
  startDate?: string | null;
}

/** A stakeholder as the signals need them. */
export interface InsightStakeholder {
  personName: string;
  archetype: ArchetypeKey;
  /** ISO date (YYYY-MM-DD) of the last real conversation, or null when never / unknown. */
  lastEngagedOn: string | null;
  isExecutiveSponsor: boolean;
  isBudgetHolder: boolean;
}

/** Everything the pure insight engine needs about one account. No clock: `today` is injected. */
export interface AccountInsightInput {
  observations: readonly MetricObservation[];
  streams: readonly InsightStream[];
  stakeholders: readonly InsightStakeholder[];
  renewalDate: string | null;
  contractStartDate: string | null;
  /** Today as YYYY-MM-DD, from the caller's clock. */
  today: string;
  /** Dated reimbursement rates per RPM code (the user's settings, or the shipped defaults). */
  rpmRates: readonly RpmRateSetting[];
  /** The month to report on (YYYY-MM); defaults to the latest month with data, not after today. */
  asOfMonth?: string;
  /** Overrides of the default health weights, per revenue model and component. */
  healthWeights?: HealthWeightOverrides;
}
