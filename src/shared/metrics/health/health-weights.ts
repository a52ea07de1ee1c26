import { z } from 'zod';
import { REVENUE_MODELS, type RevenueModelKey } from '../../framework/keys';

/*
 * Default health weights per revenue model. Each model weighs what predicts its renewal: device
 * engagement and billing capture for RPM, population engagement for PMPM, weekly adoption for SaaS,
 * provability for value-based, and switchover progress for phased hybrids. Every model keeps a
 * sponsor-engagement component because the budget holder decides the renewal.
 */

export const HEALTH_COMPONENT_KEYS = [
  'device_engagement',
  'management_capture',
  'claims_health',
  'patient_retention',
  'member_engagement',
  'member_enrollment',
  'member_retention',
  'member_satisfaction',
  'user_adoption',
  'integration_uptime',
  'goal_achievement',
  'evaluation_power',
  'data_quality',
  'switchover_progress',
  'readmission_reduction',
  'medication_adherence',
  'sponsor_engagement',
] as const;
/** One building block of the health score. */
export type HealthComponentKey = (typeof HEALTH_COMPONENT_KEYS)[number];

/** Relative weights (any non-negative numbers; they are normalised) per component. */
export type HealthWeights = Partial<Record<HealthComponentKey, number>>;

/**
 * The shipped default weights per revenue model; each model's weights sum to 100. Some payment
 * environments shift them (cost-avoiding RPM, pharma platforms, Medicaid populations): see
 * `valueStory(...).healthWeights`.
 */
export const DEFAULT_HEALTH_WEIGHTS: Record<RevenueModelKey, HealthWeights> = {
  cpt_rpm: { device_engagement: 30, management_capture: 20, claims_health: 15, patient_retention: 15, sponsor_engagement: 20 },
  pmpm_pepm: { member_engagement: 35, member_enrollment: 15, member_retention: 15, member_satisfaction: 10, sponsor_engagement: 25 },
  saas_license: { user_adoption: 45, integration_uptime: 20, sponsor_engagement: 35 },
  value_based: { goal_achievement: 25, evaluation_power: 25, data_quality: 25, sponsor_engagement: 25 },
  hybrid: { switchover_progress: 30, member_engagement: 25, member_retention: 20, sponsor_engagement: 25 },
};

export const healthWeightOverridesSchema = z.partialRecord(
  z.enum(REVENUE_MODELS),
  z.partialRecord(z.enum(HEALTH_COMPONENT_KEYS), z.number().finite().min(0).max(100)),
);
/** User overrides of the default weights, per revenue model; a weight of 0 drops a component. */
export type HealthWeightOverrides = z.infer<typeof healthWeightOverridesSchema>;

/**
 * The effective weights for a model: `defaults` (the model's, or the payment environment's from
 * framework/value-story.ts) with the user's overrides for the model applied on top.
 */
export function healthWeightsFor(model: RevenueModelKey, overrides: HealthWeightOverrides = {}, defaults: HealthWeights = DEFAULT_HEALTH_WEIGHTS[model]): HealthWeights {
  return { ...defaults, ...(overrides[model] ?? {}) };
}
