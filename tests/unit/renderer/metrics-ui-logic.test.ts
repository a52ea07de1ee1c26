import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../src/shared/api/schemas/account-schemas';
import { chartJsConfig } from '../../../src/renderer/src/metrics/chart-js-config';
import { axisTitleLines } from '../../../src/renderer/src/metrics/chart-layout';
import { formatKpiChange, formatKpiValue } from '../../../src/renderer/src/metrics/metric-format';
import { entryMetrics, monthValuesChanges } from '../../../src/renderer/src/metrics/month-values-draft';
import { mappingFromChoices, type ColumnChoice } from '../../../src/renderer/src/metrics-import/column-roles';
import { sortByInsights, type PortfolioInsight } from '../../../src/renderer/src/portfolio/portfolio-sort';

const row = (id: string) => ({ id, name: id }) as AccountSummary;
const insight = (accountId: string, healthScore: number | null, worstSeverity: PortfolioInsight['worstSeverity'], signalCount = worstSeverity ? 1 : 0): PortfolioInsight => ({
  accountId,
  healthScore,
  worstSeverity,
  signalCount,
});

describe('portfolio sort by health and signals', () => {
  const rows = ['a', 'b', 'c', 'd'].map(row);
  const insights = new Map([
    ['a', insight('a', 80, null)],
    ['b', insight('b', null, 'warning')],
    ['c', insight('c', 20, 'critical', 2)],
    ['d', insight('d', 50, 'critical', 1)],
  ]);

  it('health ascending puts the lowest score first and accounts without a score last', () => {
    expect(sortByInsights(rows, insights, { key: 'health', direction: 'asc' }).map((r) => r.id)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('health descending still keeps accounts without a score last', () => {
    expect(sortByInsights(rows, insights, { key: 'health', direction: 'desc' }).map((r) => r.id)).toEqual(['a', 'd', 'c', 'b']);
  });

  it('signals descending puts critical first, more signals before fewer, and no signal last', () => {
    expect(sortByInsights(rows, insights, { key: 'signals', direction: 'desc' }).map((r) => r.id)).toEqual(['c', 'd', 'b', 'a']);
  });
});

describe('month values form', () => {
  const rpm = entryMetrics('cpt_rpm', ['cpt_rpm']);

  it('offers the model’s metrics and the outcome metrics, not other models’', () => {
    const keys = rpm.map((d) => d.key);
    expect(keys).toContain('rpm_enrolled_patients');
    expect(keys.some((k) => k.startsWith('outcome_'))).toBe(true);
    expect(keys.some((k) => k.startsWith('saas_'))).toBe(false);
  });

  it('saves edits, removes emptied stored values, and leaves untouched and never-stored fields alone', () => {
    const changes = monthValuesChanges(
      rpm,
      { rpm_enrolled_patients: '1,200', rpm_eligible_patients: '', rpm_device_days_total: '4284', rpm_patients_2_15_days: '' },
      { rpm_enrolled_patients: 1100, rpm_eligible_patients: 900, rpm_device_days_total: 4284 },
      'cpt_rpm',
    );
    expect(changes.values).toEqual({ rpm_enrolled_patients: 1200, rpm_eligible_patients: null });
    expect(changes.removed).toEqual(['rpm_eligible_patients']);
    expect(changes.errors).toEqual({});
  });

  it('refuses text, negative counts and percentages over 100 next to their fields', () => {
    const changes = monthValuesChanges(rpm, { rpm_enrolled_patients: 'many', rpm_eligible_patients: '-4', rpm_retention_90d_pct: '140' }, {}, 'cpt_rpm');
    expect(Object.keys(changes.errors).sort()).toEqual(['rpm_eligible_patients', 'rpm_enrolled_patients', 'rpm_retention_90d_pct']);
    expect(changes.values).toEqual({});
  });
});

describe('import column mapping', () => {
  const choice = (column: number, header: string, role: ColumnChoice['role'], metricKey: string | null = null): ColumnChoice => ({ column, header, role, metricKey, candidates: [] });

  it('builds a wide mapping from metric columns and drops ignored ones', () => {
    const result = mappingFromChoices(
      [choice(0, 'Account', 'account'), choice(1, 'Month', 'month'), choice(2, 'Enrolled', 'metric-column', 'rpm_enrolled_patients'), choice(3, 'Notes', 'ignored')],
      false,
    );
    expect(result).toEqual({ mapping: { format: 'wide', account: 0, stream: null, month: 1, metricColumns: [{ column: 2, metricKey: 'rpm_enrolled_patients' }] } });
  });

  it('builds a long mapping when a column holds metric keys, and needs no account column for a one-account import', () => {
    const result = mappingFromChoices([choice(0, 'metric', 'metric'), choice(1, 'month', 'month'), choice(2, 'value', 'value')], true);
    expect(result).toEqual({ mapping: { format: 'long', account: null, stream: null, metric: 0, month: 1, value: 2 } });
  });

  it('says what is missing: the month, a metric for a metric column, a second month column', () => {
    expect(mappingFromChoices([choice(0, 'Account', 'account'), choice(1, 'X', 'metric-column', 'rpm_enrolled_patients')], false)).toHaveProperty('problem');
    expect(mappingFromChoices([choice(0, 'Account', 'account'), choice(1, 'Month', 'month'), choice(2, 'X', 'metric-column')], false)).toEqual({
      problem: 'Choose which metric the column "X" holds, or ignore it.',
    });
    expect(mappingFromChoices([choice(0, 'Account', 'account'), choice(1, 'M1', 'month'), choice(2, 'M2', 'month')], false)).toHaveProperty('problem');
  });
});

describe('chart.js mapping of the shared chart spec, and number wording', () => {
  const spec = {
    id: 'rpm_engagement_vs_billing',
    type: 'combo' as const,
    title: 'Device days vs billing eligibility',
    labels: ['2026-07', '2026-08', '2026-09'],
    series: [
      { id: 'days', label: 'Average device days', values: [18, null, 10.5], unit: 'days' as const, render: 'line' as const },
      { id: 'eligible', label: 'Billing eligible', values: [0.96, 0.97, 0.97], unit: 'fraction' as const, render: 'bar' as const, axis: 'secondary' as const },
    ],
    axisTitles: { y: 'Days', y2: 'Share of patients' },
    targetLines: [{ label: 'Clinical threshold', value: 16, unit: 'days' as const }],
  };

  it('keeps a missing month as a gap (null, spanGaps off), never a zero', () => {
    const config = chartJsConfig(spec);
    const days = config.data.datasets.find((d) => d.label === 'Average device days')!;
    expect(days.data).toEqual([18, null, 10.5]);
    expect((days as { spanGaps?: boolean }).spanGaps).toBe(false);
  });

  it('draws bars under lines, puts the second unit on a right axis, and targets as dashed lines', () => {
    const config = chartJsConfig(spec);
    expect(config.data.datasets.map((d) => (d as { type?: string }).type)).toEqual(['bar', 'line', 'line']);
    expect((config.data.datasets[0] as { yAxisID?: string }).yAxisID).toBe('y2');
    const target = config.data.datasets[2] as { borderDash?: number[]; data: unknown[]; label?: string };
    expect(target.borderDash).toEqual([6, 4]);
    expect(target.data).toEqual([16, 16, 16]);
    expect(target.label).toBe('Clinical threshold (16 days)');
    const scales = config.options?.scales as Record<string, { ticks: { callback: (v: number) => string } }>;
    expect(scales.y2!.ticks.callback(0.5)).toBe('50%');
    expect(scales.y!.ticks.callback(16)).toBe('16 days');
  });

  it('breaks a long y-axis title between words into lines that fit the chart height, and keeps a short one whole', () => {
    const long = 'Management-code capture per device-billed patient';
    for (const height of [150, 200, 220]) {
      const lines = axisTitleLines(long, height);
      expect(lines.join(' ')).toBe(long);
      // Turned along the axis at 11 px, about 6.2 px a character: every line fits the plot (height less the x axis).
      for (const line of lines) expect(line.length * 6.2).toBeLessThanOrEqual(height - 55);
    }
    expect(axisTitleLines('Management-code capture per device-billed patient', 220)).toEqual(['Management-code capture', 'per device-billed patient']);
    expect(axisTitleLines('Score (0-100)', 150)).toEqual(['Score (0-100)']);
    const scales = chartJsConfig({ ...spec, axisTitles: { y: long, y2: 'Share of patients' } }, 200).options?.scales as Record<string, { title: { text: string[] } }>;
    expect(scales.y!.title.text).toEqual(axisTitleLines(long, 200));
    expect(scales.y2!.title.text).toEqual(['Share of patients']);
  });

  it('shows a missing KPI as "Not available", never 0, and a change that rounds away as ±0', () => {
    expect(formatKpiValue(null, 'fraction')).toBe('Not available');
    expect(formatKpiValue(0.97, 'fraction')).toBe('97%');
    const previous = { value: 0.97, formula: '', inputs: [], missingInputs: [] };
    expect(formatKpiChange({ fromMonth: '2026-07', previous, delta: -0.00001, relativeChange: 0 }, 'fraction')).toBe('±0 pts');
    expect(formatKpiChange({ fromMonth: '2026-07', previous, delta: 0.054, relativeChange: 0 }, 'fraction')).toBe('+5.4 pts');
  });
});
