import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempBackend } from '../support/temp-backend';

/*
 * The payment environment drives the app as it drives the deck (issue 12): a Medicare Advantage RPM
 * account's imported outcomes appear in the Metrics tab's data, health weighs outcomes rather than
 * claims capture, and its signals speak cost avoidance, not fee-for-service revenue.
 */

const MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];

describe('a Medicare Advantage RPM account in the app', () => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  beforeEach(async () => {
    ctx = await openTempBackend();
  });
  afterEach(async () => ctx.cleanup());

  /** An RPM account whose billing looks healthy while patients average 9 device days. */
  async function shallowRpmAccount(name: string, environment: 'medicare_advantage' | 'medicare_ffs', outcomes: boolean) {
    const account = await ctx.backend.client.call('accounts.create', { name, customerSegment: 'health_plan', buyerType: 'payer', renewalDate: '2027-06-30' });
    const stream = await ctx.backend.client.call('streams.create', {
      accountId: account.id,
      name: 'RPM per-patient fee',
      revenueModel: 'cpt_rpm',
      paymentEnvironment: environment,
      terms: { variant: 'per_patient_fee', perPatientMonthlyFeeUsd: 42 },
    });
    for (const [i, month] of MONTHS.entries()) {
      await ctx.backend.client.call('metrics.saveMonth', {
        accountId: account.id,
        streamId: stream.id,
        month,
        values: {
          rpm_enrolled_patients: 500,
          rpm_patients_2_15_days: 400,
          rpm_patients_16_30_days: 70,
          rpm_device_days_total: 4500,
          rpm_claims_submitted_99445: 400,
          rpm_claims_submitted_99454: 70,
          rpm_claims_submitted_99457: 120,
          rpm_claims_submitted_99470: 20,
          rpm_claims_denied_99457: 30,
          rpm_retention_90d_pct: 70,
          ...(outcomes
            ? {
                rpm_readmissions_monitored_pct: 9 - i * 0.2,
                rpm_readmissions_unmonitored_pct: 17,
                outcome_er_visits_avoided: 14 + i,
                outcome_readmission_cost_avoided_usd: 45_000 + i * 1_000,
                outcome_star_rating_measures: 2,
              }
            : {}),
        },
      });
    }
    return { accountId: account.id, streamId: stream.id };
  }

  it('shows its imported outcomes as the stream\'s lead metrics, readmissions and ER visits first', async () => {
    const { accountId, streamId } = await shallowRpmAccount('Harbor MA Plan', 'medicare_advantage', true);
    const insights = await ctx.backend.client.call('insights.account', { accountId });
    const story = insights.streams.find((stream) => stream.streamId === streamId)!.story;
    expect(story.orientation).toBe('reducing_costs');
    const latest = Object.fromEntries(story.leadMetrics.map((metric) => [metric.key, metric.latest?.value ?? null]));
    expect(latest).toMatchObject({
      outcome_er_visits_avoided: 19,
      rpm_readmissions_monitored_pct: 8,
      rpm_readmissions_unmonitored_pct: 17,
      outcome_readmission_cost_avoided_usd: 50_000,
      outcome_star_rating_measures: 2,
    });
    expect(story.leadMetrics[0]!.key).toBe('outcome_er_visits_avoided');
  });

  it('weighs readmissions avoided, not claims capture, in its health score', async () => {
    const { accountId } = await shallowRpmAccount('Harbor MA Plan', 'medicare_advantage', true);
    const ma = (await ctx.backend.client.call('insights.account', { accountId })).health.components.map((c) => c.key);
    expect(ma).toContain('readmission_reduction');
    expect(ma).not.toContain('management_capture');
    expect(ma).not.toContain('claims_health');
    const ffs = await shallowRpmAccount('Harbor Cardiology', 'medicare_ffs', true);
    const ffsComponents = (await ctx.backend.client.call('insights.account', { accountId: ffs.accountId })).health.components.map((c) => c.key);
    expect(ffsComponents).toContain('management_capture');
    expect(ffsComponents).toContain('claims_health');
  });

  it('warns in cost-avoidance terms, never only with the fee-for-service "revenue without clinical value" signal', async () => {
    const { accountId } = await shallowRpmAccount('Harbor MA Plan', 'medicare_advantage', false);
    const signals = (await ctx.backend.client.call('insights.account', { accountId })).signals;
    const keys = signals.map((signal) => signal.key);
    expect(keys).toContain('rpm_cost_avoidance_unmeasured');
    const shallow = signals.find((signal) => signal.key === 'rpm_billing_engagement_decoupling')!;
    expect(shallow.headline).toBe('Monitoring too shallow to prevent readmissions');
    expect(signals.map((signal) => `${signal.headline} ${signal.explanation}`).join(' ')).not.toMatch(/revenue without clinical value/);
    expect(keys).not.toContain('rpm_management_code_leakage');

    const ffs = await shallowRpmAccount('Harbor Cardiology', 'medicare_ffs', false);
    const ffsSignals = (await ctx.backend.client.call('insights.account', { accountId: ffs.accountId })).signals;
    expect(ffsSignals.find((signal) => signal.key === 'rpm_billing_engagement_decoupling')!.explanation).toMatch(/revenue without clinical value/);
    expect(ffsSignals.map((signal) => signal.key)).not.toContain('rpm_cost_avoidance_unmeasured');
  });
});
