import { findMetricDefinition } from '../metric-catalog';
import { findKpiDefinition } from './kpi-catalog';
import { lowerFirst } from '../../text/sentence-case';

/*
 * KPI formulas are stated once with metric keys and contract-term names (kpi-definition.ts), so every
 * value can be traced to its inputs. People read them in words: this turns a formula into the labels
 * the metric catalog and the contract form use, for slides, chart notes and the app.
 */

/** Contract terms a formula may read, as the contract form names them. */
const TERM_WORDS: Readonly<Record<string, string>> = {
  eligiblePopulation: 'contracted eligible population',
  enrollmentBased: 'fees on enrolled members',
  licensedSeats: 'contracted seats',
  perPatientMonthlyFeeUsd: 'per-patient monthly fee',
  ratePerMonthUsd: 'contracted rate per member per month',
  revenueSharePct: 'revenue share %',
  switchoverThresholdUsers: 'switchover threshold (users)',
  variant: 'contract variant',
};

/** Any CPT code with a claim metric: its label names the family of a per-code key. */
const SAMPLE_CODE = '99454';

/** "camelCaseName" → "camel case name", for a term this table does not know. */
function spaced(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * The formula with every metric key and contract term in words.
 * @example formulaInWords('rpm_device_days_total ÷ rpm_enrolled_patients') // 'total device days ÷ enrolled patients'
 * @example formulaInWords('Σ rpm_claims_paid_<code>') // 'Σ claims paid per CPT code'
 */
export function formulaInWords(formula: string): string {
  return formula
    .replace(/\bterms\.([A-Za-z]+)/g, (_, name: string) => TERM_WORDS[name] ?? spaced(name))
    // A key per CPT code ("rpm_claims_paid_<code>"): the metric's label, "per CPT code".
    .replace(/\b([a-z][a-z0-9]*(?:_[a-z0-9]+)*)_<code>/g, (_, stem: string) => {
      const label = findMetricDefinition(`${stem}_${SAMPLE_CODE}`)?.label;
      return `${label ? lowerFirst(label.replace(/ – CPT \d+$/, '')) : stem.replace(/_/g, ' ')} per CPT code`;
    })
    .replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g, (key) => {
      const label = findMetricDefinition(key)?.label;
      return label ? lowerFirst(label) : key.replace(/_/g, ' ');
    });
}

/** A KPI's formula in words as the deck's KPI definitions slide prints it (the catalog's formula, else the value's own). */
export function kpiFormulaInWords(kpi: { key: string; current: { formula: string } }): string {
  return formulaInWords(findKpiDefinition(kpi.key)?.formula ?? kpi.current.formula);
}
