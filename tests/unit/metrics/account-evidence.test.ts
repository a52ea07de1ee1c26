import { describe, expect, it } from 'vitest';
import { isAccountScopeMetric, metricEvidence } from '../../../src/shared/metrics/account-evidence';
import { indexObservations, type MetricObservation } from '../../../src/shared/metrics/metric-observation';
import type { MetricKey } from '../../../src/shared/framework/metric-keys';

/*
 * The one rule every slide uses for "this account's value of metric X in month M": a stream's own
 * figures are never borrowed from another stream; the contract's data-quality figures are read
 * across all streams, and two different records for the month are a conflict, not a pick.
 */

const NOV = '2026-11';
const STREAMS = ['pmpm', 'bonus', 'quality'];
const obs = (streamId: string, metricKey: MetricKey, value: number, month = NOV): MetricObservation => ({ streamId, metricKey, month, value });

describe('metricEvidence', () => {
  it('marks exactly the buyer-data metrics as account scope', () => {
    expect(['vbc_claims_completeness_pct', 'vbc_eligibility_accuracy_pct', 'vbc_avg_risk_score'].every(isAccountScopeMetric)).toBe(true);
    expect(isAccountScopeMetric('pmpm_enrolled_members')).toBe(false);
    expect(isAccountScopeMetric('vbc_earned_revenue_usd')).toBe(false);
  });

  it('reads an account-scope metric recorded on another stream, naming that stream', () => {
    const index = indexObservations([obs('bonus', 'vbc_claims_completeness_pct', 98)]);
    expect(metricEvidence(index, STREAMS, 'pmpm', 'vbc_claims_completeness_pct', NOV)).toEqual({ status: 'recorded', month: NOV, streamId: 'bonus', value: 98 });
    expect(metricEvidence(index, STREAMS, 'bonus', 'vbc_claims_completeness_pct', NOV)).toEqual({ status: 'recorded', month: NOV, streamId: 'bonus', value: 98 });
  });

  it('never borrows a per-stream figure (revenue, members) from another stream', () => {
    const index = indexObservations([obs('bonus', 'vbc_earned_revenue_usd', 120_000), obs('bonus', 'pmpm_enrolled_members', 900)]);
    expect(metricEvidence(index, STREAMS, 'pmpm', 'vbc_earned_revenue_usd', NOV)).toEqual({ status: 'missing', month: NOV });
    expect(metricEvidence(index, STREAMS, 'pmpm', 'pmpm_enrolled_members', NOV)).toEqual({ status: 'missing', month: NOV });
  });

  it('agreeing records are one value; differing records are a conflict listing each', () => {
    const agree = indexObservations([obs('bonus', 'vbc_eligibility_accuracy_pct', 96.6), obs('quality', 'vbc_eligibility_accuracy_pct', 96.6)]);
    expect(metricEvidence(agree, STREAMS, 'quality', 'vbc_eligibility_accuracy_pct', NOV)).toMatchObject({ status: 'recorded', streamId: 'quality', value: 96.6 });
    const differ = indexObservations([obs('bonus', 'vbc_claims_completeness_pct', 98), obs('quality', 'vbc_claims_completeness_pct', 91)]);
    const conflict = { status: 'conflict', month: NOV, values: [{ streamId: 'bonus', value: 98 }, { streamId: 'quality', value: 91 }] };
    expect(metricEvidence(differ, STREAMS, 'pmpm', 'vbc_claims_completeness_pct', NOV)).toEqual(conflict);
    expect(metricEvidence(differ, STREAMS, 'bonus', 'vbc_claims_completeness_pct', NOV)).toEqual(conflict);
  });

  it('a month nobody recorded is missing for that month, even with other months recorded', () => {
    const index = indexObservations([obs('bonus', 'vbc_claims_completeness_pct', 97, '2026-10')]);
    expect(metricEvidence(index, STREAMS, 'pmpm', 'vbc_claims_completeness_pct', NOV)).toEqual({ status: 'missing', month: NOV });
  });

  it('an account-level value counts as a record of the account', () => {
    const index = indexObservations([obs('', 'vbc_avg_risk_score', 1.18)]);
    expect(metricEvidence(index, STREAMS, 'pmpm', 'vbc_avg_risk_score', NOV)).toEqual({ status: 'recorded', month: NOV, streamId: '', value: 1.18 });
  });
});
