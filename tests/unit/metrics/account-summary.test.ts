import { describe, expect, it } from 'vitest';
import { buildDemoPortfolio } from '../../../src/main/services/demo/demo-portfolio';
import { addMonths } from '../../../src/shared/calendar';
import { computeAccountInsights, computeAccountSummary, currentKpiValues, currentKpiWindowStart, reportMonth, SUMMARY_WINDOW_MONTHS } from '../../../src/shared/metrics/account-insights';
import { DEMO_TODAY, demoInsightInput } from './demo-fixture';

const DEMO_NAMES = buildDemoPortfolio(DEMO_TODAY).map((account) => account.name);
// Earlier report months exercise missing history, hybrid families without data and quiet signals.
const MONTHS = [undefined, '2026-06', '2025-12'];

describe('the fast paths give exactly what computeAccountInsights gives', () => {
  it.each(DEMO_NAMES)('computeAccountSummary equals the portfolio fields of the full insights (%s)', (name) => {
    for (const asOfMonth of MONTHS) {
      const input = { ...demoInsightInput(name), ...(asOfMonth ? { asOfMonth } : {}) };
      const full = computeAccountInsights(input);
      expect(computeAccountSummary(input)).toEqual({ month: full.month, healthScore: full.health.score, worstSeverity: full.worstSeverity, signalCount: full.signals.length });
    }
  });

  it.each(DEMO_NAMES)('currentKpiValues equals the KPI table\'s current values, first stream with a value winning (%s)', (name) => {
    for (const asOfMonth of MONTHS) {
      const input = { ...demoInsightInput(name), ...(asOfMonth ? { asOfMonth } : {}) };
      const full = computeAccountInsights(input);
      const keys = new Set(full.streams.flatMap((stream) => stream.kpis.map((kpi) => kpi.key)));
      const expected: Record<string, number | null> = {};
      for (const stream of full.streams) for (const kpi of stream.kpis) if (expected[kpi.key] == null) expected[kpi.key] = kpi.current.value;
      expect(currentKpiValues(input, full.month, keys)).toEqual(expected);
    }
  });

  it.each(DEMO_NAMES)('computeAccountSummary reads only its window: the report month and the 12 before it (%s)', (name) => {
    const input = demoInsightInput(name);
    for (const month of ['2026-10', '2026-06', '2025-12']) {
      // What the health threads read: nothing after the report month, nothing older than the window.
      const upToMonth = { ...input, observations: input.observations.filter((o) => o.month <= month) };
      const report = reportMonth(upToMonth);
      const window = { ...upToMonth, observations: upToMonth.observations.filter((o) => o.month >= addMonths(report, 1 - SUMMARY_WINDOW_MONTHS)) };
      if (month === '2026-10') expect(window.observations.length).toBeLessThan(upToMonth.observations.length);
      expect(computeAccountSummary(window)).toEqual(computeAccountSummary(upToMonth));
    }
  });

  it.each(DEMO_NAMES)('currentKpiValues reads only from currentKpiWindowStart to the report month (%s)', (name) => {
    const input = demoInsightInput(name);
    for (const month of ['2026-10', '2026-06']) {
      const keys = new Set(computeAccountInsights({ ...input, asOfMonth: month }).streams.flatMap((stream) => stream.kpis.map((kpi) => kpi.key)));
      const from = currentKpiWindowStart(input.streams, month);
      const window = { ...input, observations: input.observations.filter((o) => o.month >= from && o.month <= month) };
      expect(currentKpiValues(window, month, keys)).toEqual(currentKpiValues(input, month, keys));
    }
  });
});
