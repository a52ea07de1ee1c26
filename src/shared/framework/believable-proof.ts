import type { BelievableProofKind, PaymentEnvironmentKey, StreamModelKey, ValueOrientationKey } from './keys';
import { valueStory } from './value-story';
import { type MetricKey, rpmClaimMetricKeys } from './metric-keys';

/*
 * What counts as believable proof, and which metric keys can supply it per model. A stakeholder's
 * evidence gap is a requirement here whose metrics the account does not have.
 */

export interface BelievableProof {
  kind: BelievableProofKind;
  label: string;
  description: string;
}

export const BELIEVABLE_PROOF_CATALOG: readonly BelievableProof[] = [
  { kind: 'dollar_figure', label: 'A dollar figure', description: 'One number with a dollar sign: revenue gained, cost avoided or ROI against program cost.' },
  {
    kind: 'matched_cohort_claims_validated',
    label: 'Claims-validated savings against a matched cohort',
    description: 'Savings computed on claims data, comparing engaged members with a matched control group.',
  },
  {
    kind: 'clinical_outcomes_with_statistics',
    label: 'Clinical outcomes with statistical rigour',
    description: 'Outcome measures with a comparison group and a sample large enough to be meaningful.',
  },
  {
    kind: 'engagement_satisfaction_trends',
    label: 'Engagement and satisfaction trends',
    description: 'Enrolment, activity and satisfaction moving the right way over time.',
  },
  { kind: 'billing_compliance', label: 'Billing compliance', description: 'Claims submitted, paid and denied per code, with correct code selection.' },
  {
    kind: 'integration_uptime_security',
    label: 'Integration uptime and security',
    description: 'Integration availability, sync accuracy, audit results and security incidents.',
  },
  {
    kind: 'workflow_adoption_time_saved',
    label: 'Workflow adoption and time saved',
    description: 'How many clinicians use it every week and how much time it saves them.',
  },
  {
    kind: 'methodology_data_completeness',
    label: 'Sound method and complete data',
    description: 'A pre-specified analysis plan and evidence that the data feeding it is complete.',
  },
  {
    kind: 'adherence_real_world_evidence',
    label: 'Adherence and real-world evidence',
    description: 'Medication adherence and real-world outcome data generated through the companion tool.',
  },
  { kind: 'leading_indicators', label: 'Leading indicators', description: 'Early signals that predict revenue or renewal before the result is visible.' },
];

/** Look up one proof kind. */
export function believableProof(kind: BelievableProofKind): BelievableProof {
  const found = BELIEVABLE_PROOF_CATALOG.find((candidate) => candidate.kind === kind);
  if (!found) throw new Error(`Unknown proof kind ${kind}`);
  return found;
}

/**
 * One piece of evidence a proof kind needs. It is satisfied when every `allOf` key and at least one
 * `anyOf` key (if any are listed) are available.
 */
export interface EvidenceRequirement {
  key: string;
  need: string;
  allOf?: MetricKey[];
  anyOf?: MetricKey[];
  howToClose: string;
}

const RPM_PAID = rpmClaimMetricKeys('paid');
const RPM_MANAGEMENT_PAID: MetricKey[] = ['rpm_claims_paid_99470', 'rpm_claims_paid_99457', 'rpm_claims_paid_99458'];

const CLAIMS_SAVINGS: EvidenceRequirement = {
  key: 'matched_cohort_savings',
  need: 'Savings computed on claims against a matched control group',
  allOf: ['outcome_matched_cohort_savings_usd'],
  howToClose:
    'Agree a claims data-sharing arrangement and a matched-cohort method with the buyer\'s actuary or an independent evaluator.',
};

const SECURITY_INCIDENTS: EvidenceRequirement = {
  key: 'security_incidents',
  need: 'Security incident count',
  allOf: ['outcome_security_incidents'],
  howToClose: 'Report security incidents (including zero) from the security team each quarter.',
};

const DATA_COMPLETENESS: EvidenceRequirement = {
  key: 'claims_data_completeness',
  need: 'Evidence that the claims feed and eligibility file are complete',
  allOf: ['vbc_claims_completeness_pct', 'vbc_eligibility_accuracy_pct'],
  howToClose: 'Check claims completeness and eligibility-file accuracy every month from the first month of the contract.',
};

