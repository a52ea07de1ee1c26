import type { BuyerTypeKey, CustomerSegmentKey, PaymentEnvironmentKey, StreamModelKey } from './keys';

/*
 * Customer segments and the targets a review should hold them to. Hospital, practice and
 * health-tech targets come from the generic healthcare CS framework; health plan, employer and pharma
 * metrics come from the revenue-model framework, which gives KPIs but no numeric targets, so those
 * targets are left null to be set per contract.
 */

/** How a target is expressed; the unit of min/max follows from it. */
export type TargetUnit =
  | 'percent_increase'
  | 'percent_reduction'
  | 'percent'
  | 'score'
  | 'minutes_per_day'
  | 'hours_per_month'
  | 'days'
  | 'count';

export interface SegmentTargetMetric {
  key: string;
  label: string;
  unit: TargetUnit;
  /** Lower bound of the target, or null when only an upper bound applies or none is set. */
  targetMin: number | null;
  /** Upper bound of the target range, or null when open-ended or not set. */
  targetMax: number | null;
  source: 'healthcare_cs_framework' | 'revenue_model_framework';
}

export interface CustomerSegment {
  key: CustomerSegmentKey;
  name: string;
  characteristics: string[];
  successFactors: string[];
  typicalBuyerTypes: BuyerTypeKey[];
  typicalModels: StreamModelKey[];
  typicalEnvironments: PaymentEnvironmentKey[];
  targetMetrics: SegmentTargetMetric[];
}

