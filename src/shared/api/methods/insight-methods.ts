import { z } from 'zod';
import { defineMethod } from '../define-method';
import { noInputSchema } from '../schemas/common';
import {
  accountInsightsSchema,
  insightsAccountInputSchema,
  metricObservationSchema,
  metricsListInputSchema,
  metricsSaveMonthInputSchema,
  metricsSaveMonthResultSchema,
  portfolioInsightSchema,
} from '../schemas/insight-schemas';

export const insightMethods = {
  'metrics.list': defineMethod(metricsListInputSchema, z.array(metricObservationSchema), "An account's stored monthly observations, optionally within a month range."),
  'metrics.saveMonth': defineMethod(
    metricsSaveMonthInputSchema,
    metricsSaveMonthResultSchema,
    "Manual entry: sets (or, with null, removes) one stream-month's values; all are validated against the catalog first.",
  ),
  'insights.account': defineMethod(insightsAccountInputSchema, accountInsightsSchema, 'KPIs, health score and signals for one account and month.'),
  'insights.portfolio': defineMethod(noInputSchema, z.array(portfolioInsightSchema), 'Health score and worst signal per live account, for sorting the portfolio.'),
};
