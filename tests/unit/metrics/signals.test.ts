import { describe, expect, it } from 'vitest';
import { computeAccountInsights } from '../../../src/shared/metrics/account-insights';
import type { AccountInsightInput } from '../../../src/shared/metrics/insight-input';
import type { Signal } from '../../../src/shared/metrics/signals/signal';
import { account, monthly, rpmMonth, sponsor, stream } from './insight-fixtures';
import { demoInsightInput } from './demo-fixture';

/* Each signal fires on data shaped like the framework's failure story and stays silent on healthy data. */

function signals(input: AccountInsightInput): Signal[] {
  return computeAccountInsights(input).signals;
}
function find(input: AccountInsightInput, key: string): Signal | undefined {
  return signals(input).find((signal) => signal.key === key);
}
function evidence(signal: Signal, label: string): unknown {
  return signal.evidence.find((item) => item.label === label)?.value;
}

const RPM_TERMS = { variant: 'revenue_share', revenueSharePct: 30 };
const rpm = (shape: Parameters<typeof rpmMonth>[0]) => account({ streams: [stream('rpm', 'cpt_rpm', RPM_TERMS)], observations: monthly('rpm', 7, () => rpmMonth(shape)) });
const HEALTHY_RPM = { enrolled: 200, avgDays: 22, shortTier: 30, standardTier: 160, claims: { '99445': 30, '99454': 160, '99470': 20, '99457': 150, '99458': 40 } };

describe('RPM billing/engagement decoupling', () => {
  it('fires when nearly every patient bills but average device days is low (2026 short tier)', () => {
    const signal = find(rpm({ enrolled: 200, avgDays: 9, shortTier: 170, standardTier: 25, claims: { '99445': 170, '99454': 25, '99457': 150 } }), 'rpm_billing_engagement_decoupling');
    expect(signal).toMatchObject({ severity: 'critical', streamId: 'rpm' });
    expect(evidence(signal!, 'Billing-eligibility rate')).toBeCloseTo(0.975, 10);
    expect(evidence(signal!, 'Average device days per patient')).toBe(9);
    expect(signal!.play.summary).toMatch(/device days/);
  });

  it('is a warning between 12 and 16 days, and silent on deep engagement', () => {
    expect(find(rpm({ ...HEALTHY_RPM, avgDays: 14, shortTier: 120, standardTier: 70 }), 'rpm_billing_engagement_decoupling')?.severity).toBe('warning');
    expect(find(rpm(HEALTHY_RPM), 'rpm_billing_engagement_decoupling')).toBeUndefined();
  });
});

describe('RPM management-code leakage', () => {
  it('estimates the monthly revenue left on the table at the dated rates and our share', () => {
    // 200 device-billed patients, only 50 with a management code (story: revenue 40% below projection).
    const signal = find(rpm({ enrolled: 210, avgDays: 20, shortTier: 40, standardTier: 160, claims: { '99445': 100, '99454': 100, '99470': 10, '99457': 40 } }), 'rpm_management_code_leakage');
    expect(signal).toMatchObject({ severity: 'critical' });
    expect(evidence(signal!, 'Management claims missed vs target')).toBe(110); // 0.8 × 200 − 50
    expect(evidence(signal!, 'Estimated monthly reimbursement left on the table (at 99470 rate)')).toBe(2860); // 110 × $26
    expect(evidence(signal!, 'Estimated monthly reimbursement left on the table (at 99457 rate)')).toBe(5720); // 110 × $52
    expect(evidence(signal!, 'Our share of the upper estimate')).toBeCloseTo(1716, 6);
    expect(signal!.explanation).toContain('2026-01-01');
  });

  it('stays silent when management codes follow device billing', () => {
    expect(find(rpm(HEALTHY_RPM), 'rpm_management_code_leakage')).toBeUndefined();
  });
});

