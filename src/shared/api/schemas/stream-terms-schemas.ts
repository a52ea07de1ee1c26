import { z } from 'zod';
import { outcomesContractTermsSchema } from '../../framework/contract-terms';
import { HYBRID_STRUCTURES, type RevenueModelKey } from '../../framework/keys';
import { isoDateSchema, storableText } from './common';

/*
 * The contract terms that matter for each revenue model. Every field is optional: a CSM often
 * knows only part of a contract, and an unknown term must stay unknown rather than become 0.
 */

const money = z.number().finite().nonnegative();
const count = z.number().int().nonnegative();
const percent = z.number().finite().min(0).max(100);

export const rpmTermsSchema = z
  .object({
    /** How the vendor is paid: a share of collected CPT reimbursement, a per-patient fee, or a license. */
    variant: z.enum(['revenue_share', 'per_patient_fee', 'platform_license']).optional(),
    revenueSharePct: percent.optional(),
    perPatientMonthlyFeeUsd: money.optional(),
    enrolledPatientsContracted: count.optional(),
  })
  .strict();

export const pmpmTermsSchema = z
  .object({
    /** Members of a health plan (PMPM) or employees of an employer (PEPM). */
    unit: z.enum(['member', 'employee']).optional(),
    ratePerMonthUsd: money.optional(),
    eligiblePopulation: count.optional(),
    /** True when the buyer pays only for enrolled/engaged members, which makes activation the revenue driver. */
    enrollmentBased: z.boolean().optional(),
    /**
     * Engagement (active ÷ eligible, in percent) agreed as good for this population and product.
     * A Medicaid population is judged only against such a calibrated figure, never a generic line.
     */
    engagementBenchmarkPct: percent.optional(),
  })
  .strict();

export const saasTermsSchema = z
  .object({
    licensing: z.enum(['per_user', 'entity', 'module']).optional(),
    licensedSeats: count.optional(),
    modules: z.array(storableText(100).min(1)).max(50).optional(),
    goLiveDate: isoDateSchema.optional(),
    annualFeeUsd: money.optional(),
  })
  .strict();

export const outcomeTargetSchema = z
  .object({
    metric: storableText(200).min(1),
    /** The contracted target as a percentage (e.g. 70 = 70% of engaged members at goal). */
    targetPct: percent.optional(),
    /** The published or agreed benchmark for the same population, as a percentage. */
    benchmarkPct: percent.optional(),
  })
  .strict();

const outcomesClauses = outcomesContractTermsSchema.shape;

/**
 * Outcomes terms: the money (structure, amount at risk), the measurement, the targets, and the
 * clauses the contract-readiness check reads (risk adjustment, baseline, disputes, operations).
 */
export const valueBasedTermsSchema = z
  .object({
    structure: z.enum(['shared_savings', 'performance_tiers', 'pay_for_performance', 'risk_corridor']).optional(),
    atRiskAmountUsd: money.optional(),
    sharedSavingsPct: percent.optional(),
    measurementPeriodMonths: count.optional(),
    claimsRunoutMonths: count.optional(),
    targets: z.array(outcomeTargetSchema).max(20).optional(),
    /** The evaluation's significance level (two-sided), as a 0-1 fraction; default 0.05. */
    evaluationAlpha: z.number().gt(0).max(0.2).optional(),
    /** The evaluation's statistical power, as a 0-1 fraction; default 0.8. */
    evaluationPower: z.number().min(0.5).lt(1).optional(),
    /** Cost reduction the savings evaluation must detect, as a percentage of baseline cost. */
    expectedSavingsPct: z.number().gt(0).max(100).optional(),
    /** Standard deviation of member cost divided by its mean, for the savings sample size. */
    costCoefficientOfVariation: z.number().gt(0).max(10).optional(),
    engagementFee: outcomesClauses.engagementFee,
    performanceComponent: outcomesClauses.performanceComponent,
    riskAdjustment: outcomesClauses.riskAdjustment,
    dataSources: outcomesClauses.dataSources,
    baseline: outcomesClauses.baseline,
    disputeResolution: outcomesClauses.disputeResolution,
    operations: outcomesClauses.operations,
  })
  .strict();

export const hybridTermsSchema = z
  .object({
    structure: z.enum(HYBRID_STRUCTURES).optional(),
    annualMinimumUsd: money.optional(),
    caseRateUsd: money.optional(),
    /** Activated users covered by the annual minimum; above it each new user earns the case rate. */
    annualMinimumUsers: count.optional(),
    /** Activated users at which pricing switches to a per-employee rate. */
    switchoverThresholdUsers: count.optional(),
    pepmRateUsd: money.optional(),
    eligiblePopulation: count.optional(),
  })
  .strict();

/** The terms schema for each revenue model. */
export const STREAM_TERMS_SCHEMAS = {
  cpt_rpm: rpmTermsSchema,
  pmpm_pepm: pmpmTermsSchema,
  saas_license: saasTermsSchema,
  value_based: valueBasedTermsSchema,
  hybrid: hybridTermsSchema,
} satisfies Record<RevenueModelKey, z.ZodType>;

export type StreamTerms = {
  [M in RevenueModelKey]: z.infer<(typeof STREAM_TERMS_SCHEMAS)[M]>;
};

/** A revenue model with the terms that fit it, kept together so that narrowing the model narrows the terms. */
export type ModelTerms = { [M in RevenueModelKey]: { revenueModel: M; terms: StreamTerms[M] } }[RevenueModelKey];
