import { z } from 'zod';
import { storableText } from '../text/storable-text';
import {
  BEHAVIOUR_CHANGERS,
  BUYER_TYPES,
  CUSTOMER_SEGMENTS,
  PAYMENT_ENVIRONMENTS,
  REVENUE_PATHS,
  STREAM_MODELS,
  VALUE_ORIENTATIONS,
} from './keys';

/*
 * The framework's orienting questions as structured answers. Almost everything is optional: an
 * incomplete answer set is normal early in an account, and identify() turns each gap into an open
 * question instead of rejecting the file.
 */

/** How money reaches us for one revenue stream, as a CSM would describe it. */
export const HOW_PAID_OPTIONS = [
  'cpt_billing',
  'cpt_revenue_share',
  'per_patient_fee',
  'per_member_per_month',
  'per_employee_per_month',
  'per_enrolled_member',
  'engagement_fee',
  'annual_minimum',
  'case_rate',
  'platform_subscription',
  'per_user_license',
  'entity_license',
  'module_license',
  'shared_savings',
  'performance_tiers',
  'pay_for_performance',
  'risk_corridor',
  'withheld_performance_component',
  'unknown',
] as const;
/** One way a stream pays us. */
export type HowPaidKey = (typeof HOW_PAID_OPTIONS)[number];

export const contractTermHintsSchema = z.object({
  /** Contract term in months. */
  termMonths: z.number().int().positive().optional(),
  /** Share of this contract's expected revenue that flows through this stream, 0-100 %. */
  revenueSharePct: z.number().min(0).max(100).optional(),
  /** Share of this stream's fees contingent on outcome targets, 0-100 %. */
  outcomeContingentPct: z.number().min(0).max(100).optional(),
  /** True when the buyer pays only for enrolled or engaged members rather than all eligible. */
  paysOnlyForEngaged: z.boolean().optional(),
  /** True when a performance payment is held back until results are validated. */
  performanceWithheldUntilValidated: z.boolean().optional(),
});
/** Contract details that sharpen identification. */
export type ContractTermHints = z.infer<typeof contractTermHintsSchema>;

export const streamAnswerSchema = z.object({
  /** Stable id for the stream within this answer set, e.g. "base" or "bonus". */
  id: z.string().trim().min(1).optional(),
  label: storableText().optional(),
  howPaid: z.enum(HOW_PAID_OPTIONS).default('unknown'),
  /** Set when the CSM already knows the model; overrides the howPaid mapping. */
  model: z.enum(STREAM_MODELS).optional(),
  contractTerms: contractTermHintsSchema.optional(),
  /** The buyer's payment environment for this stream when it differs from the account's. */
  paymentEnvironments: z.array(z.enum(PAYMENT_ENVIRONMENTS)).optional(),
  /** How the buyer experiences this stream. */
  orientation: z.enum(VALUE_ORIENTATIONS).default('unknown'),
  /** How soon engagement turns into revenue for this stream. */
  pathToRevenue: z.enum([...REVENUE_PATHS, 'unknown']).default('unknown'),
});
/** One revenue stream as answered. */
export type StreamAnswer = z.infer<typeof streamAnswerSchema>;

export const identificationAnswersSchema = z.object({
  accountName: storableText().optional(),
  customerSegment: z.enum(CUSTOMER_SEGMENTS).optional(),
  buyerType: z.enum(BUYER_TYPES).optional(),
  streams: z.array(streamAnswerSchema).default([]),
  /** Who must change behaviour for value to materialise. */
  behaviourChange: z.enum(BEHAVIOUR_CHANGERS).default('unknown'),
  /** How the buyer is paid upstream. Several are allowed (e.g. a health system with MA and FFS lines). */
  paymentEnvironments: z.array(z.enum(PAYMENT_ENVIRONMENTS)).default([]),
  conflictingIncentives: z
    .object({
      answer: z.enum(['yes', 'no', 'unknown']).default('unknown'),
      /** What the buyer said when the trade-off was put to them, verbatim or summarised. */
      buyerAnswer: storableText().optional(),
      /** The buyer's choice on the breadth-vs-targeting trade-off, if one was made. */
      buyerPriority: z.enum(['broad_enrollment', 'high_risk_targeting', 'undecided']).optional(),
    })
    .default({ answer: 'unknown' }),
});

/**
 * Answers to the framework's orienting questions, as read from an answers JSON file
 * (`qbr identify --answers FILE`). Everything is optional; omitted answers become open questions.
 *
 * JSON format:
 * ```json
 * {
 *   "accountName": "Acme Health Plan",                    // optional, free text
 *   "customerSegment": "health_plan",                      // optional: hospital_health_system | physician_practice |
 *                                                          //   health_tech_company | health_plan | employer | pharma
 *   "buyerType": "payer",                                  // optional: provider | payer | employer |
 *                                                          //   risk_bearing_entity | pharma | channel_partner
 *   "paymentEnvironments": ["medicare_advantage"],         // how the buyer is paid: medicare_ffs | medicare_advantage |
 *                                                          //   medicaid_managed_care | aco_shared_savings | commercial_insurance |
 *                                                          //   self_insured_employer | provider_ffs | pharma
 *   "behaviourChange": "patients",                         // who must change behaviour: patients | clinicians | both | unknown
 *   "streams": [                                           // one entry per way we get paid
 *     {
 *       "id": "base",                                      // optional, defaults to "stream-1", "stream-2", ...
 *       "label": "PMPM base fee",                          // optional
 *       "howPaid": "per_member_per_month",                 // cpt_billing | cpt_revenue_share | per_patient_fee |
 *                                                          //   per_member_per_month | per_employee_per_month | per_enrolled_member |
 *                                                          //   engagement_fee | annual_minimum | case_rate | platform_subscription |
 *                                                          //   per_user_license | entity_license | module_license | shared_savings |
 *                                                          //   performance_tiers | pay_for_performance | risk_corridor |
 *                                                          //   withheld_performance_component | unknown
 *       "model": "pmpm_pepm",                              // optional override: cpt_rpm | pmpm_pepm | saas_license | value_based
 *       "contractTerms": {                                 // optional hints
 *         "termMonths": 36,
 *         "revenueSharePct": 80,                           // share of contract revenue in this stream, 0-100
 *         "outcomeContingentPct": 0,                       // share of this stream contingent on outcomes, 0-100
 *         "paysOnlyForEngaged": false,
 *         "performanceWithheldUntilValidated": false
 *       },
 *       "paymentEnvironments": ["medicare_advantage"],     // optional per-stream override
 *       "orientation": "reducing_costs",                   // generating_revenue | reducing_costs | both | unknown
 *       "pathToRevenue": "at_renewal"                      // monthly | at_renewal | measurement_period_18_24_months | unknown
 *     }
 *   ],
 *   "conflictingIncentives": {
 *     "answer": "yes",                                     // yes | no | unknown
 *     "buyerAnswer": "Focus on the highest-risk members this year",   // optional
 *     "buyerPriority": "high_risk_targeting"               // optional: broad_enrollment | high_risk_targeting | undecided
 *   }
 * }
 * ```
 */
export type IdentificationAnswers = z.infer<typeof identificationAnswersSchema>;
/** The answers as written in a file, before defaults are applied. */
export type IdentificationAnswersInput = z.input<typeof identificationAnswersSchema>;
