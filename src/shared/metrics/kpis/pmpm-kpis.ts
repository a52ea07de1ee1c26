import { addMonths } from '../../calendar';
import { computeKpi, safeDivide } from '../kpi-value';
import type { KpiDefinition } from './kpi-definition';
import { metricOrTerm } from './kpi-operands';

/* PMPM / PEPM KPIs. The eligible population is the denominator the buyer pays for. */

export const PMPM_KPIS: readonly KpiDefinition[] = [
  {
    key: 'pmpm_engagement_rate',
    label: 'Engagement rate (active ÷ eligible)',
    family: 'pmpm',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'pmpm_active_members ÷ pmpm_eligible_members (or terms.eligiblePopulation)',
    compute: (r, m) =>
      computeKpi('pmpm_active_members ÷ pmpm_eligible_members', [r.metric('pmpm_active_members', m), metricOrTerm(r, 'pmpm_eligible_members', 'eligiblePopulation', m)], ([active, eligible]) =>
        safeDivide(active!, eligible!),
      ),
  },
  {
    key: 'pmpm_enrollment_rate',
    label: 'Enrollment rate (enrolled ÷ eligible)',
    family: 'pmpm',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'pmpm_enrolled_members ÷ pmpm_eligible_members (or terms.eligiblePopulation)',
    compute: (r, m) =>
      computeKpi('pmpm_enrolled_members ÷ pmpm_eligible_members', [r.metric('pmpm_enrolled_members', m), metricOrTerm(r, 'pmpm_eligible_members', 'eligiblePopulation', m)], ([enrolled, eligible]) =>
        safeDivide(enrolled!, eligible!),
      ),
  },
  {
    key: 'pmpm_retention_30d_rate',
    label: '30-day retention',
    family: 'pmpm',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'pmpm_retained_30d_members ÷ pmpm_active_members of the previous month',
    compute: (r, m) =>
      computeKpi(
        'pmpm_retained_30d_members ÷ pmpm_active_members (previous month)',
        [r.metric('pmpm_retained_30d_members', m), r.metric('pmpm_active_members', addMonths(m, -1))],
        ([retained, previousActive]) => safeDivide(retained!, previousActive!),
      ),
  },
  {
    key: 'pmpm_active_share_of_enrolled',
    label: 'Active share of enrolled',
    family: 'pmpm',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'pmpm_active_members ÷ pmpm_enrolled_members',
    compute: (r, m) =>
      computeKpi('pmpm_active_members ÷ pmpm_enrolled_members', [r.metric('pmpm_active_members', m), r.metric('pmpm_enrolled_members', m)], ([active, enrolled]) =>
        safeDivide(active!, enrolled!),
      ),
  },
  {
    key: 'pmpm_nps',
    label: 'Member NPS',
    family: 'pmpm',
    unit: 'score',
    higherIsBetter: true,
    formula: 'pmpm_nps as reported',
    compute: (r, m) => computeKpi('pmpm_nps', [r.metric('pmpm_nps', m)], ([nps]) => nps!),
  },
  {
    key: 'pmpm_monthly_revenue_usd',
    label: 'Monthly contract revenue',
    family: 'pmpm',
    unit: 'usd',
    higherIsBetter: true,
    formula: 'terms.ratePerMonthUsd × eligible members (× enrolled members when terms.enrollmentBased)',
    compute: (r, m) => {
      const enrollmentBased = r.stream.terms.enrollmentBased === true;
      const base = enrollmentBased ? r.metric('pmpm_enrolled_members', m) : metricOrTerm(r, 'pmpm_eligible_members', 'eligiblePopulation', m);
      return computeKpi(`terms.ratePerMonthUsd × ${base.name}`, [r.term('ratePerMonthUsd'), base], ([rate, members]) => rate! * members!);
    },
  },
];
