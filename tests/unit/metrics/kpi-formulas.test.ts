import { describe, expect, it } from 'vitest';
import { DEFAULT_RPM_RATES } from '../../../src/shared/framework/rpm-codes';
import { computeAccountInsights } from '../../../src/shared/metrics/account-insights';
import type { KpiResult } from '../../../src/shared/metrics/kpi-engine';
import type { MetricObservation } from '../../../src/shared/metrics/metric-observation';
import { buildDemoPortfolio } from '../../../src/main/services/demo/demo-portfolio';
import { KPI_CATALOG, kpiDefinition } from '../../../src/shared/metrics/kpis/kpi-catalog';
import { KPI_KEYS } from '../../../src/shared/metrics/kpis/kpi-definition';
import { demoInsightInput } from './demo-fixture';
import { account, monthly, REPORT_MONTH, rpmMonth, stream } from './insight-fixtures';

function kpis(input: Parameters<typeof computeAccountInsights>[0], streamId: string): Map<string, KpiResult> {
  const result = computeAccountInsights(input).streams.find((s) => s.streamId === streamId)!;
  return new Map(result.kpis.map((k) => [k.key, k]));
}

const RPM_CLAIMS = { '99453': 0, '99445': 100, '99454': 100, '99470': 10, '99457': 40, '99458': 0 };

describe('RPM KPIs against hand-computed values', () => {
  const observations = monthly('rpm', 1, () => ({
    ...rpmMonth({ enrolled: 200, avgDays: 9, shortTier: 170, standardTier: 25, claims: RPM_CLAIMS }),
    rpm_claims_denied_99454: 10,
    rpm_claims_paid_99454: 90,
  }));
  const input = account({ streams: [stream('rpm', 'cpt_rpm', { variant: 'revenue_share', revenueSharePct: 30 })], observations });
  const k = kpis(input, 'rpm');

  it('device days per patient vs billing eligibility and the gap', () => {
    expect(k.get('rpm_avg_device_days_per_patient')!.current.value).toBe(9); // 1800 ÷ 200
    expect(k.get('rpm_billing_eligibility_rate')!.current.value).toBeCloseTo(0.975, 10); // (170 + 25) ÷ 200
    expect(k.get('rpm_device_day_adherence_rate')!.current.value).toBeCloseTo(0.3, 10); // 9 ÷ 30
    expect(k.get('rpm_engagement_gap')!.current.value).toBeCloseTo(0.675, 10);
    expect(k.get('rpm_enrollment_rate')!.current.value).toBeCloseTo(0.5, 10);
  });

  it('claims paid vs submitted, denial rate, code mix and management capture', () => {
    expect(k.get('rpm_claims_paid_rate')!.current.value).toBeCloseTo(240 / 250, 10);
    expect(k.get('rpm_denial_rate')!.current.value).toBeCloseTo(10 / 250, 10);
    expect(k.get('rpm_short_tier_share')!.current.value).toBeCloseTo(0.5, 10);
    expect(k.get('rpm_management_capture_rate')!.current.value).toBeCloseTo(50 / 200, 10);
    expect(k.get('rpm_add_on_units_per_device_billed_patient')!.current.value).toBe(0);
  });

  it('revenue per enrolled patient uses the dated rates and the revenue share from the terms', () => {
    // Paid: 99445 100 × $47 + 99454 90 × $47 + 99470 10 × $26 + 99457 40 × $52 = $11,270
    expect(k.get('rpm_buyer_reimbursement_usd')!.current.value).toBeCloseTo(11_270, 6);
    expect(k.get('rpm_revenue_per_enrolled_patient_usd')!.current.value).toBeCloseTo((11_270 * 0.3) / 200, 6);
    const fee = kpis(account({ streams: [stream('rpm', 'cpt_rpm', { variant: 'per_patient_fee', perPatientMonthlyFeeUsd: 42 })], observations }), 'rpm');
    expect(fee.get('rpm_revenue_per_enrolled_patient_usd')!.current.value).toBe(42);
    const rates = DEFAULT_RPM_RATES.map((rate) => (rate.code === '99454' ? { ...rate, rateCents: 5000 } : rate));
    const changed = kpis({ ...input, rpmRates: rates }, 'rpm');
    expect(changed.get('rpm_buyer_reimbursement_usd')!.current.value).toBeCloseTo(11_270 + 90 * 3, 6);
  });

  it('every value carries its formula and the observations, terms and rates it read', () => {
    const revenue = k.get('rpm_revenue_per_enrolled_patient_usd')!.current;
    expect(revenue.formula).toContain('terms.revenueSharePct');
    expect(revenue.inputs).toContainEqual({ kind: 'observation', streamId: 'rpm', metricKey: 'rpm_enrolled_patients', month: REPORT_MONTH, value: 200 });
    expect(revenue.inputs).toContainEqual({ kind: 'term', streamId: 'rpm', term: 'revenueSharePct', value: 30 });
    expect(revenue.inputs.some((i) => i.kind === 'rate' && i.code === '99457' && i.asOf === '2026-01-01')).toBe(true);
  });
});

