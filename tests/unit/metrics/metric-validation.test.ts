import { describe, expect, it } from 'vitest';
import { METRIC_CATALOG } from '../../../src/shared/metrics/metric-catalog';
import { metricMonthProblem, observationProblem } from '../../../src/shared/metrics/metric-validation';

const code = (metricKey: string, value: number, model: Parameters<typeof observationProblem>[2] = null) => observationProblem(metricKey, value, model)?.code ?? null;

describe('metric value rules', () => {
  it('accepts values within the catalog bounds', () => {
    expect(code('rpm_enrolled_patients', 120)).toBeNull();
    expect(code('saas_integration_uptime_pct', 100)).toBeNull();
    expect(code('pmpm_nps', -20)).toBeNull();
    expect(code('outcome_cost_trend_vs_benchmark_pct', -4)).toBeNull();
    expect(code('outcome_matched_cohort_savings_usd', -25_000)).toBeNull();
  });

  it('refuses unknown metrics, negative counts and dollars, percentages outside 0-100, out-of-range scores and absurd magnitudes', () => {
    expect(code('rpm_patients_named', 1)).toBe('unknown_metric');
    expect(code('rpm_enrolled_patients', -1)).toBe('negative');
    expect(code('vbc_earned_revenue_usd', -500)).toBe('negative');
    expect(code('vbc_claims_completeness_pct', 101)).toBe('percent_out_of_range');
    expect(code('vbc_claims_completeness_pct', -1)).toBe('percent_out_of_range');
    expect(code('vbc_claims_completeness_pct', 1e300)).toBe('percent_out_of_range');
    expect(code('pmpm_nps', 120)).toBe('out_of_range');
    expect(code('vbc_avg_risk_score', -0.2)).toBe('out_of_range');
    expect(code('rpm_enrolled_patients', Number.POSITIVE_INFINITY)).toBe('not_finite');
    expect(code('rpm_enrolled_patients', 1e13)).toBe('too_large');
  });

  it('refuses a metric that does not belong to the stream model; outcome metrics belong to every model', () => {
    expect(code('rpm_enrolled_patients', 10, 'saas_license')).toBe('wrong_model');
    expect(code('saas_weekly_active_users', 40, 'cpt_rpm')).toBe('wrong_model');
    expect(code('rpm_enrolled_patients', 10, 'hybrid')).toBeNull();
    expect(code('outcome_care_gaps_closed', 10, 'saas_license')).toBeNull();
  });

  it('every metric of the catalog belongs to hybrid streams, so a hybrid contract can record any of its parts', () => {
    expect(METRIC_CATALOG.filter((definition) => definition.models !== 'any' && !definition.models.includes('hybrid')).map((d) => d.key)).toEqual([]);
  });

  it('months are YYYY-MM from 2000 on and not after the latest month the caller knows', () => {
    expect(metricMonthProblem('2026-11', '2026-11')).toBeNull();
    expect(metricMonthProblem('2026-12', '2026-11')).toMatch(/not happened yet/);
    expect(metricMonthProblem('1999-12')).toMatch(/before 2000-01/);
    expect(metricMonthProblem('2026-13')).toMatch(/not a month/);
  });
});