describe('PMPM guaranteed-revenue trap', () => {
  const pmpm = (active: number, renewalDate: string, terms: Record<string, unknown> = { ratePerMonthUsd: 3 }) =>
    account({
      renewalDate,
      streams: [stream('p', 'pmpm_pepm', terms)],
      observations: monthly('p', 3, () => ({ pmpm_eligible_members: 10_000, pmpm_enrolled_members: 1800, pmpm_active_members: active })),
    });

  it('fires on 12-15% engagement of a flat PEPM with renewal approaching', () => {
    const signal = find(pmpm(1350, '2027-01-14'), 'pmpm_guaranteed_revenue_trap');
    expect(signal).toMatchObject({ severity: 'critical' });
    expect(evidence(signal!, 'Engagement rate (active ÷ eligible)')).toBeCloseTo(0.135, 10);
    expect(evidence(signal!, 'Days to renewal')).toBe(60);
    expect(find(pmpm(1350, '2027-04-14'), 'pmpm_guaranteed_revenue_trap')?.severity).toBe('warning');
  });

  it('stays silent with healthy engagement, a distant renewal, or enrollment-based pricing', () => {
    expect(find(pmpm(4000, '2027-01-14'), 'pmpm_guaranteed_revenue_trap')).toBeUndefined();
    expect(find(pmpm(1350, '2028-01-14'), 'pmpm_guaranteed_revenue_trap')).toBeUndefined();
    expect(find(pmpm(1350, '2027-01-14', { enrollmentBased: true }), 'pmpm_guaranteed_revenue_trap')).toBeUndefined();
  });
});

describe('SaaS adoption erosion', () => {
  const saas = (wau: (i: number) => number, goLiveDate: string) =>
    account({ streams: [stream('s', 'saas_license', { goLiveDate })], observations: monthly('s', 7, (i) => ({ saas_licensed_seats: 200, saas_weekly_active_users: wau(i) })) });

  it('fires when weekly actives are 35% of seats by month three after go-live', () => {
    const signal = find(saas(() => 70, '2026-07-01'), 'saas_adoption_erosion');
    expect(signal).toMatchObject({ severity: 'critical' });
    expect(evidence(signal!, 'Months since go-live')).toBe(3);
    expect(evidence(signal!, 'Weekly active users ÷ licensed seats')).toBeCloseTo(0.35, 10);
  });

  it('fires as a warning on a steep fall even above 50%', () => {
    expect(find(saas((i) => 170 - i * 10, '2025-01-01'), 'saas_adoption_erosion')?.severity).toBe('warning'); // 85% → 55%
  });

  it('stays silent before month three and on healthy adoption', () => {
    expect(find(saas(() => 70, '2026-08-15'), 'saas_adoption_erosion')).toBeUndefined();
    expect(find(saas(() => 150, '2025-01-01'), 'saas_adoption_erosion')).toBeUndefined();
  });
});

describe('executive sponsor / budget holder not engaged', () => {
  const withPeople = (people: AccountInsightInput['stakeholders']) => account({ stakeholders: people, streams: [], observations: [] });

  it('fires critical at nine months and warning past 90 days', () => {
    expect(find(withPeople([sponsor(270)]), 'sponsor_not_engaged')).toMatchObject({ severity: 'critical' });
    const warning = find(withPeople([sponsor(20, 'Ann'), sponsor(100, 'Bob')]), 'sponsor_not_engaged');
    expect(warning).toMatchObject({ severity: 'warning' });
    expect(warning!.explanation).toContain('Bob');
    expect(warning!.explanation).not.toContain('Ann');
  });

  it('treats a sponsor with no recorded engagement as critical, and notes when nobody is mapped', () => {
    expect(find(withPeople([sponsor(null)]), 'sponsor_not_engaged')?.severity).toBe('critical');
    expect(find(withPeople([]), 'sponsor_not_identified')?.severity).toBe('info');
  });

  it('stays silent when sponsors are engaged, whatever operational contacts do', () => {
    const operational = { ...sponsor(300, 'Ops'), isExecutiveSponsor: false, isBudgetHolder: false };
    expect(signals(withPeople([sponsor(30), operational]))).toEqual([]);
  });
});

