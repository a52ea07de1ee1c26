import type { MetricFamily } from '../metric-observation';
import type { StreamReader } from '../stream-reader';
import type { KpiValue } from '../kpi-value';

/** The unit a KPI is expressed in. Fractions are 0-1 (0.42 = 42%); percents are 0-100 as stored. */
export type KpiUnit = 'fraction' | 'percent' | 'days' | 'usd' | 'count' | 'score';

/** A derived KPI: how to compute it for one stream and month from stored inputs. */
export interface KpiDefinition {
  key: string;
  label: string;
  family: MetricFamily;
  unit: KpiUnit;
  /** Whether a rising value is good news; drives trend wording and chart colouring. */
  higherIsBetter: boolean;
  /** The formula in words, for the README and tooltips. */
  formula: string;
  compute(reader: StreamReader, month: string): KpiValue;
}
