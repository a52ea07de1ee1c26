import { z } from 'zod';
import { storableText } from '../text/storable-text';

/*
 * The outcomes (performance) terms of a contract, as a CSM transcribes them. Free-text clauses are
 * kept as written so the readiness check can tell a defined method from a vague reference.
 */

export const PERFORMANCE_MECHANISMS = [
  'withheld_until_validated',
  'bonus_after_measurement',
  'upfront_with_clawback',
  'shared_savings',
  'risk_corridor',
] as const;
/** How the outcome-contingent money moves. */
export type PerformanceMechanism = (typeof PERFORMANCE_MECHANISMS)[number];

export const DATA_FLOW_FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'ad_hoc', 'unspecified'] as const;

export const outcomesContractTermsSchema = z.object({
  engagementFee: z
    .object({
      /** What the fee is paid on, e.g. "per enrolled member per month". */
      basis: storableText().optional(),
      /** Fee amount in US cents per unit of the basis. */
      amountCents: z.number().int().nonnegative().optional(),
    })
    .optional(),
  performanceComponent: z
    .object({
      mechanism: z.enum(PERFORMANCE_MECHANISMS).optional(),
      /** Share of total contract value contingent on performance, 0-100 %. */
      atRiskPct: z.number().min(0).max(100).optional(),
      /** Dollars contingent on performance (withheld, bonus or our savings share at stake). */
      atRiskAmountUsd: z.number().finite().nonnegative().optional(),
      /** Our share of validated savings under shared savings, 0-100 %. */
      sharedSavingsPct: z.number().min(0).max(100).optional(),
      /** When and on what evidence withheld money is released. */
      releaseConditions: storableText().optional(),
    })
    .optional(),
  riskAdjustment: z.object({ method: storableText().optional() }).optional(),
  /** Data sources the outcome calculation uses, e.g. "medical and pharmacy claims", "eligibility file". */
  dataSources: z.array(storableText()).optional(),
  baseline: z
    .object({
      method: storableText().optional(),
      /** Length of the baseline period, months. */
      periodMonths: z.number().int().positive().optional(),
    })
    .optional(),
  measurement: z
    .object({
      /** Length of the measurement period, months. */
      periodMonths: z.number().int().positive().optional(),
      /** Months allowed for claims to arrive after the period ends. */
      claimsRunoutMonths: z.number().int().nonnegative().optional(),
    })
    .optional(),
  disputeResolution: z
    .object({
      process: storableText().optional(),
      independentEvaluator: storableText().optional(),
    })
    .optional(),
  operations: z
    .object({
      /** Who conducts member outreach. */
      memberOutreachOwner: z.enum(['vendor', 'buyer', 'shared', 'unspecified']).optional(),
      dataFlows: z
        .array(
          z.object({
            from: z.enum(['buyer', 'vendor']),
            description: storableText(),
            frequency: z.enum(DATA_FLOW_FREQUENCIES).default('unspecified'),
          }),
        )
        .optional(),
    })
    .optional(),
  targets: z
    .array(
      z.object({
        metric: storableText().min(1),
        /** Contract target, 0-100 % (e.g. share of engaged members at clinical goal). */
        targetPct: z.number().min(0).max(100),
        /** The stated benchmark range for this population, 0-100 %. */
        benchmarkPct: z.object({ min: z.number().min(0).max(100), max: z.number().min(0).max(100) }).optional(),
        benchmarkSource: storableText().optional(),
      }),
    )
    .optional(),
});
/** Outcomes terms of a contract, as transcribed for the readiness check. */
export type OutcomesContractTerms = z.infer<typeof outcomesContractTermsSchema>;