export const CUSTOMER_SEGMENT_CATALOG: readonly CustomerSegment[] = [
  {
    key: 'hospital_health_system',
    name: 'Hospital / health system',
    characteristics: [
      'Many departments and sites operating at scale',
      'Demanding integration with existing clinical systems',
      'High patient volumes and heavy data needs',
      'Close attention to efficiency and cost',
    ],
    successFactors: ['Seamless EHR integration', 'Leaner clinical workflows with less manual work', 'Thorough staff training', 'Tracking of patient-outcome gains'],
    typicalBuyerTypes: ['provider', 'risk_bearing_entity'],
    typicalModels: ['saas_license', 'cpt_rpm', 'value_based'],
    typicalEnvironments: ['provider_ffs', 'medicare_ffs', 'medicare_advantage', 'aco_shared_savings'],
    targetMetrics: [
      { key: 'patient_throughput_increase_pct', label: 'Patient throughput', unit: 'percent_increase', targetMin: 15, targetMax: 25, source: 'healthcare_cs_framework' },
      { key: 'manual_task_reduction_pct', label: 'Manual staff tasks', unit: 'percent_reduction', targetMin: 20, targetMax: 30, source: 'healthcare_cs_framework' },
      { key: 'patient_satisfaction_score', label: 'Patient satisfaction (NPS-style score)', unit: 'score', targetMin: 4.2, targetMax: null, source: 'healthcare_cs_framework' },
      { key: 'audit_success_pct', label: 'Regulatory audit success', unit: 'percent', targetMin: 100, targetMax: 100, source: 'healthcare_cs_framework' },
    ],
  },
  {
    key: 'physician_practice',
    name: 'Physician practice',
    characteristics: ['Smaller operation built on personal patient care', 'Little IT capacity or technical expertise', 'Tight finances and ROI-driven decisions'],
    successFactors: ['Implementation that barely disturbs existing workflows', 'ROI shown quickly', 'An interface clinicians find intuitive', 'Better patient communication and engagement'],
    typicalBuyerTypes: ['provider'],
    typicalModels: ['cpt_rpm', 'saas_license'],
    typicalEnvironments: ['medicare_ffs', 'provider_ffs', 'commercial_insurance'],
    targetMetrics: [
      { key: 'provider_time_saved_minutes_per_day', label: 'Provider time saved', unit: 'minutes_per_day', targetMin: 30, targetMax: 45, source: 'healthcare_cs_framework' },
      { key: 'patient_portal_usage_increase_pct', label: 'Patient portal usage', unit: 'percent_increase', targetMin: 40, targetMax: 60, source: 'healthcare_cs_framework' },
      { key: 'revenue_per_patient_increase_pct', label: 'Revenue per patient', unit: 'percent_increase', targetMin: 10, targetMax: 15, source: 'healthcare_cs_framework' },
      { key: 'patient_retention_pct', label: 'Patient retention', unit: 'percent', targetMin: 95, targetMax: null, source: 'healthcare_cs_framework' },
    ],
  },
  {
    key: 'health_tech_company',
    name: 'Health-tech company',
    characteristics: ['Innovation-led and technology-forward', 'Integrates with many healthcare platforms', 'Experienced with compliance', 'Focused on scaling and new markets'],
    successFactors: ['Strong, documented APIs', 'Healthcare compliance certifications', 'Co-development of new features', 'Support for market expansion'],
    typicalBuyerTypes: ['channel_partner'],
    typicalModels: ['saas_license'],
    typicalEnvironments: ['provider_ffs', 'commercial_insurance'],
    targetMetrics: [
      { key: 'partner_api_adoption_pct', label: 'Partner API adoption', unit: 'percent', targetMin: 90, targetMax: null, source: 'healthcare_cs_framework' },
      { key: 'compliance_audit_pass_pct', label: 'Compliance audit pass rate', unit: 'percent', targetMin: 100, targetMax: 100, source: 'healthcare_cs_framework' },
      { key: 'integration_deployment_days', label: 'Average integration deployment time', unit: 'days', targetMin: null, targetMax: 30, source: 'healthcare_cs_framework' },
      { key: 'revenue_acceleration_pct', label: 'Revenue growth impact', unit: 'percent_increase', targetMin: 20, targetMax: 30, source: 'healthcare_cs_framework' },
    ],
  },
  {
    key: 'health_plan',
    name: 'Health plan',
    characteristics: ['Pays for care of a member population', 'Judged on total cost of care and quality measures (HEDIS, Star Ratings)', 'Claims data lives with the plan'],
    successFactors: ['Member engagement on target', 'Cost of care for engaged members below a matched control', 'Quality-measure lift', 'A board-ready impact story'],
    typicalBuyerTypes: ['payer', 'risk_bearing_entity'],
    typicalModels: ['pmpm_pepm', 'value_based'],
    typicalEnvironments: ['medicare_advantage', 'medicaid_managed_care', 'commercial_insurance'],
    targetMetrics: [
      { key: 'member_engagement_rate_pct', label: 'Member engagement rate (active / eligible)', unit: 'percent', targetMin: null, targetMax: null, source: 'revenue_model_framework' },
      { key: 'tcoc_engaged_vs_control_pct', label: 'Total cost of care, engaged vs matched control', unit: 'percent_reduction', targetMin: null, targetMax: null, source: 'revenue_model_framework' },
      { key: 'hedis_measure_lift_pct', label: 'HEDIS measure lift', unit: 'percent_increase', targetMin: null, targetMax: null, source: 'revenue_model_framework' },
    ],
  },
  {
    key: 'employer',
    name: 'Employer',
    characteristics: ['Often self-insured, so claims cost hits its own P&L', 'Lean HR and benefits teams', 'CFO has the final say on renewal'],
    successFactors: ['Visible employee engagement', 'Measurable improvement in cost trend', 'Minimal HR administration', 'Competitive benefits positioning'],
    typicalBuyerTypes: ['employer'],
    typicalModels: ['pmpm_pepm'],
    typicalEnvironments: ['self_insured_employer'],
    targetMetrics: [
      { key: 'employee_enrollment_rate_pct', label: 'Employee enrolment rate', unit: 'percent', targetMin: null, targetMax: null, source: 'revenue_model_framework' },
      { key: 'cost_trend_vs_benchmark_pct', label: 'Healthcare cost trend vs benchmark', unit: 'percent_reduction', targetMin: null, targetMax: null, source: 'revenue_model_framework' },
      { key: 'hr_hours_per_month', label: 'HR hours per month managing the vendor', unit: 'hours_per_month', targetMin: null, targetMax: null, source: 'revenue_model_framework' },
    ],
  },
  {
    key: 'pharma',
    name: 'Pharmaceutical company',
    characteristics: ['Buys digital tools as companions to a therapy', 'Stakeholders are medical affairs, brand, market access and R&D', 'Value is indirect'],
    successFactors: ['Better adherence to therapy', 'Real-world evidence generated', 'Prescriber engagement'],
    typicalBuyerTypes: ['pharma'],
    typicalModels: ['saas_license'],
    typicalEnvironments: ['pharma'],
    targetMetrics: [
      { key: 'medication_adherence_pct', label: 'Medication adherence', unit: 'percent', targetMin: null, targetMax: null, source: 'revenue_model_framework' },
      { key: 'prescribers_engaged', label: 'Prescribers engaged', unit: 'count', targetMin: null, targetMax: null, source: 'revenue_model_framework' },
    ],
  },
];

/** Look up one customer segment. */
export function customerSegment(key: CustomerSegmentKey): CustomerSegment {
  const found = CUSTOMER_SEGMENT_CATALOG.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`Unknown customer segment ${key}`);
  return found;
}
