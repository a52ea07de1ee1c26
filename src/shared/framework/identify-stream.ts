import type { ContractTermHints, HowPaidKey, StreamAnswer } from './answers';
import type { StreamRole } from './assessment';
import type { PaymentEnvironmentKey, RevenuePathKey, StreamModelKey, ValueOrientationKey } from './keys';
import { orient } from './orient';
import { reason, type Reason } from './reason';
import { revenueModel } from './revenue-models';

/*
 * One answered revenue stream placed in a model: how-paid mapping, contract-term hints, the
 * orientation the framework expects next to the one the buyer stated, and the path to revenue.
 */

export interface IdentifiedStream {
  id: string;
  label: string | null;
  howPaid: HowPaidKey;
  model: StreamModelKey | null;
  variant: string | null;
  role: StreamRole | 'unknown';
  /** Share of the contract's revenue this stream carries, 0-1. */
  weight: number;
  paymentEnvironments: PaymentEnvironmentKey[];
  statedOrientation: ValueOrientationKey;
  /** What the framework expects for this model in this environment ('unknown' without a model). */
  expectedOrientation: ValueOrientationKey;
  pathToRevenue: RevenuePathKey | 'unknown';
  expectedPathToRevenue: RevenuePathKey | null;
  contractTerms: ContractTermHints | null;
  reasons: Reason[];
}

interface HowPaidMapping {
  model: StreamModelKey;
  variant: string | null;
  role: StreamRole;
}

const HOW_PAID_MAPPING: Record<Exclude<HowPaidKey, 'unknown'>, HowPaidMapping> = {
  cpt_billing: { model: 'cpt_rpm', variant: null, role: 'base' },
  cpt_revenue_share: { model: 'cpt_rpm', variant: 'revenue_share', role: 'performance' },
  per_patient_fee: { model: 'cpt_rpm', variant: 'platform_or_per_patient_fee', role: 'base' },
  per_member_per_month: { model: 'pmpm_pepm', variant: 'population_pmpm', role: 'base' },
  per_employee_per_month: { model: 'pmpm_pepm', variant: 'population_pmpm', role: 'base' },
  per_enrolled_member: { model: 'pmpm_pepm', variant: 'enrollment_based', role: 'base' },
  engagement_fee: { model: 'pmpm_pepm', variant: 'enrollment_based', role: 'base' },
  annual_minimum: { model: 'pmpm_pepm', variant: null, role: 'base' },
  case_rate: { model: 'pmpm_pepm', variant: 'enrollment_based', role: 'performance' },
  platform_subscription: { model: 'saas_license', variant: null, role: 'base' },
  per_user_license: { model: 'saas_license', variant: 'per_user', role: 'base' },
  entity_license: { model: 'saas_license', variant: 'entity', role: 'base' },
  module_license: { model: 'saas_license', variant: 'module', role: 'base' },
  shared_savings: { model: 'value_based', variant: 'shared_savings', role: 'performance' },
  performance_tiers: { model: 'value_based', variant: 'performance_tiers', role: 'performance' },
  pay_for_performance: { model: 'value_based', variant: 'pay_for_performance', role: 'performance' },
  risk_corridor: { model: 'value_based', variant: 'risk_corridors', role: 'performance' },
  withheld_performance_component: { model: 'value_based', variant: null, role: 'performance' },
};

/** Human form of a snake_case key. */
export function humanizeKey(key: string): string {
  return key.replace(/_/g, ' ');
}

