import { describe, expect, it } from 'vitest';
import { metricValueProblem } from '../../../src/shared/metrics/metric-validation';

describe('metric value validation', () => {
  it('accepts values within the catalog bounds', () => {
    expect(metricValueProblem('rpm_enrolled_patients', 120)).toBeNull();
    expect(metricValueProblem('saas_integration_uptime_pct', 100)).toBeNull();
    expect(metricValueProblem('pmpm_nps', -20)).toBeNull();
    expect(metricValueProblem('outcome_cost_trend_vs_benchmark_pct', -4)).toBeNull();
  });

  it('refuses unknown metrics, negative counts, percentages outside 0-100 and out-of-range scores', () => {
    expect(metricValueProblem('rpm_patients_named', 1)).toMatch(/not a metric/);
    expect(metricValueProblem('rpm_enrolled_patients', -1)).toMatch(/negative/);
    expect(metricValueProblem('vbc_claims_completeness_pct', 101)).toMatch(/between 0 and 100/);
    expect(metricValueProblem('vbc_claims_completeness_pct', -1)).toMatch(/negative/);
    expect(metricValueProblem('pmpm_nps', 120)).toMatch(/above 100/);
    expect(metricValueProblem('vbc_avg_risk_score', -0.2)).toMatch(/below 0/);
  });

  it('refuses a metric that does not belong to the stream model, but allows anything on a hybrid', () => {
    expect(metricValueProblem('rpm_enrolled_patients', 10, 'saas_license')).toMatch(/does not belong/);
    expect(metricValueProblem('rpm_enrolled_patients', 10, 'hybrid')).toBeNull();
    expect(metricValueProblem('outcome_care_gaps_closed', 10, 'saas_license')).toBeNull();
  });
});