function dollarFigure(model: StreamModelKey, orientation: ValueOrientationKey, environment: PaymentEnvironmentKey | null): EvidenceRequirement[] {
  const revenueSide = orientation !== 'reducing_costs';
  const costSide = orientation !== 'generating_revenue';
  switch (model) {
    case 'cpt_rpm': {
      const needs: EvidenceRequirement[] = [];
      if (revenueSide) {
        needs.push({
          key: 'rpm_reimbursement_collected',
          need: 'Reimbursement actually paid, per enrolled patient',
          allOf: ['rpm_enrolled_patients'],
          anyOf: RPM_PAID,
          howToClose: 'Import paid-claim counts per CPT code from the practice\'s billing system or clearinghouse each month.',
        });
      }
      if (costSide) {
        needs.push({
          key: 'rpm_cost_avoided',
          need: 'Dollar value of readmissions and ER visits avoided',
          anyOf: ['outcome_readmission_cost_avoided_usd', 'outcome_matched_cohort_savings_usd'],
          howToClose:
            'Agree a cost per avoided readmission / ER visit with the buyer and get utilisation for monitored vs unmonitored patients from claims or the hospital\'s admission feed.',
        });
      }
      return needs;
    }
    case 'pmpm_pepm':
      return [
        {
          key: 'savings_vs_program_cost',
          need: 'Savings or cost-trend improvement in dollars against program cost',
          anyOf: ['outcome_matched_cohort_savings_usd', 'outcome_cost_trend_vs_benchmark_pct'],
          howToClose: 'Ask for the claims extract or the benefits consultant\'s cost-trend report, and propose a matched-cohort analysis.',
        },
      ];
    case 'saas_license': {
      const needs: EvidenceRequirement[] = [];
      const { concepts } = valueStory({ model, environment });
      if (environment === 'pharma') {
        // A drug maker's dollar figure is cost per patient supported on therapy, never clinician efficiency or CCM billing.
        return [
          {
            key: 'cost_per_patient_supported',
            need: 'Patients supported on the companion app, for the cost per patient',
            allOf: ['outcome_patients_on_platform'],
            howToClose: 'Report patients with an active companion-app account each month from our platform.',
          },
        ];
      }
      if (costSide && concepts.clinicianTimeSaved) {
        needs.push({
          key: 'efficiency_in_dollars',
          need: 'Time or cost saved, expressed in dollars',
          anyOf: ['outcome_time_saved_minutes_per_encounter', 'outcome_matched_cohort_savings_usd'],
          howToClose: 'Time a sample of encounters with and without the platform and value the minutes at the team\'s loaded hourly cost.',
        });
      }
      if (revenueSide && concepts.careManagementBilling) {
        needs.push({
          key: 'enabled_billing_revenue',
          need: 'Revenue from billable services the platform enables (e.g. CCM, TCM)',
          allOf: ['outcome_enabled_billing_revenue_usd'],
          howToClose: 'Get paid-claim totals for the care-management codes billed through the platform from the billing team.',
        });
      }
      return needs;
    }
    case 'value_based':
      return [{ ...CLAIMS_SAVINGS, key: 'validated_savings_usd', need: 'Savings in dollars, validated on claims' }];
  }
}

