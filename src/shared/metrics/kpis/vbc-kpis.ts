import { computeKpi, safeDivide } from '../kpi-value';
import type { KpiDefinition } from './kpi-definition';

/* Value-based KPIs: revenue is contingent on outcomes the evaluator can prove. */

export const VBC_KPIS: readonly KpiDefinition[] = [
  {
    key: 'vbc_performance_payment_realization',
    label: 'Performance-payment realization (earned ÷ at risk)',
    family: 'vbc',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'vbc_earned_revenue_usd ÷ vbc_at_risk_revenue_usd',
    compute: (r, m) =>
      computeKpi('vbc_earned_revenue_usd ÷ vbc_at_risk_revenue_usd', [r.metric('vbc_earned_revenue_usd', m), r.metric('vbc_at_risk_revenue_usd', m)], ([earned, atRisk]) =>
        safeDivide(earned!, atRisk!),
      ),
  },
  {
    key: 'vbc_clinical_goal_achievement_rate',
    label: 'Clinical goal achievement (at target ÷ engaged)',
    family: 'vbc',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'vbc_members_at_clinical_target ÷ vbc_engaged_members',
    compute: (r, m) =>
      computeKpi('vbc_members_at_clinical_target ÷ vbc_engaged_members', [r.metric('vbc_members_at_clinical_target', m), r.metric('vbc_engaged_members', m)], ([atTarget, engaged]) =>
        safeDivide(atTarget!, engaged!),
      ),
  },
  {
    key: 'vbc_enrollment_rate',
    label: 'Enrollment rate (enrolled ÷ eligible)',
    family: 'vbc',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'vbc_enrolled_members ÷ vbc_eligible_members',
    compute: (r, m) =>
      computeKpi('vbc_enrolled_members ÷ vbc_eligible_members', [r.metric('vbc_enrolled_members', m), r.metric('vbc_eligible_members', m)], ([enrolled, eligible]) =>
        safeDivide(enrolled!, eligible!),
      ),
  },
  {
    key: 'vbc_engagement_rate',
    label: 'Engaged share of enrolled',
    family: 'vbc',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'vbc_engaged_members ÷ vbc_enrolled_members',
    compute: (r, m) =>
      computeKpi('vbc_engaged_members ÷ vbc_enrolled_members', [r.metric('vbc_engaged_members', m), r.metric('vbc_enrolled_members', m)], ([engaged, enrolled]) =>
        safeDivide(engaged!, enrolled!),
      ),
  },
  {
    key: 'vbc_claims_completeness_pct',
    label: 'Claims-data completeness',
    family: 'vbc',
    unit: 'percent',
    higherIsBetter: true,
    formula: 'vbc_claims_completeness_pct as reported',
    compute: (r, m) => computeKpi('vbc_claims_completeness_pct', [r.metric('vbc_claims_completeness_pct', m)], ([pct]) => pct!),
  },
  {
    key: 'vbc_eligibility_accuracy_pct',
    label: 'Eligibility-file accuracy',
    family: 'vbc',
    unit: 'percent',
    higherIsBetter: true,
    formula: 'vbc_eligibility_accuracy_pct as reported',
    compute: (r, m) => computeKpi('vbc_eligibility_accuracy_pct', [r.metric('vbc_eligibility_accuracy_pct', m)], ([pct]) => pct!),
  },
];
