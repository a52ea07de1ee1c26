import type { HealthScore } from '../metrics/health/health-score';
import type { KpiResult, StreamKpis } from '../metrics/kpi-engine';
import { RPM_SIGNAL_THRESHOLDS } from '../metrics/signals/rpm-signals';
import { SAAS_SIGNAL_THRESHOLDS } from '../metrics/signals/saas-signals';
import { type ChartSeries, type ChartSpec, type ChartUnit, monthlyCategories } from './chart-spec';
import type { KpiKey } from '../metrics/kpis/kpi-definition';
import { formulaInWords } from '../metrics/kpis/formula-words';
import type { MetricUnit } from '../metrics/metric-definition';
import type { LeadMetricResult } from '../metrics/stream-story';

/* Builders for the key KPI charts, from the engine's results. Each returns null when the KPI is absent. */

function kpi(stream: StreamKpis, key: KpiKey): KpiResult | undefined {
  return stream.kpis.find((candidate) => candidate.key === key);
}

function series(result: KpiResult, extra: Partial<ChartSeries> = {}): ChartSeries {
  return { id: result.key, label: result.label, values: result.history.map((point) => point.value), unit: result.unit as ChartUnit, ...extra };
}

function months(result: KpiResult): string[] {
  return result.history.map((point) => point.month);
}

/** One KPI as a line over its 12-month history, with optional target lines. */
export function kpiLineChart(result: KpiResult, targetLines: ChartSpec['targetLines'] = []): ChartSpec {
  return {
    id: `kpi_${result.key}`,
    type: 'line',
    title: result.label,
    ...monthlyCategories(months(result)),
    series: [series(result)],
    axisTitles: { x: 'Month', y: result.label },
    targetLines,
    footnote: `Formula: ${formulaInWords(result.current.formula)}.`,
  };
}

/** RPM: average device days (bars, left axis) against billing eligibility (line, right axis) — the decoupling chart. */
export function rpmEngagementVsBillingChart(stream: StreamKpis): ChartSpec | null {
  const days = kpi(stream, 'rpm_avg_device_days_per_patient');
  const eligibility = kpi(stream, 'rpm_billing_eligibility_rate');
  if (!days || !eligibility) return null;
  return {
    id: 'rpm_engagement_vs_billing',
    type: 'combo',
    title: 'Device days vs billing eligibility',
    ...monthlyCategories(months(days)),
    series: [series(days, { render: 'bar', axis: 'primary' }), series(eligibility, { render: 'line', axis: 'secondary' })],
    axisTitles: { x: 'Month', y: 'Average device days per patient', y2: 'Billing-eligible share of enrolled' },
    targetLines: [{ label: '16-day tier (99454)', value: RPM_SIGNAL_THRESHOLDS.deviceDaysShallow, unit: 'days', axis: 'primary' }],
    footnote: 'Since 2026, 2-15 device days bill the same as 16-30; the gap between the two lines is billing without the device use outcomes depend on.',
  };
}

/** RPM: management-code capture per device-billed patient against the capture target. */
export function rpmManagementCaptureChart(stream: StreamKpis): ChartSpec | null {
  const capture = kpi(stream, 'rpm_management_capture_rate');
  return capture
    ? kpiLineChart(capture, [{ label: 'Capture target', value: RPM_SIGNAL_THRESHOLDS.managementCaptureTarget, unit: 'fraction' }])
    : null;
}

/** RPM: code mix of device claims, 99445 vs 99454 share as stacked bars. */
export function rpmCodeMixChart(stream: StreamKpis): ChartSpec | null {
  const short = kpi(stream, 'rpm_short_tier_share');
  if (!short) return null;
  return {
    id: 'rpm_code_mix',
    type: 'stacked-bar',
    title: 'Device code mix',
    ...monthlyCategories(months(short)),
    series: [
      { id: '99445', label: '99445 (2-15 days)', values: short.history.map((p) => p.value), unit: 'fraction' },
      { id: '99454', label: '99454 (16-30 days)', values: short.history.map((p) => (p.value === null ? null : 1 - p.value)), unit: 'fraction' },
    ],
    axisTitles: { x: 'Month', y: 'Share of device claims' },
    targetLines: [],
    footnote: `Formula: ${formulaInWords(short.current.formula)}.`,
  };
}

/** PMPM: engagement and enrollment of the eligible population. */
export function pmpmEngagementChart(stream: StreamKpis): ChartSpec | null {
  const engagement = kpi(stream, 'pmpm_engagement_rate');
  const enrollment = kpi(stream, 'pmpm_enrollment_rate');
  if (!engagement || !enrollment) return null;
  return {
    id: 'pmpm_engagement',
    type: 'line',
    title: 'Engagement of the eligible population',
    ...monthlyCategories(months(engagement)),
    series: [series(enrollment), series(engagement)],
    axisTitles: { x: 'Month', y: 'Share of eligible population' },
    // The line engagement is judged against in this payment environment (none for an uncalibrated Medicaid population).
    targetLines: engagement.judgedAgainst?.value != null ? [{ label: engagement.judgedAgainst.calibrated ? 'Population benchmark' : 'Low-engagement line', value: engagement.judgedAgainst.value, unit: 'fraction' }] : [],
    footnote: 'Engagement = active ÷ eligible; enrollment = enrolled ÷ eligible.',
  };
}

