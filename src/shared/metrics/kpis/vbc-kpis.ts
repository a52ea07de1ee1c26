import { safeDivide } from '../kpi-value';
import { defineKpi, type KpiDefinition } from './kpi-definition';
import { reportedKpi } from './kpi-operands';

/* Value-based KPIs: revenue is contingent on outcomes the evaluator can prove. */

export const VBC_KPIS: readonly KpiDefinition[] = [
  defineKpi({
    key: 'vbc_performance_payment_realization',
    label: 'Performance-payment realization (earned ÷ at risk)',
    family: 'vbc',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'vbc_earned_revenue_usd ÷ vbc_at_risk_revenue_usd',
    operands: (r, m) => [r.metric('vbc_earned_revenue_usd', m), r.metric('vbc_at_risk_revenue_usd', m)],
    calculate: ([earned, atRisk]) => safeDivide(earned!, atRisk!),
  }),
  defineKpi({
    key: 'vbc_clinical_goal_achievement_rate',
    label: 'Clinical goal achievement (at target ÷ engaged)',
    family: 'vbc',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'vbc_members_at_clinical_target ÷ vbc_engaged_members',
    operands: (r, m) => [r.metric('vbc_members_at_clinical_target', m), r.metric('vbc_engaged_members', m)],
    calculate: ([atTarget, engaged]) => safeDivide(atTarget!, engaged!),
  }),
  defineKpi({
    key: 'vbc_enrollment_rate',
    label: 'Enrollment rate (enrolled ÷ eligible)',
    family: 'vbc',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'vbc_enrolled_members ÷ vbc_eligible_members',
    operands: (r, m) => [r.metric('vbc_enrolled_members', m), r.metric('vbc_eligible_members', m)],
    calculate: ([enrolled, eligible]) => safeDivide(enrolled!, eligible!),
  }),
  defineKpi({
    key: 'vbc_engagement_rate',
    label: 'Engaged share of enrolled',
    family: 'vbc',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'vbc_engaged_members ÷ vbc_enrolled_members',
    operands: (r, m) => [r.metric('vbc_engaged_members', m), r.metric('vbc_enrolled_members', m)],
    calculate: ([engaged, enrolled]) => safeDivide(engaged!, enrolled!),
  }),
  reportedKpi({ key: 'vbc_claims_completeness_pct', label: 'Claims-data completeness', family: 'vbc', unit: 'percent', higherIsBetter: true }, 'vbc_claims_completeness_pct'),
  reportedKpi({ key: 'vbc_eligibility_accuracy_pct', label: 'Eligibility-file accuracy', family: 'vbc', unit: 'percent', higherIsBetter: true }, 'vbc_eligibility_accuracy_pct'),
];
