import { describe, expect, it } from 'vitest';
import { formatChartValue } from '../../../src/shared/charts/chart-spec';
import { healthComponentsChart, healthTrendChart, streamKpiCharts } from '../../../src/shared/charts/kpi-charts';
import { computeAccountInsights } from '../../../src/shared/metrics/account-insights';
import { demoInsightInput } from './demo-fixture';

describe('chart specs', () => {
  it('builds the RPM decoupling combo chart with months, both series, axes and the 16-day line', () => {
    const insights = computeAccountInsights(demoInsightInput('Riverbend'));
    const charts = streamKpiCharts(insights.streams[0]!);
    expect(charts.map((c) => c.id)).toEqual(['rpm_engagement_vs_billing', 'kpi_rpm_management_capture_rate', 'rpm_code_mix']);
    const combo = charts[0]!;
    expect(combo.type).toBe('combo');
    expect(combo.labels).toHaveLength(12);
    expect(combo.months?.at(-1)).toBe(insights.month);
    expect(combo.labels.at(-1)).toBe('Oct 2026');
    expect(combo.series.map((s) => [s.id, s.render, s.axis, s.unit])).toEqual([
      ['rpm_avg_device_days_per_patient', 'bar', 'primary', 'days'],
      ['rpm_billing_eligibility_rate', 'line', 'secondary', 'fraction'],
    ]);
    expect(combo.series[0]!.values).toHaveLength(12);
    expect(combo.targetLines).toEqual([{ label: '16-day tier (99454)', value: 16, unit: 'days', axis: 'primary' }]);
    expect(combo.axisTitles.y2).toBeDefined();
  });

  it('leads a Medicare Advantage RPM stream with the outcomes its story leads with, billing charts after', () => {
    const insights = computeAccountInsights(demoInsightInput('Summit'));
    const stream = insights.streams[0]!;
    const charts = streamKpiCharts(stream);
    const outcomeLeads = stream.story.leadMetrics.filter((m) => m.key.startsWith('outcome_') && m.history.filter((p) => p.value !== null).length >= 2);
    expect(outcomeLeads.length).toBeGreaterThan(0);
    expect(charts[0]!.id).toBe(`lead_${outcomeLeads[0]!.key}`);
    expect(charts[0]!.series[0]!.values).toEqual(outcomeLeads[0]!.history.map((p) => p.value));
    expect(charts[0]!.months).toEqual(outcomeLeads[0]!.history.map((p) => p.month));
    const billing = charts.findIndex((c) => c.id === 'rpm_code_mix' || c.id === 'kpi_rpm_management_capture_rate');
    expect(billing).toBeGreaterThan(charts.findIndex((c) => c.id.startsWith('lead_outcome_')));
    // A fee-for-service RPM stream still leads with engagement against billing, and no outcome chart replaces it.
    expect(streamKpiCharts(computeAccountInsights(demoInsightInput('Riverbend')).streams[0]!)[0]!.id).toBe('rpm_engagement_vs_billing');
  });

  it('keeps missing months as null, not 0', () => {
    const input = demoInsightInput('Lakeshore');
    const dropped = { ...input, observations: input.observations.filter((o) => !(o.month === '2026-08' && o.metricKey === 'saas_weekly_active_users')) };
    const chart = streamKpiCharts(computeAccountInsights(dropped).streams[0]!).find((c) => c.id === 'kpi_saas_weekly_active_rate')!;
    expect(chart.series[0]!.values[chart.months!.indexOf('2026-08')]).toBeNull();
    expect(chart.targetLines[0]).toMatchObject({ value: 0.5 });
  });

  it('adds contract target and benchmark lines for VBC and charts health', () => {
    const input = demoInsightInput('Granite');
    const insights = computeAccountInsights(input);
    const vbc = streamKpiCharts(insights.streams[0]!, input.streams[0]!.terms)[0]!;
    expect(vbc.targetLines.map((l) => [l.label, l.value])).toEqual([['Contract target', 0.7], ['Benchmark', 0.38]]);
    expect(healthTrendChart(insights.health).series[0]!.values).toHaveLength(6);
    const doughnut = healthComponentsChart(insights.health);
    expect(doughnut.type).toBe('doughnut');
    expect(doughnut.series[0]!.values.reduce((a, b) => a! + b!, 0)).toBeCloseTo(insights.health.score!, 0);
  });

  it('formats values the same way for both renderers', () => {
    expect(formatChartValue(0.4567, 'fraction')).toBe('46%');
    expect(formatChartValue(12345.6, 'usd')).toBe('$12,346');
    expect(formatChartValue(null, 'days')).toBe('Not available');
  });
});