/** Place one answered stream in a revenue model; weight is its 0-1 share of contract revenue. */
export function identifyStream(answer: StreamAnswer, index: number, weight: number, accountEnvironments: PaymentEnvironmentKey[]): IdentifiedStream {
  const id = answer.id ?? `stream-${index + 1}`;
  const reasons: Reason[] = [];
  const mapped = answer.howPaid === 'unknown' ? null : HOW_PAID_MAPPING[answer.howPaid];
  let model: StreamModelKey | null = mapped?.model ?? null;
  let variant = mapped?.variant ?? null;
  let role: StreamRole | 'unknown' = mapped?.role ?? 'unknown';

  if (mapped) {
    reasons.push(reason('how_paid_maps_to_model', `Paid by ${humanizeKey(answer.howPaid)}, which is the ${revenueModel(mapped.model).name} model.`));
  }
  if (answer.model) {
    if (mapped && mapped.model !== answer.model) {
      reasons.push(
        reason(
          'model_override_differs',
          `The model was set to ${revenueModel(answer.model).name}, although ${humanizeKey(answer.howPaid)} usually means ${revenueModel(mapped.model).name}; the stated model is used.`,
        ),
      );
      variant = null;
      role = answer.model === 'value_based' ? 'performance' : 'base';
    } else if (!mapped) {
      reasons.push(reason('model_stated', `The model was stated as ${revenueModel(answer.model).name}.`));
      role = answer.model === 'value_based' ? 'performance' : 'base';
    }
    model = answer.model;
  }

  const hints = answer.contractTerms;
  if (model === 'pmpm_pepm' && hints?.paysOnlyForEngaged && variant !== 'enrollment_based') {
    variant = 'enrollment_based';
    reasons.push(
      reason('enrollment_based_variant', 'The buyer pays only for enrolled or engaged members: the enrolment-based variant, where CS effort shifts to roughly 70% activation.'),
    );
  }
  if (variant === 'enrollment_based' && answer.howPaid === 'engagement_fee') {
    reasons.push(reason('engagement_fee', 'An engagement fee pays for ongoing engagement work and behaves like enrolment-based PMPM.'));
  }
  if (model === 'value_based' && (answer.howPaid === 'withheld_performance_component' || hints?.performanceWithheldUntilValidated)) {
    reasons.push(reason('withheld_until_validated', 'The performance payment is held back until results are validated, so the release conditions must be exact.'));
  }
  if (hints?.termMonths !== undefined && model) {
    const typical = revenueModel(model).typicalContractMonths;
    if (typical && (hints.termMonths < typical.min || (typical.max !== null && hints.termMonths > typical.max))) {
      reasons.push(
        reason(
          'term_outside_typical',
          `A ${hints.termMonths}-month term is outside the typical ${typical.min}-${typical.max ?? '…'} months for this model; check the measurement and renewal timing fit.`,
        ),
      );
    }
  }

  const paymentEnvironments = answer.paymentEnvironments ?? accountEnvironments;
  let expectedOrientation: ValueOrientationKey = 'unknown';
  if (model) {
    const expected = paymentEnvironments.length > 0 ? paymentEnvironments.map((environment) => orient(model, environment)) : [orient(model, null)];
    const distinct = new Set(expected.map((entry) => entry.orientation));
    expectedOrientation = distinct.size === 1 ? expected[0]!.orientation : 'both';
    for (const entry of expected) reasons.push(...entry.reasons);
    if (distinct.size > 1) {
      reasons.push(reason('environments_disagree', 'The buyer\'s environments point to different orientations; this stream is both, depending on the line of business.'));
    }
  }
  if (answer.orientation !== 'unknown' && model && expectedOrientation !== 'unknown' && answer.orientation !== expectedOrientation) {
    reasons.push(
      reason(
        'stated_orientation_differs',
        `The buyer experiences this stream as ${humanizeKey(answer.orientation)}, while the framework would expect ${humanizeKey(expectedOrientation)}; build the story on the buyer's view and check why it differs.`,
      ),
    );
  }

  const expectedPath = model ? (revenueModel(model).pathToRevenue as RevenuePathKey) : null;
  if (answer.pathToRevenue !== 'unknown' && expectedPath && answer.pathToRevenue !== expectedPath) {
    reasons.push(
      reason('path_differs', `A ${humanizeKey(answer.pathToRevenue)} path is unusual for this model (normally ${humanizeKey(expectedPath)}); the stated path is used.`),
    );
  }

  return {
    id,
    label: answer.label ?? null,
    howPaid: answer.howPaid,
    model,
    variant,
    role,
    weight,
    paymentEnvironments,
    statedOrientation: answer.orientation,
    expectedOrientation,
    pathToRevenue: answer.pathToRevenue,
    expectedPathToRevenue: expectedPath,
    contractTerms: answer.contractTerms ?? null,
    reasons,
  };
}

/** Each stream's 0-1 share of contract revenue; unstated shares split the remainder evenly. */
export function streamWeights(streams: readonly StreamAnswer[]): number[] {
  const stated = streams.map((stream) => stream.contractTerms?.revenueSharePct);
  const statedTotal = stated.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  const missing = stated.filter((value) => value === undefined).length;
  // Streams without a stated share split whatever the stated ones leave, evenly.
  const remainder = Math.max(0, 100 - statedTotal);
  const raw = stated.map((value) => value ?? (missing > 0 ? remainder / missing : 0));
  const total = raw.reduce((sum, value) => sum + value, 0);
  return raw.map((value) => (total > 0 ? value / total : 1 / streams.length));
}
