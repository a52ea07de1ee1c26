import { describe, expect, it } from 'vitest';
import { buildDemoPortfolio, DEMO_HISTORY_MONTHS } from '../../src/main/services/demo/demo-portfolio';
import { STREAM_TERMS_SCHEMAS } from '../../src/shared/api/schemas/stream-terms-schemas';
import { ARCHETYPES, PAYMENT_ENVIRONMENTS, REVENUE_MODELS } from '../../src/shared/framework/keys';
import {
  HYBRID_METRIC_KEYS,
  OUTCOME_METRIC_KEYS,
  PMPM_METRIC_KEYS,
  RPM_METRIC_KEYS,
  SAAS_METRIC_KEYS,
  VBC_METRIC_KEYS,
} from '../../src/shared/framework/metric-keys';
import { openTempBackend } from '../support/temp-backend';

const KNOWN_METRICS = new Set<string>([...RPM_METRIC_KEYS, ...PMPM_METRIC_KEYS, ...SAAS_METRIC_KEYS, ...VBC_METRIC_KEYS, ...HYBRID_METRIC_KEYS, ...OUTCOME_METRIC_KEYS]);

describe('demo portfolio', () => {
  const portfolio = buildDemoPortfolio('2026-11-15');

  it('covers all five revenue models and at least five payment environments across at least six accounts', () => {
    expect(portfolio.length).toBeGreaterThanOrEqual(6);
    const models = new Set(portfolio.flatMap((a) => a.streams.map((s) => s.revenueModel)));
    expect([...models].sort()).toEqual([...REVENUE_MODELS].sort());
    const environments = new Set(portfolio.flatMap((a) => a.streams.map((s) => s.paymentEnvironment)));
    expect(environments.size).toBeGreaterThanOrEqual(5);
    for (const environment of environments) expect(PAYMENT_ENVIRONMENTS).toContain(environment);
  });

  it('gives every account stakeholders mapped to real archetypes, and valid contract terms', () => {
    for (const account of portfolio) {
      expect(account.stakeholders.length, account.name).toBeGreaterThanOrEqual(2);
      for (const person of account.stakeholders) expect(ARCHETYPES).toContain(person.archetype);
      for (const stream of account.streams) expect(STREAM_TERMS_SCHEMAS[stream.revenueModel].safeParse(stream.terms).success).toBe(true);
    }
  });

  it('has 18 months of known, non-negative metrics ending with the last complete month', () => {
    for (const account of portfolio) {
      const months = [...new Set(account.observations.map((o) => o.month))].sort();
      expect(months).toHaveLength(DEMO_HISTORY_MONTHS);
      expect(months.at(-1)).toBe('2026-10');
      expect(months[0]).toBe('2025-05');
      for (const o of account.observations) {
        expect(KNOWN_METRICS.has(o.metricKey), o.metricKey).toBe(true);
        expect(Number.isFinite(o.value) && o.value >= 0, `${account.name} ${o.metricKey} ${o.value}`).toBe(true);
      }
    }
  });

  it('is deterministic for a given day', () => {
    expect(buildDemoPortfolio('2026-11-15')).toEqual(portfolio);
  });

  it('loads into a workspace in one go and is not duplicated by a second load', async () => {
    const ctx = await openTempBackend();
    try {
      const first = await ctx.backend.client.call('demo.load', {});
      expect(first.accountsCreated).toBe(portfolio.length);
      expect(first.observationsWritten).toBe(portfolio.reduce((n, a) => n + a.observations.length, 0));
      expect(await ctx.backend.client.call('demo.load', {})).toEqual({ accountsCreated: 0, stakeholdersCreated: 0, observationsWritten: 0 });
      const listed = await ctx.backend.client.call('accounts.list', {});
      expect(listed).toHaveLength(portfolio.length);
      expect(listed.find((a) => a.name === 'Meridian Commercial Health')?.revenueModels).toEqual(['pmpm_pepm', 'value_based']);
      expect(listed.every((a) => a.latestMetricMonth === '2026-10')).toBe(true);
    } finally {
      await ctx.cleanup();
    }
  });
});