describe('VBC enrollment too small for significance', () => {
  const vbc = (engaged: (i: number) => number, terms: Record<string, unknown>, atTargetShare = 0.44) =>
    account({
      contractStartDate: '2025-05-01',
      streams: [stream('v', 'value_based', terms, '2025-05-01')],
      observations: monthly('v', 6, (i) => ({
        vbc_eligible_members: 10_000,
        vbc_enrolled_members: Math.round(engaged(i) / 0.75),
        vbc_engaged_members: engaged(i),
        vbc_members_at_clinical_target: Math.round(engaged(i) * atTargetShare),
      })),
    });
  const PROPORTION = { structure: 'performance_tiers', measurementPeriodMonths: 24, targets: [{ metric: 'BP at goal', targetPct: 50, benchmarkPct: 38 }] };

  it('fires on 1,200 of 10,000 enrolled for a shared-savings contract, with the power calculation as evidence', () => {
    const signal = find(vbc(() => 900, { ...PROPORTION, structure: 'shared_savings' }), 'vbc_enrollment_too_small');
    expect(signal).toMatchObject({ severity: 'critical' });
    expect(evidence(signal!, 'Minimum engaged members needed')).toBe(1766);
    expect(evidence(signal!, 'Engaged members now')).toBe(900);
    expect(evidence(signal!, 'Projected engaged members at end of measurement period')).toBe(900);
    expect(evidence(signal!, 'z(1−α/2)')).toBe(1.959964);
    expect(evidence(signal!, 'z(1−β)')).toBe(0.841621);
  });

  it('tests a proportion against its benchmark at the observed rate (p0 38% → p1 44% needs 521)', () => {
    const small = find(vbc(() => 400, PROPORTION), 'vbc_enrollment_too_small');
    expect(evidence(small!, 'Minimum engaged members needed')).toBe(521);
    expect(small!.severity).toBe('critical');
  });

  it('is a warning when short now but the trend reaches the minimum by the end of the period', () => {
    // 300 engaged growing 40 a month; the period ends 2027-05, 7 months after the report month.
    const signal = find(vbc((i) => 300 + 40 * i, PROPORTION), 'vbc_enrollment_too_small');
    expect(signal?.severity).toBe('warning');
    expect(evidence(signal!, 'Projected engaged members at end of measurement period')).toBe(780);
  });

  it('uses the contract alpha and power when the terms carry them', () => {
    const signal = find(vbc(() => 600, { ...PROPORTION, evaluationAlpha: 0.01, evaluationPower: 0.9 }), 'vbc_enrollment_too_small');
    expect(evidence(signal!, 'Minimum engaged members needed')).toBe(989);
  });

  it('stays silent when enough members are engaged', () => {
    expect(find(vbc(() => 3000, PROPORTION), 'vbc_enrollment_too_small')).toBeUndefined();
  });

  it('reports an outcome at or below benchmark separately: no sample size can prove it', () => {
    const below = vbc(() => 3000, PROPORTION, 0.36);
    expect(find(below, 'vbc_enrollment_too_small')).toBeUndefined();
    expect(find(below, 'vbc_outcome_below_benchmark')?.severity).toBe('warning');
  });
});

describe('VBC data-quality drop', () => {
  const quality = (completeness: (i: number) => number, accuracy: (i: number) => number = () => 97) =>
    account({
      streams: [stream('v', 'value_based')],
      observations: monthly('v', 8, (i) => ({ vbc_engaged_members: 900, vbc_members_at_clinical_target: 400, vbc_claims_completeness_pct: completeness(i), vbc_eligibility_accuracy_pct: accuracy(i) })),
    });

  it('fires when claims completeness falls after a warehouse migration', () => {
    const signal = find(quality((i) => [97.5, 97.5, 97.6, 97.4, 97.5, 94, 88, 81][i]!), 'vbc_data_quality_drop');
    expect(signal).toMatchObject({ severity: 'critical' });
    expect(signal!.explanation).toContain('81.0%');
  });

  it('fires as a warning on a smaller month-over-month drop in eligibility accuracy', () => {
    expect(find(quality(() => 97.5, (i) => (i < 7 ? 97 : 94.5)), 'vbc_data_quality_drop')?.severity).toBe('warning');
  });

  it('stays silent on stable data with normal noise', () => {
    expect(find(quality((i) => 97.5 + (i % 2 ? 0.4 : -0.4), (i) => 97 + (i % 3) * 0.3), 'vbc_data_quality_drop')).toBeUndefined();
  });
});

