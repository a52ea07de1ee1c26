import { addDays, addMonths, daysBetween } from '../../calendar';
import type { InsightStakeholder } from '../insight-input';
import { computeKpi, type KpiValue, type StakeholderInput } from '../kpi-value';
import { findKpiDefinition } from '../kpis/kpi-catalog';
import type { StreamReader } from '../stream-reader';
import { vbcEvaluationReadiness } from '../vbc-evaluation';
import type { HealthComponentKey } from './health-weights';
import type { MetricKey } from '../../framework/metric-keys';
import type { KpiKey } from '../kpis/kpi-definition';

/*
 * How each health component turns a measured value into 0-100: linear between a "poor" value
 * (scores 0) and a "good" value (scores 100), clamped. For lower-is-better measures poor > good.
 */

/** What a stream component reads: the stream's data for a month, never the day. */
export interface StreamMeasureContext {
  reader: StreamReader;
  month: string;
  contractStartDate: string | null;
}

/** What an account component reads: the people on the account and the date "days since" is measured to. */
export interface AccountMeasureContext {
  month: string;
  /** Today for the report month, else the month's last day. */
  referenceDate: string;
  stakeholders: readonly InsightStakeholder[];
  contractStartDate: string | null;
}

interface ComponentAnchors {
  key: HealthComponentKey;
  label: string;
  /** Measured value scoring 0 and 100. */
  poor: number;
  good: number;
  unit: 'fraction' | 'percent' | 'days' | 'score' | 'ratio';
}

/**
 * A health component. Stream components are scored per stream from its data; account components
 * once per account from its people, and only they read the day — so a stream component's score
 * for a month can be kept, and the account components measured again each day.
 */
export type HealthComponentDefinition =
  | (ComponentAnchors & { scope: 'stream'; measure(context: StreamMeasureContext): KpiValue })
  | (ComponentAnchors & { scope: 'account'; measure(context: AccountMeasureContext): KpiValue });

function fromKpi(kpiKey: KpiKey) {
  return ({ reader, month }: StreamMeasureContext): KpiValue => {
    const definition = findKpiDefinition(kpiKey);
    if (!definition) throw new Error(`Health needs KPI ${kpiKey}`);
    return definition.compute(reader, month);
  };
}

function fromMetric(metricKey: MetricKey) {
  return ({ reader, month }: StreamMeasureContext): KpiValue => computeKpi(metricKey, [reader.metric(metricKey, month)], ([value]) => value!);
}

/** Days since the stalest executive sponsor or budget holder was engaged (those with a date). */
function sponsorDaysSinceEngaged({ stakeholders, referenceDate }: AccountMeasureContext): KpiValue {
  const formula = 'days from the stalest executive sponsor / budget holder engagement to the reference date';
  const keyPeople = stakeholders.filter((person) => person.isExecutiveSponsor || person.isBudgetHolder);
  if (keyPeople.length === 0) return { value: null, formula, inputs: [], missingInputs: ['executive sponsor or budget holder'] };
  const known: StakeholderInput[] = keyPeople
    .filter((person) => person.lastEngagedOn !== null && person.lastEngagedOn <= referenceDate)
    .map((person) => ({ kind: 'stakeholder', personName: person.personName, lastEngagedOn: person.lastEngagedOn!, value: daysBetween(person.lastEngagedOn!, referenceDate) }));
  if (known.length === 0) return { value: null, formula, inputs: [], missingInputs: keyPeople.map((person) => `lastEngagedOn of ${person.personName}`) };
  return { value: Math.max(...known.map((input) => input.value)), formula, inputs: known, missingInputs: [] };
}

function goalAchievementVsTarget({ reader, month }: StreamMeasureContext): KpiValue {
  const achievement = findKpiDefinition('vbc_clinical_goal_achievement_rate')!.compute(reader, month);
  const targets = reader.stream.terms.targets;
  const targetPct = Array.isArray(targets) ? (targets[0] as { targetPct?: unknown } | undefined)?.targetPct : undefined;
  const formula = 'clinical goal achievement rate ÷ (first contract target ÷ 100)';
  if (typeof targetPct !== 'number') return { value: null, formula, inputs: achievement.inputs, missingInputs: [...achievement.missingInputs, 'terms.targets[0].targetPct'] };
  const inputs = [...achievement.inputs, { kind: 'term' as const, streamId: reader.stream.id, term: 'targets[0].targetPct', value: targetPct }];
  if (achievement.value === null || targetPct === 0) return { value: null, formula, inputs, missingInputs: achievement.missingInputs };
  return { value: achievement.value / (targetPct / 100), formula, inputs, missingInputs: [] };
}

function evaluationPower({ reader, month, contractStartDate }: StreamMeasureContext): KpiValue {
  const readiness = vbcEvaluationReadiness(reader, month, contractStartDate);
  const formula = 'vbc_engaged_members ÷ minimum engaged members needed (power calculation)';
  if (readiness.requiredN === null) {
    return { value: null, formula, inputs: readiness.engagedNow.inputs, missingInputs: [...readiness.engagedNow.missingInputs, 'terms.targets (with benchmarkPct) or a savings structure'] };
  }
  if (readiness.engagedNow.value === null) return { value: null, formula, inputs: [], missingInputs: readiness.engagedNow.missingInputs };
  return { value: readiness.engagedNow.value / readiness.requiredN, formula: `${formula} (${readiness.requiredN})`, inputs: readiness.engagedNow.inputs, missingInputs: [] };
}

