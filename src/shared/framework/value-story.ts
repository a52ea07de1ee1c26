import { DEFAULT_HEALTH_WEIGHTS, type HealthWeights } from '../metrics/health/health-weights';
import { environmentShift } from './environment-shifts';
import type { ArchetypeKey, BelievableProofKind, PaymentEnvironmentKey, RevenueModelKey, ValueOrientationKey } from './keys';
import { METRIC_KEYS, type MetricKey } from './metric-keys';
import { paymentEnvironment } from './payment-environments';
import { revenueModel } from './revenue-models';
import { archetype } from './stakeholder-archetypes';

/*
 * What leads for one payment environment × revenue model × audience: the one decision behind the
 * deck's value story and the app's Metrics tab, health weights and signal wording. The framework's
 * payment-environment paragraphs say the same product tells a different story to a fee-for-service
 * practice, a capitated plan, a Medicaid plan or a drug maker; this module turns those paragraphs
 * into data, and every path that tells the story calls `valueStory`, so they cannot drift apart.
 */

/** Which framework concepts belong in this story; a concept that does not is never printed. */
export interface StoryConcepts {
  /** Star Ratings and CMS quality bonuses: a Medicare Advantage concept. */
  starRatings: boolean;
  /** Capitation language ("the plan already holds the cost of every readmission"). */
  capitation: boolean;
  /** CPT reimbursement as the value: RPM where the buyer bills per service (ACO providers keep their fee-for-service income). */
  cptBillingRevenue: boolean;
  /** Care-management billing (CCM, TCM) enabled by a platform: a fee-for-service provider concept. */
  careManagementBilling: boolean;
  /** Clinician time saved per encounter: a health-system workflow concept, not a drug maker's. */
  clinicianTimeSaved: boolean;
}

/** How engagement of the eligible population is judged in this environment. */
export interface EngagementBenchmark {
  /** The line as a 0-1 fraction, or null when none applies yet (a Medicaid plan without a calibrated figure). */
  value: number | null;
  /** "the 20% low-engagement line", "the 6% benchmark calibrated for this Medicaid population". */
  phrase: string;
  /** The same, short enough for a slide title: "the 6% Medicaid benchmark". */
  titlePhrase: string;
  /** True when the figure was calibrated to this population (contract terms), not the generic line. */
  calibrated: boolean;
}

export interface ValueStory {
  model: RevenueModelKey;
  environment: PaymentEnvironmentKey | null;
  audience: ArchetypeKey | null;
  orientation: ValueOrientationKey;
  /** The proof kinds shown to this audience, lead first (the lead slide is the first the data can show). */
  proofOrder: BelievableProofKind[];
  /** The metrics that lead for this environment × model, most important first (app and deck read the same list). */
  leadMetricKeys: MetricKey[];
  concepts: StoryConcepts;
  /** Subtitle of the cost slide in this buyer's language ("Return on benefits spend" is an employer's). */
  costFrame: string;
  /** Environment plays for the CSM (speaker notes and prep brief), never a slide. */
  plays: string[];
  /** Default health weights for this model in this environment, before the user's overrides. */
  healthWeights: HealthWeights;
}

export interface StoryQuery {
  model: RevenueModelKey;
  environment: PaymentEnvironmentKey | null;
  audience?: ArchetypeKey | null;
}

/** The generic low-engagement line for population programs (active ÷ eligible), as a fraction. */
export const GENERIC_ENGAGEMENT_LINE = 0.2;

/** Environments whose members face access barriers, so only a population-calibrated benchmark is fair. */
const CALIBRATED_ENGAGEMENT_ONLY = new Set<PaymentEnvironmentKey>(['medicaid_managed_care']);

/**
 * The line engagement of the eligible population is judged against: a benchmark calibrated to the
 * population when the contract records one; the generic 20% line elsewhere; none for a Medicaid
 * population without a calibrated figure (the framework: a generic benchmark makes solid work look like failure).
 * @example engagementBenchmark('medicaid_managed_care', { engagementBenchmarkPct: 6 }).phrase // 'the 6% benchmark calibrated for this Medicaid population'
 */
export function engagementBenchmark(environment: PaymentEnvironmentKey | null, terms: Readonly<Record<string, unknown>>): EngagementBenchmark {
  const calibrated = typeof terms.engagementBenchmarkPct === 'number' ? terms.engagementBenchmarkPct : null;
  const population = environment === 'medicaid_managed_care' ? 'this Medicaid population' : 'this population';
  const medicaid = environment === 'medicaid_managed_care';
  if (calibrated !== null) {
    const figure = `${trimNumber(calibrated)}%`;
    return { value: calibrated / 100, phrase: `the ${figure} benchmark calibrated for ${population}`, titlePhrase: `the ${figure} ${medicaid ? 'Medicaid' : 'population'} benchmark`, calibrated: true };
  }
  if (environment && CALIBRATED_ENGAGEMENT_ONLY.has(environment)) {
    return { value: null, phrase: `a benchmark calibrated for ${population} (not agreed yet)`, titlePhrase: 'a Medicaid benchmark (not agreed yet)', calibrated: false };
  }
  const generic = `the ${trimNumber(GENERIC_ENGAGEMENT_LINE * 100)}% low-engagement line`;
  return { value: GENERIC_ENGAGEMENT_LINE, phrase: generic, titlePhrase: generic, calibrated: false };
}

function trimNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

