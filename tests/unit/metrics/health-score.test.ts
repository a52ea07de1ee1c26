import { describe, expect, it } from 'vitest';
import { computeAccountInsights, computeAccountSummary } from '../../../src/shared/metrics/account-insights';
import { DEFAULT_HEALTH_WEIGHTS, healthWeightOverridesSchema } from '../../../src/shared/metrics/health/health-weights';
import type { AccountInsightInput } from '../../../src/shared/metrics/insight-input';
import { account, monthly, rpmMonth, sponsor, stream } from './insight-fixtures';
import { demoInsightInput } from './demo-fixture';

/*
 * RPM anchors: device days 6→20, capture 0.3→0.8, denial 0.15→0.03, 90-day retention 50→85,
 * sponsor days 180→30. The "midpoint" account sits exactly halfway on each, so every component scores 50.
 */
function midpointRpm(overrides: { retention?: number | undefined; avgDays?: number } = {}): Record<string, number> {
  const values = rpmMonth({ enrolled: 200, avgDays: overrides.avgDays ?? 13, shortTier: 100, standardTier: 100, claims: { '99445': 100, '99454': 100, '99470': 10, '99457': 100 } });
  // 310 submitted in total, 27.9 denied → 9% denial; 110 ÷ 200 = 55% capture.
  values.rpm_claims_denied_99457 = 27.9;
  values.rpm_claims_paid_99457 = 72.1;
  delete values.rpm_retention_90d_pct;
  if (overrides.retention !== undefined) values.rpm_retention_90d_pct = overrides.retention;
  return values;
}

function rpmAccount(values: (i: number) => Record<string, number>, extra: Partial<AccountInsightInput> = {}): AccountInsightInput {
  return account({ stakeholders: [sponsor(105)], streams: [stream('rpm', 'cpt_rpm')], observations: monthly('rpm', 6, values), ...extra });
}

describe('health score', () => {
  it('is the weighted mean of the component scores', () => {
    const health = computeAccountInsights(rpmAccount(() => midpointRpm({ retention: 67.5 }))).health;
    expect(health.components.map((c) => [c.key, c.score])).toEqual([
      ['device_engagement', 50],
      ['management_capture', 50],
      ['claims_health', 50],
      ['patient_retention', 50],
      ['sponsor_engagement', 50],
    ]);
    expect(health.score).toBe(50);
    expect(health.band).toBe('watch');
    expect(health.missing).toEqual([]);
  });

  it('moves with one component by its weight', () => {
    // Device days 20 scores 100: +50 points × 30% weight = +15.
    expect(computeAccountInsights(rpmAccount(() => midpointRpm({ retention: 67.5, avgDays: 20 }))).health.score).toBe(65);
  });

  it('re-weights a missing input instead of scoring it 0, and lists it as missing', () => {
    const health = computeAccountInsights(rpmAccount(() => midpointRpm({ avgDays: 20 }))).health;
    const retention = health.components.find((c) => c.key === 'patient_retention')!;
    expect(retention).toMatchObject({ score: null, missing: true, effectiveWeight: 0, contribution: null });
    expect(health.missing).toEqual([{ key: 'patient_retention', label: '90-day patient retention', streamId: 'rpm', missingInputs: ['rpm_retention_90d_pct'] }]);
    // Remaining weights 30 + 20 + 15 + 20 = 85: (30×100 + 20×50 + 15×50 + 20×50) ÷ 85 = 67.6
    expect(health.score).toBeCloseTo(67.6, 1);
    expect(health.components.find((c) => c.key === 'device_engagement')!.effectiveWeight).toBeCloseTo(30 / 85, 10);
  });

  it('is null, not 0, when nothing can be measured', () => {
    const health = computeAccountInsights(account({ stakeholders: [], streams: [stream('rpm', 'cpt_rpm')], observations: [] })).health;
    expect(health.score).toBeNull();
    expect(health.band).toBe('unknown');
    expect(health.missing.map((m) => m.key)).toContain('sponsor_engagement');
  });

  it('is null while no metric is recorded: sponsor engagement alone is not a health score', () => {
    const input = account({ stakeholders: [sponsor(20)], streams: [stream('rpm', 'cpt_rpm')], observations: [] });
    const health = computeAccountInsights(input).health;
    expect(health.components.find((c) => c.key === 'sponsor_engagement')!.score).toBe(100);
    expect(health.score).toBeNull();
    expect(health.band).toBe('unknown');
    expect(health.trend.every((point) => point.score === null)).toBe(true);
    expect(health.components.every((c) => c.contribution === null)).toBe(true);
    expect(computeAccountSummary(input).healthScore).toBeNull();
  });

  it('honours weight overrides from settings; a weight of 0 drops the component', () => {
    const input = rpmAccount(() => midpointRpm({ retention: 67.5, avgDays: 20 }), { healthWeights: { cpt_rpm: { device_engagement: 0 } } });
    const health = computeAccountInsights(input).health;
    expect(health.components.map((c) => c.key)).not.toContain('device_engagement');
    expect(health.score).toBe(50);
    expect(healthWeightOverridesSchema.safeParse({ cpt_rpm: { nonsense: 5 } }).success).toBe(false);
    expect(healthWeightOverridesSchema.safeParse({ cpt_rpm: { device_engagement: 101 } }).success).toBe(false);
  });

  it('documents default weights that sum to 100 for every model', () => {
    for (const weights of Object.values(DEFAULT_HEALTH_WEIGHTS)) expect(Object.values(weights).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('splits weights evenly across the streams of a multi-stream account', () => {
    const input = account({
      streams: [stream('a', 'saas_license'), stream('b', 'pmpm_pepm')],
      observations: [...monthly('a', 1, () => ({ saas_weekly_active_users: 75, saas_licensed_seats: 100, saas_integration_uptime_pct: 99.9 }))],
    });
    const health = computeAccountInsights(input).health;
    const adoption = health.components.find((c) => c.key === 'user_adoption')!;
    expect(adoption.configuredWeight).toBeCloseTo(22.5 / 100, 10);
    expect(health.components.filter((c) => c.key === 'sponsor_engagement')).toHaveLength(1);
    expect(health.components.find((c) => c.key === 'sponsor_engagement')!.configuredWeight).toBeCloseTo(30 / 100, 10);
  });

  it('has a six-month trend and names the components that moved it', () => {
    // Device days fall from 20 to 10 over six months; everything else stays.
    const health = computeAccountInsights(rpmAccount((i) => midpointRpm({ retention: 67.5, avgDays: 20 - 2 * i }))).health;
    expect(health.trend).toHaveLength(6);
    expect(health.trend[5]!.score).toBe(health.score);
    expect(health.movers[0]).toMatchObject({ key: 'device_engagement' });
    expect(health.movers[0]!.contributionDelta).toBeLessThan(-10);
  });

  it('ranks the demo accounts: Summit and Helix healthy, Lakeshore and Granite at risk', () => {
    const score = (name: string) => computeAccountInsights(demoInsightInput(name)).health;
    expect(score('Summit').band).toBe('healthy');
    expect(score('Helix').band).toBe('healthy');
    expect(score('Lakeshore').band).toBe('at_risk');
    expect(score('Granite').band).toBe('at_risk');
    expect(score('Riverbend').score!).toBeLessThan(score('Summit').score!);
  });
});
