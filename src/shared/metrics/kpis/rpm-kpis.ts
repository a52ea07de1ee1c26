import { RPM_CODES, type RpmCode } from '../../framework/keys';
import { rpmClaimMetricKey, type RpmClaimStage } from '../../framework/metric-keys';
import { computeKpi, safeDivide, type KpiOperand, type KpiValue } from '../kpi-value';
import type { StreamReader } from '../stream-reader';
import { defineKpi, type KpiDefinition } from './kpi-definition';
import { sum } from './kpi-operands';

/*
 * RPM KPIs. Since 2026 a patient with 2 device days bills the same device code as one with 25, so
 * billing eligibility drifts toward 100% regardless of engagement; average device days is the
 * engagement measure and the gap between the two is the renewal-risk indicator.
 */

const DAYS_PER_PERIOD = 30;
const DEVICE_CODES: readonly RpmCode[] = ['99445', '99454'];

/** Claim operands for codes that have a submitted count this month; if none has one, all are missing. */
function claimOperands(reader: StreamReader, stage: RpmClaimStage, month: string): { operands: KpiOperand[]; codes: RpmCode[] } {
  const codes = RPM_CODES.filter((code) => reader.metric(rpmClaimMetricKey('submitted', code), month).input !== null);
  const used = codes.length > 0 ? codes : [...RPM_CODES];
  return { operands: used.map((code) => reader.metric(rpmClaimMetricKey(stage, code), month)), codes: used };
}

function claimShare(reader: StreamReader, stage: 'paid' | 'denied', month: string): KpiValue {
  const submitted = claimOperands(reader, 'submitted', month);
  const part = claimsFor(reader, stage, submitted.codes, month);
  return computeKpi(
    `Σ ${stage} claims ÷ Σ submitted claims (codes ${submitted.codes.join(', ')})`,
    [...part, ...submitted.operands],
    (values) => safeDivide(sum(values.slice(0, part.length)), sum(values.slice(part.length))),
  );
}

function claimsFor(reader: StreamReader, stage: RpmClaimStage, codes: readonly RpmCode[], month: string): KpiOperand[] {
  return codes.map((code) => reader.metric(rpmClaimMetricKey(stage, code), month));
}

/** Submitted device-supply claims (99445 + 99454): the number of device-billed patients in the month. */
function deviceBilledOperands(reader: StreamReader, month: string): KpiOperand[] {
  return claimsFor(reader, 'submitted', DEVICE_CODES, month);
}

/** Gross reimbursement the buyer collected: Σ paid claims × the dated rate for each code. */
function buyerReimbursement(reader: StreamReader, month: string): KpiValue {
  const paid = claimOperands(reader, 'paid', month);
  const rates = paid.codes.map((code) => reader.rate(code));
  return computeKpi(
    `Σ (paid claims × rate) over codes ${paid.codes.join(', ')}`,
    [...paid.operands, ...rates],
    (values) => sum(paid.codes.map((_, i) => values[i]! * values[paid.codes.length + i]!)),
  );
}

