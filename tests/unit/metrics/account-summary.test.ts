import { describe, expect, it } from 'vitest';
import { buildDemoPortfolio } from '../../../src/main/services/demo/demo-portfolio';
import { computeAccountInsights, computeAccountSummary, currentKpiValues } from '../../../src/shared/metrics/account-insights';
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
});
