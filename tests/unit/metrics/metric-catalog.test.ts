import { describe, expect, it } from 'vitest';
import { METRIC_KEYS } from '../../../src/shared/framework/metric-keys';
import { findMetricDefinition, METRIC_CATALOG } from '../../../src/shared/metrics/metric-catalog';

describe('metric catalog', () => {
  it('defines every framework metric key exactly once and nothing else', () => {
    const keys = METRIC_CATALOG.map((definition) => definition.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...METRIC_KEYS].sort());
  });

  it('gives every definition a label, a definition sentence and a source', () => {
    for (const definition of METRIC_CATALOG) {
      expect(definition.label.length, definition.key).toBeGreaterThan(3);
      expect(definition.definition.length, definition.key).toBeGreaterThan(20);
      expect(definition.source.length, definition.key).toBeGreaterThan(3);
    }
  });

  it('names percent metrics with _pct and dollar metrics with _usd', () => {
    for (const definition of METRIC_CATALOG) {
      if (definition.key.endsWith('_pct')) expect(definition.unit, definition.key).toBe('percent');
      if (definition.key.endsWith('_usd')) expect(definition.unit, definition.key).toBe('usd');
    }
  });

  it('finds per-code claim keys and returns undefined for unknown keys', () => {
    expect(findMetricDefinition('rpm_claims_paid_99454')?.unit).toBe('count');
    expect(findMetricDefinition('rpm_claims_paid_99454')?.aggregation).toBe('sum');
    expect(findMetricDefinition('pmpm_nps')?.min).toBe(-100);
    expect(findMetricDefinition('saas_go_live_date')).toBeUndefined();
  });
});
