import { quantityOrMissing } from '../../format/quantity';
import type { InsightStakeholder, InsightStream } from '../insight-input';
import type { KpiValue } from '../kpi-value';
import type { StreamReader } from '../stream-reader';
import { findKpiDefinition } from '../kpis/kpi-catalog';
import type { EvidenceUnit, SignalDraft, SignalEvidence } from './signal';
import type { KpiKey } from '../kpis/kpi-definition';

/** What every signal rule may look at for one account and report month. */
export interface SignalContext {
  /** Report month, YYYY-MM. */
  month: string;
  /** Today, YYYY-MM-DD. */
  today: string;
  renewalDate: string | null;
  contractStartDate: string | null;
  stakeholders: readonly InsightStakeholder[];
  streams: readonly StreamSignalInput[];
}

/** The context without the day: what a rule may read once a month, whatever the date. */
export type SignalDataContext = Omit<SignalContext, 'today'>;

/**
 * A rule whose outcome turns on today's date (a renewal countdown, days since a sponsor was
 * engaged). It gathers what it needs from the data into plain JSON facts, which do not depend on
 * the day, then decides on a day from those facts alone — so the portfolio can keep the facts and
 * decide again each day without reading the data (services/insights/portfolio-health.ts).
 */
export interface DayRule<Facts> {
  gather(context: SignalDataContext): Facts;
  decide(facts: Facts, today: string): SignalDraft[];
}

/** One stream with its reader (for any month) and the keys of the KPIs that apply to it. */
export interface StreamSignalInput {
  stream: InsightStream;
  reader: StreamReader;
  /**
   * Keys of the stream's applicable KPIs (see kpiDefinitionsForStream). Rules read values through
   * the reader, so they need only which KPIs apply, not a computed KPI table with its history.
   */
  kpiKeys: ReadonlySet<string>;
}

/** A KPI of this stream at any month, computed exactly as the KPI table computes it. */
export function kpiValueAt(input: StreamSignalInput, kpiKey: KpiKey, month: string): KpiValue {
  const definition = findKpiDefinition(kpiKey);
  if (!definition) throw new Error(`Unknown KPI ${kpiKey}`);
  return definition.compute(input.reader, month);
}

/** Evidence built from a KPI value, carrying its inputs. */
export function kpiEvidence(label: string, value: KpiValue, unit: EvidenceUnit): SignalEvidence {
  return { label, value: value.value, unit, inputs: value.inputs };
}

/** A 0-1 fraction as a percent, written by the shared formatter. */
export function pct(fraction: number): string {
  return quantityOrMissing(fraction, 'fraction');
}

/** Dollars, written by the shared formatter. */
export function usd(amount: number): string {
  return quantityOrMissing(amount, 'usd');
}

/** A count with thousands separators, written by the shared formatter. */
export function count(value: number): string {
  return quantityOrMissing(value, 'count');
}