describe('missing inputs', () => {
  it('make a KPI null and named, never 0', () => {
    const observations = monthly('rpm', 1, () => ({ rpm_device_days_total: 1800 }));
    const k = kpis(account({ streams: [stream('rpm', 'cpt_rpm')], observations }), 'rpm');
    const days = k.get('rpm_avg_device_days_per_patient')!.current;
    expect(days.value).toBeNull();
    expect(days.missingInputs).toEqual(['rpm_enrolled_patients']);
    expect(k.get('rpm_revenue_per_enrolled_patient_usd')!.current).toMatchObject({ value: null, missingInputs: ['terms.variant'] });
  });

  it('a zero denominator gives null with a note, not Infinity or 0', () => {
    const observations = monthly('rpm', 1, () => ({ rpm_device_days_total: 0, rpm_enrolled_patients: 0 }));
    const days = kpis(account({ streams: [stream('rpm', 'cpt_rpm')], observations }), 'rpm').get('rpm_avg_device_days_per_patient')!.current;
    expect(days).toMatchObject({ value: null, missingInputs: [] });
    expect(days.note).toMatch(/zero/);
  });
});

describe('PMPM, SaaS, VBC and hybrid KPIs', () => {
  it('engagement, enrollment and 30-day retention', () => {
    const observations = monthly('p', 2, (i) => ({
      pmpm_eligible_members: 10_000,
      pmpm_enrolled_members: 1800,
      pmpm_active_members: i === 0 ? 1250 : 1350,
      pmpm_retained_30d_members: 1000,
    }));
    const k = kpis(account({ streams: [stream('p', 'pmpm_pepm', { ratePerMonthUsd: 3 })], observations }), 'p');
    expect(k.get('pmpm_engagement_rate')!.current.value).toBeCloseTo(0.135, 10);
    expect(k.get('pmpm_enrollment_rate')!.current.value).toBeCloseTo(0.18, 10);
    expect(k.get('pmpm_retention_30d_rate')!.current.value).toBeCloseTo(1000 / 1250, 10);
    expect(k.get('pmpm_monthly_revenue_usd')!.current.value).toBe(30_000);
  });

  it('uses terms for the eligible population and licensed seats when no metric is stored', () => {
    const pmpm = kpis(account({ streams: [stream('p', 'pmpm_pepm', { eligiblePopulation: 5000 })], observations: monthly('p', 1, () => ({ pmpm_active_members: 500 })) }), 'p');
    expect(pmpm.get('pmpm_engagement_rate')!.current).toMatchObject({ value: 0.1, inputs: [{ kind: 'observation' }, { kind: 'term', term: 'eligiblePopulation' }] });
    const saas = kpis(account({ streams: [stream('s', 'saas_license', { licensedSeats: 200 })], observations: monthly('s', 1, () => ({ saas_weekly_active_users: 70 })) }), 's');
    expect(saas.get('saas_weekly_active_rate')!.current.value).toBeCloseTo(0.35, 10);
  });

  it('performance-payment realization, goal achievement and switchover progress', () => {
    const vbc = kpis(
      account({
        streams: [stream('v', 'value_based')],
        observations: monthly('v', 1, () => ({ vbc_earned_revenue_usd: 200_000, vbc_at_risk_revenue_usd: 800_000, vbc_members_at_clinical_target: 396, vbc_engaged_members: 900, vbc_enrolled_members: 1200, vbc_eligible_members: 10_000 })),
      }),
      'v',
    );
    expect(vbc.get('vbc_performance_payment_realization')!.current.value).toBe(0.25);
    expect(vbc.get('vbc_clinical_goal_achievement_rate')!.current.value).toBeCloseTo(0.44, 10);
    expect(vbc.get('vbc_enrollment_rate')!.current.value).toBeCloseTo(0.12, 10);
    const hybrid = kpis(account({ streams: [stream('h', 'hybrid', { switchoverThresholdUsers: 4000 })], observations: monthly('h', 1, () => ({ hybrid_activated_users: 3500 })) }), 'h');
    expect(hybrid.get('hybrid_switchover_progress')!.current.value).toBe(0.875);
    expect(hybrid.has('rpm_avg_device_days_per_patient')).toBe(false); // a hybrid only shows the families it has data for
  });
});