const REQUIREMENTS: Record<Exclude<BelievableProofKind, 'dollar_figure'>, Partial<Record<StreamModelKey, EvidenceRequirement[]>> & { any: EvidenceRequirement[] }> = {
  matched_cohort_claims_validated: {
    any: [CLAIMS_SAVINGS],
    value_based: [
      CLAIMS_SAVINGS,
      DATA_COMPLETENESS,
      {
        key: 'risk_score_trend',
        need: 'Risk-score trend so changes in population health are adjusted for',
        allOf: ['vbc_avg_risk_score'],
        howToClose: 'Get the plan\'s risk scores for the enrolled population monthly and watch for unexpected movement.',
      },
    ],
  },
  clinical_outcomes_with_statistics: {
    any: [
      {
        key: 'clinical_change',
        need: 'Measured clinical change (biometrics or quality measures)',
        anyOf: ['outcome_biometric_improvement_pct', 'outcome_hedis_measure_lift_pct'],
        howToClose: 'Agree outcome measures with the clinical lead and collect baseline and follow-up values.',
      },
    ],
    cpt_rpm: [
      {
        key: 'readmissions_monitored_vs_unmonitored',
        need: '30-day readmission rate for monitored vs unmonitored patients',
        allOf: ['rpm_readmissions_monitored_pct', 'rpm_readmissions_unmonitored_pct'],
        howToClose: 'Get discharge and readmission data from the EHR for monitored patients and a comparable unmonitored group.',
      },
      {
        key: 'rpm_sample_size',
        need: 'Number of enrolled patients behind the comparison',
        allOf: ['rpm_enrolled_patients'],
        howToClose: 'Report enrolled patients from the platform alongside every outcome figure.',
      },
    ],
    pmpm_pepm: [
      {
        key: 'clinical_change',
        need: 'Measured clinical change in engaged members (biometrics or HEDIS)',
        anyOf: ['outcome_biometric_improvement_pct', 'outcome_hedis_measure_lift_pct'],
        howToClose: 'Agree outcome measures with the plan\'s clinical lead and collect baseline and follow-up readings, or the plan\'s HEDIS data.',
      },
      {
        key: 'pmpm_sample_size',
        need: 'Engaged member count behind the outcome figures',
        allOf: ['pmpm_active_members'],
        howToClose: 'Report active members from the platform alongside every outcome figure.',
      },
    ],
    saas_license: [
      {
        key: 'quality_movement',
        need: 'Quality movement among managed patients (care gaps closed, measure lift)',
        anyOf: ['outcome_care_gaps_closed', 'outcome_hedis_measure_lift_pct'],
        howToClose: 'Report care gaps closed from the platform and ask quality for measure performance of managed patients.',
      },
    ],
    value_based: [
      {
        key: 'members_at_clinical_target',
        need: 'Share of engaged members at clinical target, with the sample size',
        allOf: ['vbc_members_at_clinical_target', 'vbc_engaged_members'],
        howToClose: 'Track members at target against engaged members monthly, using the contract\'s definition of the target.',
      },
    ],
  },
  engagement_satisfaction_trends: {
    any: [],
    cpt_rpm: [
      {
        key: 'device_days_per_patient',
        need: 'Average device days per enrolled patient',
        allOf: ['rpm_device_days_total', 'rpm_enrolled_patients'],
        howToClose: 'Export device transmission days and enrolled patients from the platform monthly.',
      },
      {
        key: 'rpm_retention',
        need: 'Patient retention over 30/60/90 days',
        anyOf: ['rpm_retention_30d_pct', 'rpm_retention_60d_pct', 'rpm_retention_90d_pct'],
        howToClose: 'Compute retention cohorts by enrolment month from platform data.',
      },
    ],
    pmpm_pepm: [
      {
        key: 'engagement_rate',
        need: 'Active members as a share of the eligible population',
        allOf: ['pmpm_active_members', 'pmpm_eligible_members'],
        howToClose: 'Get the eligible count from the buyer\'s eligibility file and active members from the platform.',
      },
      {
        key: 'member_satisfaction',
        need: 'Member satisfaction or early retention',
        anyOf: ['pmpm_nps', 'pmpm_retained_30d_members'],
        howToClose: 'Run an in-app NPS survey or report 30-day retention of new members.',
      },
    ],
    saas_license: [
      {
        key: 'weekly_active_share',
        need: 'Weekly active users against licensed seats',
        allOf: ['saas_weekly_active_users', 'saas_licensed_seats'],
        howToClose: 'Report weekly active users from product analytics against the seat count in the contract.',
      },
    ],
    value_based: [
      {
        key: 'engaged_share',
        need: 'Engaged members against enrolled members',
        allOf: ['vbc_engaged_members', 'vbc_enrolled_members'],
        howToClose: 'Apply the contract\'s engagement definition to platform data monthly.',
      },
    ],
  },
  billing_compliance: {
    any: [],
    cpt_rpm: [
      {
        key: 'claims_submitted',
        need: 'Claims submitted per RPM code',
        anyOf: rpmClaimMetricKeys('submitted'),
        howToClose: 'Get submitted-claim counts per code from the billing system each month.',
      },
      {
        key: 'claims_paid',
        need: 'Claims paid per RPM code',
        anyOf: RPM_PAID,
        howToClose: 'Get paid-claim counts per code from remittance data each month.',
      },
      {
        key: 'claims_denied',
        need: 'Claims denied per RPM code',
        anyOf: rpmClaimMetricKeys('denied'),
        howToClose: 'Get denial counts per code from remittance data to compute denial rate.',
      },
    ],
  },
  integration_uptime_security: {
    // Uptime is a platform-license measure (saas_integration_uptime_pct belongs to SaaS streams);
    // every model can show its security record.
    any: [SECURITY_INCIDENTS],
    saas_license: [
      {
        key: 'integration_uptime',
        need: 'Integration uptime',
        allOf: ['saas_integration_uptime_pct'],
        howToClose: 'Publish integration uptime from monitoring each month.',
      },
      SECURITY_INCIDENTS,
    ],
  },
  workflow_adoption_time_saved: {
    any: [
      {
        key: 'time_saved',
        need: 'Time saved per encounter',
        allOf: ['outcome_time_saved_minutes_per_encounter'],
        howToClose: 'Time a sample of encounters with and without the product.',
      },
    ],
    cpt_rpm: [
      {
        key: 'provider_logins',
        need: 'Provider login frequency',
        allOf: ['rpm_provider_logins'],
        howToClose: 'Report provider logins from platform analytics monthly.',
      },
    ],
    saas_license: [
      {
        key: 'weekly_active_share',
        need: 'Weekly active users against licensed seats',
        allOf: ['saas_weekly_active_users', 'saas_licensed_seats'],
        howToClose: 'Report weekly active users from product analytics against the seat count in the contract.',
      },
      {
        key: 'time_saved',
        need: 'Time saved per encounter',
        allOf: ['outcome_time_saved_minutes_per_encounter'],
        howToClose: 'Time a sample of encounters with and without the platform.',
      },
    ],
  },
  methodology_data_completeness: {
    // Outside outcomes contracts, method is shown with documents (analysis plan), not metrics.
    any: [],
    value_based: [DATA_COMPLETENESS],
  },
  adherence_real_world_evidence: {
    any: [
      {
        key: 'medication_adherence',
        need: 'Medication adherence among companion-tool users',
        allOf: ['outcome_medication_adherence_pct'],
        howToClose: 'Agree an adherence measure (e.g. refill-based) with the pharma partner and the data source for it.',
      },
    ],
  },
  leading_indicators: {
    any: [],
    cpt_rpm: [
      {
        key: 'device_days_per_patient',
        need: 'Average device days per enrolled patient',
        allOf: ['rpm_device_days_total', 'rpm_enrolled_patients'],
        howToClose: 'Export device transmission days and enrolled patients from the platform monthly.',
      },
      {
        key: 'management_codes_paid',
        need: 'Management-code claims paid (99470 / 99457 / 99458)',
        anyOf: RPM_MANAGEMENT_PAID,
        howToClose: 'Track management-code claims separately from device-supply claims.',
      },
    ],
    pmpm_pepm: [
      {
        key: 'engagement_rate',
        need: 'Active members as a share of the eligible population',
        allOf: ['pmpm_active_members', 'pmpm_eligible_members'],
        howToClose: 'Get the eligible count from the eligibility file and active members from the platform.',
      },
    ],
    saas_license: [
      {
        key: 'weekly_active_share',
        need: 'Weekly active users against licensed seats',
        allOf: ['saas_weekly_active_users', 'saas_licensed_seats'],
        howToClose: 'Report weekly active users from product analytics against the seat count.',
      },
    ],
    value_based: [
      {
        key: 'performance_payment_realisation',
        need: 'Performance revenue earned against revenue at risk',
        allOf: ['vbc_earned_revenue_usd', 'vbc_at_risk_revenue_usd'],
        howToClose: 'Track at-risk and earned amounts from the contract schedule and interim performance reports.',
      },
      DATA_COMPLETENESS,
    ],
  },
};

/** The evidence a proof kind needs for one stream's model, orientation and (when known) payment environment. */
export function evidenceRequirements(kind: BelievableProofKind, model: StreamModelKey, orientation: ValueOrientationKey, environment: PaymentEnvironmentKey | null = null): EvidenceRequirement[] {
  if (kind === 'dollar_figure') return dollarFigure(model, orientation, environment);
  const table = REQUIREMENTS[kind];
  return table[model] ?? table.any;
}

/** Whether the available metric keys satisfy a requirement. */
export function isRequirementMet(requirement: EvidenceRequirement, available: ReadonlySet<string>): boolean {
  const allOk = (requirement.allOf ?? []).every((key) => available.has(key));
  const anyOk = !requirement.anyOf || requirement.anyOf.length === 0 || requirement.anyOf.some((key) => available.has(key));
  return allOk && anyOk;
}