/** SaaS: weekly active users ÷ seats against the 50% weekly-use floor. */
export function saasAdoptionChart(stream: StreamKpis): ChartSpec | null {
  const rate = kpi(stream, 'saas_weekly_active_rate');
  return rate ? kpiLineChart(rate, [{ label: 'Weekly-use floor', value: SAAS_SIGNAL_THRESHOLDS.weeklyActiveRateFloor, unit: 'fraction' }]) : null;
}

/** VBC: clinical goal achievement against the contract target and benchmark (from stream terms, 0-100). */
export function vbcGoalAchievementChart(stream: StreamKpis, target?: { targetPct?: number; benchmarkPct?: number }): ChartSpec | null {
  const rate = kpi(stream, 'vbc_clinical_goal_achievement_rate');
  if (!rate) return null;
  const lines: ChartSpec['targetLines'] = [];
  if (target?.targetPct !== undefined) lines.push({ label: 'Contract target', value: target.targetPct / 100, unit: 'fraction' });
  if (target?.benchmarkPct !== undefined) lines.push({ label: 'Benchmark', value: target.benchmarkPct / 100, unit: 'fraction' });
  return kpiLineChart(rate, lines);
}

/** Hybrid: progress to the switchover threshold. */
export function hybridSwitchoverChart(stream: StreamKpis): ChartSpec | null {
  const progress = kpi(stream, 'hybrid_switchover_progress');
  return progress ? { ...kpiLineChart(progress, [{ label: 'Switchover', value: 1, unit: 'fraction' }]), type: 'bar' } : null;
}

const CHART_UNITS: Record<MetricUnit, ChartUnit> = { count: 'count', percent: 'percent', usd: 'usd', score: 'score', days: 'days', minutes: 'count' };

/** Outcome metrics (readmissions, ER visits, cost avoided) have no KPI of their own: the story's lead ones chart as recorded. */
const OUTCOME_PREFIX = 'outcome_';
/** How many outcome lead metrics a stream charts. */
const MAX_OUTCOME_CHARTS = 2;

/** A lead outcome metric as a line over its 12 months, or null with fewer than two recorded months. */
export function leadOutcomeChart(metric: LeadMetricResult): ChartSpec | null {
  if (!metric.key.startsWith(OUTCOME_PREFIX) || metric.history.filter((point) => point.value !== null).length < 2) return null;
  return {
    id: `lead_${metric.key}`,
    type: 'line',
    title: metric.label,
    ...monthlyCategories(metric.history.map((point) => point.month)),
    series: [{ id: metric.key, label: metric.label, values: metric.history.map((point) => point.value), unit: CHART_UNITS[metric.unit] }],
    axisTitles: { x: 'Month', y: metric.label },
    targetLines: [],
    footnote: 'As recorded each month; one of the measures this buyer\'s story leads with.',
  };
}

/** Health score over the trend window as a line, 0-100. */
export function healthTrendChart(health: HealthScore): ChartSpec {
  return {
    id: 'health_trend',
    type: 'line',
    title: 'Health score',
    ...monthlyCategories(health.trend.map((point) => point.month)),
    series: [{ id: 'health', label: 'Health score', values: health.trend.map((point) => point.score), unit: 'score' }],
    axisTitles: { x: 'Month', y: 'Score (0-100)' },
    targetLines: [],
    footnote: 'Weighted components; missing inputs are re-weighted, not scored as zero.',
  };
}

/** Health components as a doughnut of their points in the current score. */
export function healthComponentsChart(health: HealthScore): ChartSpec {
  const present = health.components.filter((component) => component.contribution !== null);
  return {
    id: 'health_components',
    type: 'doughnut',
    title: 'What makes up the health score',
    labels: present.map((component) => component.label),
    series: [{ id: 'contribution', label: 'Points', values: present.map((component) => Math.round(component.contribution! * 10) / 10), unit: 'score' }],
    axisTitles: {},
    targetLines: [],
    footnote: health.missing.length > 0 ? `Missing and re-weighted: ${health.missing.map((m) => m.label).join(', ')}.` : undefined,
  };
}

/** The key charts for one stream, in display order. */
export function streamKpiCharts(stream: StreamKpis, terms: Readonly<Record<string, unknown>> = {}): ChartSpec[] {
  const targets = Array.isArray(terms.targets) ? (terms.targets as { targetPct?: number; benchmarkPct?: number }[]) : [];
  const outcomes = stream.story.leadMetrics.map(leadOutcomeChart).filter((chart) => chart !== null).slice(0, MAX_OUTCOME_CHARTS);
  const engagement = [rpmEngagementVsBillingChart(stream), pmpmEngagementChart(stream), saasAdoptionChart(stream), vbcGoalAchievementChart(stream, targets[0]), hybridSwitchoverChart(stream)];
  const billing = [rpmManagementCaptureChart(stream), rpmCodeMixChart(stream)];
  // Where reimbursement is the buyer's value, engagement against billing leads; elsewhere the outcomes the story leads with do.
  const ordered = stream.story.billingIsValue ? [engagement[0], ...billing, ...engagement.slice(1), ...outcomes] : [...outcomes, ...engagement, ...billing];
  return ordered.filter((chart): chart is ChartSpec => chart !== null && chart !== undefined);
}