export const RPM_KPIS: readonly KpiDefinition[] = [
  defineKpi({
    key: 'rpm_avg_device_days_per_patient',
    label: 'Average device days per patient',
    family: 'rpm',
    unit: 'days',
    higherIsBetter: true,
    formula: 'rpm_device_days_total ÷ rpm_enrolled_patients',
    operands: (r, m) => [r.metric('rpm_device_days_total', m), r.metric('rpm_enrolled_patients', m)],
    calculate: ([days, enrolled]) => safeDivide(days!, enrolled!),
  }),
  defineKpi({
    key: 'rpm_billing_eligibility_rate',
    label: 'Billing-eligibility rate',
    family: 'rpm',
    unit: 'fraction',
    higherIsBetter: true,
    formula: '(rpm_patients_2_15_days + rpm_patients_16_30_days) ÷ rpm_enrolled_patients',
    operands: (r, m) => [r.metric('rpm_patients_2_15_days', m), r.metric('rpm_patients_16_30_days', m), r.metric('rpm_enrolled_patients', m)],
    calculate: ([short, standard, enrolled]) => safeDivide(short! + standard!, enrolled!),
  }),
  defineKpi({
    key: 'rpm_device_day_adherence_rate',
    label: 'Device-day coverage (days active ÷ 30)',
    family: 'rpm',
    unit: 'fraction',
    higherIsBetter: true,
    formula: `rpm_device_days_total ÷ rpm_enrolled_patients ÷ ${DAYS_PER_PERIOD}`,
    operands: (r, m) => [r.metric('rpm_device_days_total', m), r.metric('rpm_enrolled_patients', m)],
    calculate: ([days, enrolled]) => {
      const average = safeDivide(days!, enrolled!);
      return average === null ? null : average / DAYS_PER_PERIOD;
    },
  }),
  defineKpi({
    key: 'rpm_engagement_gap',
    label: 'Billing vs engagement gap',
    family: 'rpm',
    unit: 'fraction',
    higherIsBetter: false,
    formula: `(rpm_patients_2_15_days + rpm_patients_16_30_days) ÷ rpm_enrolled_patients − rpm_device_days_total ÷ rpm_enrolled_patients ÷ ${DAYS_PER_PERIOD} (billing eligibility minus device-day coverage)`,
    operands: (r, m) => [r.metric('rpm_patients_2_15_days', m), r.metric('rpm_patients_16_30_days', m), r.metric('rpm_device_days_total', m), r.metric('rpm_enrolled_patients', m)],
    calculate: ([short, standard, days, enrolled]) => (enrolled === 0 ? null : (short! + standard!) / enrolled! - days! / enrolled! / DAYS_PER_PERIOD),
  }),
  defineKpi({
    key: 'rpm_enrollment_rate',
    label: 'Eligible patients enrolled',
    family: 'rpm',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'rpm_enrolled_patients ÷ rpm_eligible_patients',
    operands: (r, m) => [r.metric('rpm_enrolled_patients', m), r.metric('rpm_eligible_patients', m)],
    calculate: ([enrolled, eligible]) => safeDivide(enrolled!, eligible!),
  }),
  {
    key: 'rpm_claims_paid_rate',
    label: 'Claims paid ÷ submitted',
    family: 'rpm',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'Σ rpm_claims_paid_<code> ÷ Σ rpm_claims_submitted_<code>, over codes with a submitted count',
    compute: (r, m) => claimShare(r, 'paid', m),
  },
  {
    key: 'rpm_denial_rate',
    label: 'Claim denial rate',
    family: 'rpm',
    unit: 'fraction',
    higherIsBetter: false,
    formula: 'Σ rpm_claims_denied_<code> ÷ Σ rpm_claims_submitted_<code>, over codes with a submitted count',
    compute: (r, m) => claimShare(r, 'denied', m),
  },
  defineKpi({
    key: 'rpm_short_tier_share',
    label: 'Code mix: 99445 share of device claims',
    family: 'rpm',
    unit: 'fraction',
    higherIsBetter: false,
    formula: 'rpm_claims_submitted_99445 ÷ (rpm_claims_submitted_99445 + rpm_claims_submitted_99454)',
    operands: deviceBilledOperands,
    calculate: ([short, standard]) => safeDivide(short!, short! + standard!),
  }),
  defineKpi({
    key: 'rpm_management_capture_rate',
    label: 'Management-code capture per device-billed patient',
    family: 'rpm',
    unit: 'fraction',
    higherIsBetter: true,
    formula: '(rpm_claims_submitted_99470 + rpm_claims_submitted_99457) ÷ (rpm_claims_submitted_99445 + rpm_claims_submitted_99454)',
    operands: (r, m) => [...claimsFor(r, 'submitted', ['99470', '99457'], m), ...deviceBilledOperands(r, m)],
    calculate: ([brief, first20, short, standard]) => safeDivide(brief! + first20!, short! + standard!),
  }),
  defineKpi({
    key: 'rpm_add_on_units_per_device_billed_patient',
    label: '99458 add-on units per device-billed patient',
    family: 'rpm',
    unit: 'count',
    higherIsBetter: true,
    formula: 'rpm_claims_submitted_99458 ÷ (rpm_claims_submitted_99445 + rpm_claims_submitted_99454)',
    operands: (r, m) => [r.metric(rpmClaimMetricKey('submitted', '99458'), m), ...deviceBilledOperands(r, m)],
    calculate: ([addOn, short, standard]) => safeDivide(addOn!, short! + standard!),
  }),
  {
    key: 'rpm_buyer_reimbursement_usd',
    label: 'RPM reimbursement collected',
    family: 'rpm',
    unit: 'usd',
    higherIsBetter: true,
    formula: 'Σ (rpm_claims_paid_<code> × rate of the code), at the dated rate settings',
    compute: buyerReimbursement,
  },
  {
    key: 'rpm_revenue_per_enrolled_patient_usd',
    label: 'Our revenue per enrolled patient',
    family: 'rpm',
    unit: 'usd',
    higherIsBetter: true,
    fee: true,
    formula:
      'revenue share: RPM reimbursement collected × terms.revenueSharePct ÷ 100 ÷ rpm_enrolled_patients; per-patient fee: terms.perPatientMonthlyFeeUsd',
    compute: revenuePerEnrolledPatient,
  },
];

function revenuePerEnrolledPatient(reader: StreamReader, month: string): KpiValue {
  const variant = reader.stream.terms.variant;
  if (variant === 'per_patient_fee') {
    return computeKpi('terms.perPatientMonthlyFeeUsd (a flat fee per enrolled patient per month)', [reader.term('perPatientMonthlyFeeUsd')], ([fee]) => fee!);
  }
  if (variant === 'revenue_share') {
    const reimbursement = buyerReimbursement(reader, month);
    const share = reader.term('revenueSharePct');
    const enrolled = reader.metric('rpm_enrolled_patients', month);
    const operands: KpiOperand[] = [share, enrolled];
    const partial = computeKpi('', operands, ([sharePct, patients]) => safeDivide(sharePct! / 100, patients!));
    const missingInputs = [...new Set([...reimbursement.missingInputs, ...partial.missingInputs])];
    const formula = `(${reimbursement.formula}) × terms.revenueSharePct ÷ 100 ÷ rpm_enrolled_patients`;
    const inputs = [...reimbursement.inputs, ...partial.inputs];
    if (missingInputs.length > 0) return { value: null, formula, inputs, missingInputs };
    if (reimbursement.value === null || partial.value === null) {
      return { value: null, formula, inputs, missingInputs, note: 'No enrolled patients this month, so revenue per patient is undefined.' };
    }
    return { value: reimbursement.value * partial.value, formula, inputs, missingInputs };
  }
  return {
    value: null,
    formula: 'depends on terms.variant (revenue_share or per_patient_fee)',
    inputs: [],
    missingInputs: variant === undefined ? ['terms.variant'] : [],
    ...(variant === 'platform_license' ? { note: 'A platform license does not vary with enrolled patients.' } : {}),
  };
}