describe('contract target far above benchmark', () => {
  const targets = (targetPct: number, benchmarkPct: number) => account({ streams: [stream('v', 'value_based', { targets: [{ metric: 'At goal', targetPct, benchmarkPct }] })], observations: [] });

  it('fires on 70% promised against a 35-40% benchmark', () => {
    const signal = find(targets(70, 38), 'vbc_target_above_benchmark');
    expect(signal).toMatchObject({ severity: 'critical' });
    expect(evidence(signal!, 'Target ÷ benchmark')).toBe(1.84);
    expect(find(targets(60, 38), 'vbc_target_above_benchmark')?.severity).toBe('warning');
  });

  it('stays silent on a realistic target', () => {
    expect(find(targets(45, 38), 'vbc_target_above_benchmark')).toBeUndefined();
  });
});

describe('hybrid switchover phase', () => {
  const hybrid = (users: (i: number) => number, renewalDate = '2027-06-01') =>
    account({ renewalDate, streams: [stream('h', 'hybrid', { switchoverThresholdUsers: 4000 })], observations: monthly('h', 6, (i) => ({ hybrid_activated_users: users(i) })) });

  it('reports phase and distance: info when the pace reaches the threshold before renewal', () => {
    const signal = find(hybrid((i) => 2750 + 150 * i), 'hybrid_switchover_phase');
    expect(signal).toMatchObject({ severity: 'info', headline: 'Before the switchover: activation mode' });
    expect(evidence(signal!, 'Activations per month (6-month trend)')).toBe(150);
    expect(evidence(signal!, 'Months to switchover at this pace')).toBe(3.3); // (4000 − 3500) ÷ 150
  });

  it('warns when the pace will not reach the switchover before renewal', () => {
    expect(find(hybrid((i) => 3000 + 10 * i), 'hybrid_switchover_phase')?.severity).toBe('warning');
  });

  it('switches to retention mode once past the threshold', () => {
    expect(find(hybrid(() => 4200), 'hybrid_switchover_phase')?.headline).toBe('Past the switchover: retention mode');
  });
});

describe('the demo portfolio tells its stories', () => {
  const keys = (name: string) => signals(demoInsightInput(name)).map((s) => `${s.severity}:${s.key}`);

  it('fires the intended signals on each demo account and nothing on the healthy ones', () => {
    expect(keys('Riverbend')).toEqual(['critical:rpm_billing_engagement_decoupling', 'critical:rpm_management_code_leakage']);
    expect(keys('Lakeshore')).toEqual(['critical:saas_adoption_erosion', 'critical:sponsor_not_engaged']);
    expect(keys('Granite')).toEqual(['critical:vbc_enrollment_too_small', 'critical:vbc_data_quality_drop', 'critical:vbc_target_above_benchmark']);
    expect(keys('Northwind')).toEqual(['critical:pmpm_guaranteed_revenue_trap', 'warning:sponsor_not_engaged']);
    expect(keys('Cascadia')).toEqual(['info:hybrid_switchover_phase']);
    expect(keys('Meridian')).toEqual(['warning:vbc_outcome_below_benchmark']);
    for (const healthy of ['Summit', 'Helix', 'Bayview']) expect(keys(healthy)).toEqual([]);
  });
});

describe('signals are data, not prose to be parsed', () => {
  it('every demo signal has a short headline, the evidence behind it, and a play as a summary with sentence steps', () => {
    const all = ['Riverbend', 'Summit', 'Northwind', 'Bayview', 'Lakeshore', 'Granite', 'Meridian', 'Cascadia', 'Helix'].flatMap((name) => signals(demoInsightInput(name)));
    expect(all.length).toBeGreaterThan(8);
    for (const signal of all) {
      expect(signal.headline).toMatch(/^[A-Z][^.]*[^.]$/);
      if (signal.headlineEvidence) expect(signal.evidence).toContain(signal.headlineEvidence);
      expect(signal.play.summary).toMatch(/^[A-Z].*\.$/);
      expect(signal.play.steps.length).toBeGreaterThan(0);
      for (const step of signal.play.steps) expect(step).toMatch(/^[A-Z].*\.$/);
    }
  });
});
