import { describe, expect, it } from 'vitest';
import { buildDemoPortfolio } from '../../../src/main/services/demo/demo-portfolio';
import { addDays } from '../../../src/shared/calendar';
import { accountSummaryOn, computeAccountInsights, gatherAccountSummaryFacts, type AccountSummaryFacts } from '../../../src/shared/metrics/account-insights';
import { DEMO_TODAY, demoInsightInput } from './demo-fixture';

const DEMO_NAMES = buildDemoPortfolio(DEMO_TODAY).map((account) => account.name);

/*
 * The portfolio keeps an account's summary facts for a month and decides them again each day
 * (services/insights/portfolio-health.ts). Over every day from seven months before the demo's
 * today to fifteen after — renewals passing 180, 90 and 0 days away, sponsors passing 90 and 180
 * days since engaged, report months moving — the facts gathered once for the month, kept as JSON
 * and decided on the day give exactly the full insights of that day.
 */
const FIRST_DAY = addDays(DEMO_TODAY, -210);
const DAYS = 660;

describe('summary facts kept for a month, decided on each day', () => {
  it.each(DEMO_NAMES)('equal the full insights of every day (%s)', (name) => {
    const input = demoInsightInput(name);
    const kept = new Map<string, AccountSummaryFacts>();
    const outcomes = new Set<string>();
    for (let i = 0; i < DAYS; i++) {
      const today = addDays(FIRST_DAY, i);
      const thisMonth = today.slice(0, 7);
      if (!kept.has(thisMonth)) kept.set(thisMonth, JSON.parse(JSON.stringify(gatherAccountSummaryFacts({ ...input, thisMonth }))) as AccountSummaryFacts);
      const full = computeAccountInsights({ ...input, today });
      const expected = { month: full.month, healthScore: full.health.score, worstSeverity: full.worstSeverity, signalCount: full.signals.length };
      expect(accountSummaryOn(kept.get(thisMonth)!, today), today).toEqual(expected);
      outcomes.add(JSON.stringify([expected.healthScore, expected.worstSeverity, expected.signalCount]));
    }
    // The sweep is worth something only if the day changes the outcome within a month.
    expect(outcomes.size).toBeGreaterThan(kept.size);
  });
});
