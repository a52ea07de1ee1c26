import { describe, expect, it } from 'vitest';
import { formulaInWords } from '../../../src/shared/metrics/kpis/formula-words';
import { KPI_CATALOG } from '../../../src/shared/metrics/kpis/kpi-catalog';

/* The KPI definitions slide prints every formula in words: no metric key, per-code template or term path. */
describe('KPI formulas in words', () => {
  it('name no key for any KPI in the catalog', () => {
    const raw = KPI_CATALOG.map((kpi) => `${kpi.key}: ${formulaInWords(kpi.formula)}`).filter((line) => /:.*(\b[a-z0-9]+_[a-z0-9_]+\b|<\w+>|\bterms\.)/.test(line));
    expect(raw).toEqual([]);
  });

  it('read a per-code key as its metric, per CPT code', () => {
    expect(formulaInWords('Σ rpm_claims_denied_<code> ÷ Σ rpm_claims_submitted_<code>')).toBe('Σ claims denied per CPT code ÷ Σ claims submitted per CPT code');
  });
});
