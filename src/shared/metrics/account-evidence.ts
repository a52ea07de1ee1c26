import type { MetricKey } from '../framework/metric-keys';
import { findMetricDefinition } from './metric-catalog';
import type { ObservationIndex } from './metric-observation';

/*
 * The one rule for "what is this account's value of metric X for month M", as every slide asks it.
 * A stream's own figures (fees, members, claims paid) are read on that stream alone, with the
 * account-level value as fallback, and are never borrowed from or summed with another stream. A
 * metric whose catalog scope is 'account' (claims completeness, eligibility accuracy, risk score:
 * the buyer's data for the whole contract) is read across all of the account's streams, so a slide
 * about the PMPM base and one about the outcomes bonus quote the same figure. When two records of
 * it for the month differ, no slide picks one: the evidence is a conflict naming each.
 */

/** One recorded value and where it is stored. */
export interface EvidenceValue {
  /** The stream the value is stored on; '' for an account-level value. */
  streamId: string;
  value: number;
}

/** The account's evidence for one metric and month. */
export type MetricEvidence =
  | ({ status: 'recorded'; month: string } & EvidenceValue)
  | { status: 'conflict'; month: string; values: EvidenceValue[] }
  | { status: 'missing'; month: string };

/** True when the metric describes the account's contract rather than one stream (metric catalog `scope`). */
export function isAccountScopeMetric(metricKey: string): boolean {
  return findMetricDefinition(metricKey)?.scope === 'account';
}

/**
 * The value a slide about `streamId` may quote for `metricKey` in `month`.
 *
 * @example metricEvidence(index, ['pmpm-1', 'bonus-1'], 'pmpm-1', 'vbc_claims_completeness_pct', '2026-11')
 *   // { status: 'recorded', month: '2026-11', streamId: 'bonus-1', value: 98 }
 */
export function metricEvidence(index: ObservationIndex, streamIds: readonly string[], streamId: string, metricKey: MetricKey, month: string): MetricEvidence {
  if (!isAccountScopeMetric(metricKey)) {
    const found = index.get(streamId, metricKey, month) ?? index.get('', metricKey, month);
    return found ? { status: 'recorded', month, streamId: found.streamId, value: found.value } : { status: 'missing', month };
  }
  const values = ['', ...streamIds].flatMap((id): EvidenceValue[] => {
    const found = index.get(id, metricKey, month);
    return found ? [{ streamId: id, value: found.value }] : [];
  });
  if (values.length === 0) return { status: 'missing', month };
  if (values.some((candidate) => candidate.value !== values[0]!.value)) return { status: 'conflict', month, values };
  // Equal records agree; the slide's own stream is named first, then any stream, then the account-level copy.
  const named = values.find((candidate) => candidate.streamId === streamId) ?? values.find((candidate) => candidate.streamId !== '') ?? values[0]!;
  return { status: 'recorded', month, ...named };
}