const COST_FRAMES: Partial<Record<PaymentEnvironmentKey, string>> = {
  self_insured_employer: 'Return on benefits spend',
  medicaid_managed_care: 'Program cost per engaged member',
  medicare_advantage: 'Program cost against total cost of care',
  aco_shared_savings: 'Program cost against attributed cost of care',
  commercial_insurance: 'Program cost against medical cost',
  pharma: 'Program cost against patients supported on therapy',
};

/**
 * Proof order per audience where the framework names the lead: an actuary leads with method and
 * data completeness, a CFO with a dollar figure, a clinical lead with outcomes and statistics, an
 * HR leader with engagement trends.
 */
const AUDIENCE_LEAD: Partial<Record<ArchetypeKey, BelievableProofKind>> = {
  health_plan_cfo_actuary: 'methodology_data_completeness',
  buyer_cfo: 'dollar_figure',
  health_plan_clinical_lead: 'clinical_outcomes_with_statistics',
  employer_hr_benefits_leader: 'engagement_satisfaction_trends',
};

function proofOrderFor(audience: ArchetypeKey | null, environment: PaymentEnvironmentKey | null): BelievableProofKind[] {
  if (!audience) return [];
  let order = [...archetype(audience).believableProof];
  if (environment === 'medicaid_managed_care') {
    // Medicaid: quality measures and engagement against a calibrated benchmark before savings, which
    // are hard to show on low baseline costs.
    const savings: BelievableProofKind[] = order.filter((kind) => kind === 'matched_cohort_claims_validated' || kind === 'dollar_figure');
    const rest = order.filter((kind) => !savings.includes(kind));
    if (!rest.includes('engagement_satisfaction_trends') && savings.length > 0) rest.splice(rest.includes('clinical_outcomes_with_statistics') ? 1 : 0, 0, 'engagement_satisfaction_trends');
    order = [...rest, ...savings];
  }
  if (environment === 'pharma') {
    // A drug maker's value is indirect: adherence and evidence first, never a health-system efficiency case.
    order = ['adherence_real_world_evidence', ...order.filter((kind) => kind !== 'adherence_real_world_evidence' && kind !== 'workflow_adoption_time_saved')];
  }
  // The person decides the lead wherever the framework names it: a CFO wants a dollar figure in any environment.
  const lead = AUDIENCE_LEAD[audience];
  return lead ? [lead, ...order.filter((kind) => kind !== lead)] : order;
}

/** Cost-reducing RPM (capitated or shared-savings buyers): outcomes, not billing capture, predict the renewal. */
const RPM_COST_AVOIDANCE_WEIGHTS: HealthWeights = { device_engagement: 30, patient_retention: 20, readmission_reduction: 30, sponsor_engagement: 20 };
/** A drug maker's companion app: adherence carries the story, workflow adoption less. */
const PHARMA_PLATFORM_WEIGHTS: HealthWeights = { user_adoption: 25, medication_adherence: 30, integration_uptime: 10, sponsor_engagement: 35 };
/** Medicaid population programs: engagement is judged against the population, so enrolment and retention share the weight. */
const MEDICAID_POPULATION_WEIGHTS: HealthWeights = { member_engagement: 20, member_enrollment: 20, member_retention: 20, member_satisfaction: 15, sponsor_engagement: 25 };

function healthWeightsFor(model: RevenueModelKey, environment: PaymentEnvironmentKey | null, orientation: ValueOrientationKey): HealthWeights {
  if (model === 'cpt_rpm' && orientation === 'reducing_costs') return RPM_COST_AVOIDANCE_WEIGHTS;
  if (model === 'saas_license' && environment === 'pharma') return PHARMA_PLATFORM_WEIGHTS;
  if (model === 'pmpm_pepm' && environment === 'medicaid_managed_care') return MEDICAID_POPULATION_WEIGHTS;
  return DEFAULT_HEALTH_WEIGHTS[model];
}

function metricKeysOf(keys: readonly string[]): MetricKey[] {
  const known = new Set<string>(METRIC_KEYS);
  return [...new Set(keys.filter((key): key is MetricKey => known.has(key)))];
}

/**
 * What leads for this payment environment × revenue model × audience. Without an environment the
 * model's usual story applies and nothing environment-specific is claimed.
 * @example valueStory({ model: 'cpt_rpm', environment: 'medicare_advantage', audience: 'health_plan_cfo_actuary' }).leadMetricKeys[0] // 'outcome_er_visits_avoided'
 */
export function valueStory({ model, environment, audience = null }: StoryQuery): ValueStory {
  const catalogModel = revenueModel(model);
  const shift = environment ? environmentShift(model, environment) : null;
  const orientation: ValueOrientationKey = shift?.orientation ?? catalogModel.defaultOrientation;
  const posture = environment ? paymentEnvironment(environment).riskPosture : null;
  const platformForProviders = model === 'saas_license' && environment !== 'pharma';
  return {
    model,
    environment,
    audience,
    orientation,
    proofOrder: proofOrderFor(audience, environment),
    leadMetricKeys: metricKeysOf(shift?.leadMetricKeys ?? catalogModel.leadMetricKeys),
    concepts: {
      starRatings: environment === 'medicare_advantage',
      capitation: posture === 'capitated_full_risk',
      cptBillingRevenue: model === 'cpt_rpm' && (orientation !== 'reducing_costs' || posture === 'shared_savings'),
      careManagementBilling: platformForProviders && (posture === null || posture === 'fee_for_service'),
      clinicianTimeSaved: platformForProviders,
    },
    costFrame: (environment && COST_FRAMES[environment]) ?? 'Program cost and return',
    plays: shift ? [...shift.talkingPoints] : [],
    healthWeights: healthWeightsFor(model, environment, orientation),
  };
}
