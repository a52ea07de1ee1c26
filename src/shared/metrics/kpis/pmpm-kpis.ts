import { addMonths } from '../../calendar';
import { computeKpi, safeDivide } from '../kpi-value';
import { defineKpi, type KpiDefinition } from './kpi-definition';
import { metricOrTerm, reportedKpi } from './kpi-operands';

/* PMPM / PEPM KPIs. The eligible population is the denominator the buyer pays for. */

export const PMPM_KPIS: readonly KpiDefinition[] = [
  defineKpi({
    key: 'pmpm_engagement_rate',
    label: 'Engagement rate (active ÷ eligible)',
    family: 'pmpm',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'pmpm_active_members ÷ pmpm_eligible_members (or terms.eligiblePopulation)',
    operands: (r, m) => [r.metric('pmpm_active_members', m), metricOrTerm(r, 'pmpm_eligible_members', 'eligiblePopulation', m)],
    calculate: ([active, eligible]) => safeDivide(active!, eligible!),
  }),
  defineKpi({
    key: 'pmpm_enrollment_rate',
    label: 'Enrollment rate (enrolled ÷ eligible)',
    family: 'pmpm',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'pmpm_enrolled_members ÷ pmpm_eligible_members (or terms.eligiblePopulation)',
    operands: (r, m) => [r.metric('pmpm_enrolled_members', m), metricOrTerm(r, 'pmpm_eligible_members', 'eligiblePopulation', m)],
    calculate: ([enrolled, eligible]) => safeDivide(enrolled!, eligible!),
  }),
  defineKpi({
    key: 'pmpm_retention_30d_rate',
    label: '30-day retention',
    family: 'pmpm',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'pmpm_retained_30d_members ÷ pmpm_active_members of the previous month',
    operands: (r, m) => [r.metric('pmpm_retained_30d_members', m), r.metric('pmpm_active_members', addMonths(m, -1))],
    calculate: ([retained, previousActive]) => safeDivide(retained!, previousActive!),
  }),
  defineKpi({
    key: 'pmpm_active_share_of_enrolled',
    label: 'Active share of enrolled',
    family: 'pmpm',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'pmpm_active_members ÷ pmpm_enrolled_members',
    operands: (r, m) => [r.metric('pmpm_active_members', m), r.metric('pmpm_enrolled_members', m)],
    calculate: ([active, enrolled]) => safeDivide(active!, enrolled!),
  }),
  reportedKpi({ key: 'pmpm_nps', label: 'Member NPS', family: 'pmpm', unit: 'score', higherIsBetter: true }, 'pmpm_nps'),
  {
    key: 'pmpm_monthly_revenue_usd',
    label: 'Monthly contract revenue',
    family: 'pmpm',
    unit: 'usd',
    higherIsBetter: true,
    fee: true,
    formula: 'terms.ratePerMonthUsd × eligible members (× enrolled members when terms.enrollmentBased)',
    // The member count it multiplies depends on the contract variant, so each value names the one it used.
    compute: (r, m) => {
      const enrollmentBased = r.stream.terms.enrollmentBased === true;
      const base = enrollmentBased ? r.metric('pmpm_enrolled_members', m) : metricOrTerm(r, 'pmpm_eligible_members', 'eligiblePopulation', m);
      return computeKpi(`terms.ratePerMonthUsd × ${base.name}`, [r.term('ratePerMonthUsd'), base], ([rate, members]) => rate! * members!);
    },
  },
];
