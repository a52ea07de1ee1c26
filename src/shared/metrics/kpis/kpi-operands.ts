import type { KpiOperand } from '../kpi-value';
import type { StreamReader } from '../stream-reader';

/** The metric if observed, else the stream term of the same meaning (e.g. licensed seats from the contract). */
export function metricOrTerm(reader: StreamReader, metricKey: string, term: string, month: string): KpiOperand {
  const metric = reader.metric(metricKey, month);
  if (metric.input) return metric;
  const fromTerms = reader.term(term);
  return fromTerms.input ? fromTerms : metric;
}

/** Sum of the operands' values. */
export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