/** Readmission-rate points saved: unmonitored minus monitored 30-day readmissions (percent points). */
function readmissionReduction({ reader, month }: StreamMeasureContext): KpiValue {
  const monitored = reader.metric('rpm_readmissions_monitored_pct', month);
  const unmonitored = reader.metric('rpm_readmissions_unmonitored_pct', month);
  return computeKpi('rpm_readmissions_unmonitored_pct − rpm_readmissions_monitored_pct', [unmonitored, monitored], ([without, withMonitoring]) => without! - withMonitoring!);
}

/** Every health component with its scoring anchors. */
export const HEALTH_COMPONENTS: readonly HealthComponentDefinition[] = [
  { key: 'device_engagement', label: 'Device engagement (avg device days)', scope: 'stream', poor: 6, good: 20, unit: 'days', measure: fromKpi('rpm_avg_device_days_per_patient') },
  { key: 'management_capture', label: 'Management-code capture', scope: 'stream', poor: 0.3, good: 0.8, unit: 'fraction', measure: fromKpi('rpm_management_capture_rate') },
  { key: 'claims_health', label: 'Claims health (denial rate)', scope: 'stream', poor: 0.15, good: 0.03, unit: 'fraction', measure: fromKpi('rpm_denial_rate') },
  { key: 'patient_retention', label: '90-day patient retention', scope: 'stream', poor: 50, good: 85, unit: 'percent', measure: fromMetric('rpm_retention_90d_pct') },
  { key: 'member_engagement', label: 'Engagement of the eligible population', scope: 'stream', poor: 0.05, good: 0.35, unit: 'fraction', measure: fromKpi('pmpm_engagement_rate') },
  { key: 'member_enrollment', label: 'Enrollment of the eligible population', scope: 'stream', poor: 0.05, good: 0.4, unit: 'fraction', measure: fromKpi('pmpm_enrollment_rate') },
  { key: 'member_retention', label: '30-day member retention', scope: 'stream', poor: 0.5, good: 0.85, unit: 'fraction', measure: fromKpi('pmpm_retention_30d_rate') },
  { key: 'member_satisfaction', label: 'Member NPS', scope: 'stream', poor: 0, good: 50, unit: 'score', measure: fromKpi('pmpm_nps') },
  { key: 'user_adoption', label: 'Weekly active users ÷ seats', scope: 'stream', poor: 0.3, good: 0.75, unit: 'fraction', measure: fromKpi('saas_weekly_active_rate') },
  { key: 'integration_uptime', label: 'Integration uptime', scope: 'stream', poor: 97, good: 99.9, unit: 'percent', measure: fromKpi('saas_integration_uptime_pct') },
  { key: 'goal_achievement', label: 'Clinical goal achievement vs contract target', scope: 'stream', poor: 0.5, good: 1, unit: 'ratio', measure: goalAchievementVsTarget },
  { key: 'evaluation_power', label: 'Engaged members vs sample needed', scope: 'stream', poor: 0.5, good: 1, unit: 'ratio', measure: evaluationPower },
  { key: 'data_quality', label: 'Claims-data completeness', scope: 'stream', poor: 90, good: 98, unit: 'percent', measure: fromKpi('vbc_claims_completeness_pct') },
  { key: 'readmission_reduction', label: 'Readmissions avoided (points, unmonitored − monitored)', scope: 'stream', poor: 0, good: 6, unit: 'percent', measure: readmissionReduction },
  { key: 'medication_adherence', label: 'Medication adherence', scope: 'stream', poor: 50, good: 80, unit: 'percent', measure: fromMetric('outcome_medication_adherence_pct') },
  { key: 'switchover_progress', label: 'Progress to switchover', scope: 'stream', poor: 0.3, good: 1, unit: 'fraction', measure: fromKpi('hybrid_switchover_progress') },
  { key: 'sponsor_engagement', label: 'Sponsor / budget holder engagement (days since)', scope: 'account', poor: 180, good: 30, unit: 'days', measure: sponsorDaysSinceEngaged },
];

/** The component definition for a key. */
export function healthComponentDefinition(key: HealthComponentKey): HealthComponentDefinition {
  return HEALTH_COMPONENTS.find((component) => component.key === key)!;
}

/** Linear 0-100 score between the poor and good anchors, clamped. */
export function scoreBetween(value: number, poor: number, good: number): number {
  const share = (value - poor) / (good - poor);
  return Math.round(Math.min(1, Math.max(0, share)) * 1000) / 10;
}

/** The last day of a month (YYYY-MM → YYYY-MM-DD). */
export function lastDayOfMonth(month: string): string {
  return addDays(`${addMonths(month, 1)}-01`, -1);
}
