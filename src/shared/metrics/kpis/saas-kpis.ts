import { safeDivide } from '../kpi-value';
import { defineKpi, type KpiDefinition } from './kpi-definition';
import { metricOrTerm, reportedKpi } from './kpi-operands';

/* SaaS KPIs: clinician workflow adoption is the engagement gate. */

export const SAAS_KPIS: readonly KpiDefinition[] = [
  defineKpi({
    key: 'saas_weekly_active_rate',
    label: 'Weekly active users ÷ licensed seats',
    family: 'saas',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'saas_weekly_active_users ÷ saas_licensed_seats (or terms.licensedSeats)',
    operands: (r, m) => [r.metric('saas_weekly_active_users', m), metricOrTerm(r, 'saas_licensed_seats', 'licensedSeats', m)],
    calculate: ([wau, seats]) => safeDivide(wau!, seats!),
  }),
  reportedKpi({ key: 'saas_integration_uptime_pct', label: 'Integration uptime', family: 'saas', unit: 'percent', higherIsBetter: true }, 'saas_integration_uptime_pct'),
];
