import { z } from 'zod';
import type { AccountInsights } from '../../metrics/account-insights';
import { idSchema } from './common';

/*
 * Shapes of the metrics and insights methods. The insight payload is produced by the pure engine in
 * src/shared/metrics, whose types stay the single source of truth for the nested KPI, health and
 * signal detail; inputs are validated strictly here.
 */

/** A calendar month, YYYY-MM. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month like 2026-09');

export const metricsListInputSchema = z
  .object({ accountId: idSchema, fromMonth: monthSchema.optional(), toMonth: monthSchema.optional() })
  .strict();

export const metricObservationSchema = z.object({
  streamId: z.string(),
  metricKey: z.string(),
  month: z.string(),
  value: z.number(),
  source: z.string(),
  updatedAt: z.string(),
});
export type MetricObservationRecord = z.infer<typeof metricObservationSchema>;

export const metricsSaveMonthInputSchema = z
  .object({
    accountId: idSchema,
    /** The stream the values belong to, or '' for account-level values. */
    streamId: z.string().max(64),
    month: monthSchema,
    /** Metric key → value; null removes the stored value. */
    values: z.record(z.string().min(1).max(100), z.number().finite().nullable()),
  })
  .strict();

export const metricsSaveMonthResultSchema = z.object({ written: z.number().int(), removed: z.number().int() });

export const insightsAccountInputSchema = z.object({ accountId: idSchema, asOfMonth: monthSchema.optional() }).strict();

const severitySchema = z.enum(['critical', 'warning', 'info']);

/** The engine's account insights plus the account id; typed from the engine, checked only for shape at the top. */
export const accountInsightsSchema = z.custom<AccountInsights & { accountId: string }>(
  (value) => typeof value === 'object' && value !== null && 'health' in value && 'signals' in value && 'streams' in value,
  'Expected account insights',
);

export const portfolioInsightSchema = z.object({
  accountId: idSchema,
  healthScore: z.number().nullable(),
  worstSeverity: severitySchema.nullable(),
  signalCount: z.number().int(),
});
/** An account's row of `insights.portfolio` (and the health a first screen's list row brings). */
export type PortfolioInsight = z.infer<typeof portfolioInsightSchema>;
