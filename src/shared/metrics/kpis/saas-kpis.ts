import { computeKpi, safeDivide } from '../kpi-value';
import type { KpiDefinition } from './kpi-definition';
import { metricOrTerm } from './kpi-operands';

/* SaaS KPIs: clinician workflow adoption is the engagement gate. */

export const SAAS_KPIS: readonly KpiDefinition[] = [
  {
    key: 'saas_weekly_active_rate',
    label: 'Weekly active users ÷ licensed seats',
    family: 'saas',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'saas_weekly_active_users ÷ saas_licensed_seats (or terms.licensedSeats)',
    compute: (r, m) =>
      computeKpi('saas_weekly_active_users ÷ saas_licensed_seats', [r.metric('saas_weekly_active_users', m), metricOrTerm(r, 'saas_licensed_seats', 'licensedSeats', m)], ([wau, seats]) =>
        safeDivide(wau!, seats!),
      ),
  },
  {
    key: 'saas_integration_uptime_pct',
    label: 'Integration uptime',
    family: 'saas',
    unit: 'percent',
    higherIsBetter: true,
    formula: 'saas_integration_uptime_pct as reported',
    compute: (r, m) => computeKpi('saas_integration_uptime_pct', [r.metric('saas_integration_uptime_pct', m)], ([uptime]) => uptime!),
  },
];