describe('changes and trend', () => {
  it('QoQ compares with month − 3, YoY with month − 12, and the trend uses the last three months', () => {
    // Engagement 10%, 11%, ... rising one point a month over 13 months.
    const observations = monthly('p', 13, (i) => ({ pmpm_eligible_members: 1000, pmpm_active_members: 100 + 10 * i }));
    const k = kpis(account({ streams: [stream('p', 'pmpm_pepm')], observations }), 'p').get('pmpm_engagement_rate')!;
    expect(k.current.value).toBeCloseTo(0.22, 10);
    expect(k.quarterOverQuarter).toMatchObject({ fromMonth: '2026-07' });
    expect(k.quarterOverQuarter.delta).toBeCloseTo(0.03, 10);
    expect(k.quarterOverQuarter.relativeChange).toBeCloseTo(0.03 / 0.19, 10);
    expect(k.yearOverYear.fromMonth).toBe('2025-10');
    expect(k.yearOverYear.delta).toBeCloseTo(0.12, 10);
    expect(k.trend3m).toMatchObject({ direction: 'up', assessment: 'improving', months: ['2026-08', '2026-09', '2026-10'] });
    expect(k.trend3m.slopePerMonth).toBeCloseTo(0.01, 10);
    expect(k.history).toHaveLength(12);
  });

  it('an unknown earlier month leaves the change null rather than guessing', () => {
    const observations = monthly('p', 2, () => ({ pmpm_eligible_members: 1000, pmpm_active_members: 100 }));
    const k = kpis(account({ streams: [stream('p', 'pmpm_pepm')], observations }), 'p').get('pmpm_engagement_rate')!;
    expect(k.yearOverYear.delta).toBeNull();
    expect(k.yearOverYear.previous.missingInputs).toContain('pmpm_active_members');
    expect(k.trend3m.direction).toBe('unknown');
  });
});

describe('account-level observations', () => {
  const accountLevel: MetricObservation[] = monthly('', 1, () => ({ saas_weekly_active_users: 60, saas_licensed_seats: 100 }));

  it('are used by the only stream of that model', () => {
    const k = kpis(account({ streams: [stream('s', 'saas_license')], observations: accountLevel }), 's');
    expect(k.get('saas_weekly_active_rate')!.current).toMatchObject({ value: 0.6, inputs: [{ streamId: '' }, { streamId: '' }] });
  });

  it('are not shared between two streams of the same family (they would be counted twice)', () => {
    const k = kpis(account({ streams: [stream('a', 'saas_license'), stream('b', 'saas_license')], observations: accountLevel }), 'a');
    expect(k.get('saas_weekly_active_rate')!.current.value).toBeNull();
  });
});

describe('each KPI formula is stated once', () => {
  // These name the inputs they actually used (which CPT codes, which member count), so their values
  // carry a specific formula under the catalog's general one.
  const SPECIFIC_PER_VALUE = new Set(['rpm_claims_paid_rate', 'rpm_denial_rate', 'rpm_buyer_reimbursement_usd', 'rpm_revenue_per_enrolled_patient_usd', 'pmpm_monthly_revenue_usd']);

  it('the catalog lists exactly the KPI keys, once each', () => {
    expect(KPI_CATALOG.map((definition) => definition.key)).toEqual([...KPI_KEYS]);
  });

  it('every computed value carries the catalog formula, except those that name the inputs they used', () => {
    const portfolio = buildDemoPortfolio('2026-11-15');
    const mismatches: string[] = [];
    for (const demo of portfolio) {
      const insights = computeAccountInsights(demoInsightInput(demo.name));
      for (const result of insights.streams.flatMap((s) => s.kpis)) {
        if (SPECIFIC_PER_VALUE.has(result.key)) continue;
        if (result.current.formula !== kpiDefinition(result.key).formula) mismatches.push(`${result.key}: "${result.current.formula}"`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
