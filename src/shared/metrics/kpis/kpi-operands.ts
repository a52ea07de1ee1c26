import type { MetricKey } from '../../framework/metric-keys';
import type { KpiOperand } from '../kpi-value';
import { defineKpi, type KpiDefinition, type KpiMeta } from './kpi-definition';
import type { StreamReader } from '../stream-reader';

/** The metric if observed, else the stream term of the same meaning (e.g. licensed seats from the contract). */
export function metricOrTerm(reader: StreamReader, metricKey: MetricKey, term: string, month: string): KpiOperand {
  const metric = reader.metric(metricKey, month);
  if (metric.input) return metric;
  const fromTerms = reader.term(term);
  return fromTerms.input ? fromTerms : metric;
}

/** Sum of the operands' values. */
export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** A KPI that is a stored metric as the source reports it (uptime %, NPS). */
export function reportedKpi(meta: Omit<KpiMeta, 'formula'>, metricKey: MetricKey): KpiDefinition {
  return defineKpi({ ...meta, formula: `${metricKey} as reported`, operands: (r, m) => [r.metric(metricKey, m)], calculate: ([value]) => value! });
}
