import { HYBRID_STRUCTURE_CATALOG } from './hybrid-structures';
import type { ArchetypeKey, EngagementGateKey, RevenueModelKey, RevenuePathKey, ValueOrientationKey } from './keys';
import type { NumericRange } from './range';

/*
 * The five revenue models. Figures (contract lengths, lags, splits) are the framework's; where the
 * framework gives none, the value is our default and `*FromFramework` says so.
 */

export interface RevenueModelVariant {
  key: string;
  name: string;
  howPaid: string;
  /** What this variant changes about how CS must operate. */
  csImplication: string;
  /** Share of CS effort (0-100 %) on activation vs retention and outcomes, where the framework gives one. */
  csEffortSplitPct?: { activation: number; retentionAndOutcomes: number };
}

export interface FailurePattern {
  key: string;
  title: string;
  description: string;
  /** The signal that shows the pattern early enough to act. */
  earlyWarning: string;
}

export interface RevenueModel {
  key: RevenueModelKey;
  name: string;
  howPaid: string;
  variants: RevenueModelVariant[];
  /** Primary stakeholder archetypes; empty for hybrid, where it follows the dominant stream. */
  primaryStakeholders: ArchetypeKey[];
  primaryStakeholderNote: string;
  defaultOrientation: ValueOrientationKey;
  orientationNote: string;
  engagementGates: EngagementGateKey[];
  engagementGateNote: string;
  leadKpis: string[];
  /** Metric keys that measure the lead KPIs, where the metrics catalog has them. */
  leadMetricKeys: string[];
  /** Typical contract term in months; null when it varies with the streams. */
  typicalContractMonths: NumericRange | null;
  contractMonthsFromFramework: boolean;
  /** Months from engagement until the result that decides revenue can be measured. */
  measurementLagMonths: NumericRange | null;
  measurementLagNote: string;
  pathToRevenue: RevenuePathKey | 'varies_by_stream';
  failurePatterns: FailurePattern[];
}

const HYBRID_VARIANTS: RevenueModelVariant[] = HYBRID_STRUCTURE_CATALOG.map((structure) => ({
  key: structure.key,
  name: structure.name,
  howPaid: `Streams: ${structure.streamModels.join(' + ')}.`,
  csImplication: structure.whyComplex,
}));

export const REVENUE_MODEL_CATALOG: readonly RevenueModel[] = [
  {
    key: 'cpt_rpm',
    name: 'CPT code / remote patient monitoring reimbursement',
    howPaid:
      'Provider organisations enrol eligible patients, supply connected devices and bill payers RPM CPT codes; we are paid a platform or per-patient fee, or a share of the reimbursement they collect.',
    variants: [
      {
        key: 'platform_or_per_patient_fee',
        name: 'Platform license or per-patient fee',
        howPaid: 'The provider pays us a license or a fee per monitored patient and keeps the reimbursement.',
        csImplication: 'Our revenue is steadier, but the provider renews only if reimbursement and outcomes justify the fee.',
      },
      {
        key: 'revenue_share',
        name: 'Revenue share on CPT reimbursement',
        howPaid: 'We take an agreed share of the RPM reimbursement the provider collects.',
        csImplication:
          'Our revenue moves with billing volume, so CS owns enrolment, usage thresholds and billing capture, not only adoption.',
      },
    ],
    primaryStakeholders: ['clinic_administrator'],
    primaryStakeholderNote: 'The clinic administrator or practice manager owns the financial case.',
    defaultOrientation: 'generating_revenue',
    orientationNote:
      'New reimbursement revenue for fee-for-service providers; flips to cost avoidance when the buyer is capitated.',
    engagementGates: ['patient_activation_adherence', 'clinician_workflow_adoption'],
    engagementGateNote: 'Patients must use the device and providers must document and bill qualifying work; both gates at once.',
    leadKpis: ['Revenue per enrolled patient', 'Average device days per patient'],
    leadMetricKeys: ['rpm_enrolled_patients', 'rpm_device_days_total', 'rpm_claims_paid_99454', 'rpm_claims_paid_99445'],
    typicalContractMonths: { min: 12, max: 36 },
    contractMonthsFromFramework: false,
    measurementLagMonths: { min: 1, max: 1 },
    measurementLagNote: 'Each month a patient either produces a billable event or does not; revenue shows within the month.',
    pathToRevenue: 'monthly',
    failurePatterns: [
      {
        key: 'management_codes_not_billed',
        title: 'Management time done but never billed',
        description:
          'Device codes are billed but clinicians do not document qualifying interactions, so 99470/99457/99458 are lost; in the framework\'s example revenue ran 40% under plan until templates and training lifted it 65% in two months on the same panel.',
        earlyWarning: 'Management-code claims per enrolled patient far below device-code claims; provider logins falling.',
      },
      {
        key: 'billing_masks_shallow_engagement',
        title: 'Healthy billing hiding shallow engagement',
        description:
          'With a 2-day billing floor, billing eligibility trends to 100% while patients produce too little data to change outcomes; renewal risk builds unseen.',
        earlyWarning: 'A widening gap between billing eligibility rate and average device days per patient.',
      },
      {
        key: 'device_usage_decline',
        title: 'Device usage falling',
        description: 'Fewer device days this month means less billable revenue next month and weaker clinical data.',
        earlyWarning: 'Month-on-month drop in device days per patient or in 30/60/90-day retention.',
      },
    ],
  },
  {
    key: 'pmpm_pepm',
    name: 'Per member / per employee per month (PMPM / PEPM)',
    howPaid:
      'A recurring flat fee for each eligible health-plan member or employee, whatever their usage; pennies per member at national-payer scale, low single-digit dollars per employee for self-insured employers.',
    variants: [
      {
        key: 'population_pmpm',
        name: 'Traditional PMPM / PEPM on the eligible population',
        howPaid: 'Paid on the whole eligible population, independent of engagement.',
        csImplication: 'Revenue floats free of engagement until renewal; most CS effort goes to retention and outcomes.',
        csEffortSplitPct: { activation: 30, retentionAndOutcomes: 70 },
      },
      {
        key: 'enrollment_based',
        name: 'Enrollment- or engagement-based PMPM',
        howPaid: 'Paid only for members who enrol or cross an agreed engagement threshold, at a higher per-member price.',
        csImplication:
          'Every member who does not enrol is revenue that never arrives, so the effort split inverts toward activation and CS needs growth-marketing skills (outreach sequences, funnel optimisation, incentives, A/B tests).',
        csEffortSplitPct: { activation: 70, retentionAndOutcomes: 30 },
      },
    ],
    primaryStakeholders: ['health_plan_executive_sponsor', 'employer_hr_benefits_leader'],
    primaryStakeholderNote: 'The health plan executive sponsor, or the HR / benefits leader for employer contracts.',
    defaultOrientation: 'reducing_costs',
    orientationNote: 'The buyer expects cost avoidance and quality gains downstream, not new revenue.',
    engagementGates: ['patient_activation_adherence'],
    engagementGateNote: 'Members or employees must activate and stay engaged.',
    leadKpis: ['Member engagement rate', 'Total cost of care per engaged member vs control'],
    leadMetricKeys: ['pmpm_active_members', 'pmpm_eligible_members', 'outcome_matched_cohort_savings_usd'],
    typicalContractMonths: { min: 24, max: 36 },
    contractMonthsFromFramework: true,
    measurementLagMonths: { min: 6, max: 12 },
    measurementLagNote: 'Savings need claims data, which typically arrives 6-12 months late.',
    pathToRevenue: 'at_renewal',
    failurePatterns: [
      {
        key: 'guaranteed_revenue_trap',
        title: 'The guaranteed-revenue trap',
        description:
          'Invoices are paid whatever the engagement, so the team relaxes; at the 24-36 month review the sponsor cannot justify the spend and the loss feels sudden.',
        earlyWarning: 'Engagement stuck at a small share of the eligible population (e.g. 12-15%) with no outcomes story.',
      },
      {
        key: 'engagement_without_outcomes',
        title: 'Engagement data but no outcomes story',
        description: 'At renewal the buyer asks what was achieved and CS can only show activity.',
        earlyWarning: 'No outcome metric agreed with the buyer by the second QBR.',
      },
      {
        key: 'uncalibrated_benchmarks',
        title: 'Solid results judged against the wrong benchmark',
        description: 'In hard-to-reach populations a generic benchmark makes good performance look like failure.',
        earlyWarning: 'The buyer quotes a generic industry engagement rate the population cannot reach.',
      },
    ],
  },
  {
    key: 'saas_license',
    name: 'SaaS platform licensing',
    howPaid:
      'A subscription for platform access, usually annual or multi-year with separate implementation fees and often auto-renewal; priced per user, per entity or per module.',
    variants: [
      {
        key: 'per_user',
        name: 'Per-user license',
        howPaid: 'Priced per named clinician or care manager.',
        csImplication: 'Unused seats are visible shelf-ware at renewal; weekly active users against seats is the number to defend.',
      },
      {
        key: 'entity',
        name: 'Entity license',
        howPaid: 'A flat annual fee for enterprise-wide access.',
        csImplication: 'Adoption is not billed, so erosion stays hidden until procurement asks what the fee bought.',
      },
      {
        key: 'module',
        name: 'Module-based license',
        howPaid: 'A base platform plus add-on modules.',
        csImplication: 'Land-and-expand: proving value in one module earns the next.',
      },
    ],
    primaryStakeholders: ['platform_executive_sponsor'],
    primaryStakeholderNote: 'An executive sponsor such as the CMIO or VP of Care Management / Population Health.',
    defaultOrientation: 'reducing_costs',
    orientationNote:
      'Usually efficiency (reducing costs); generating revenue when the platform enables new billable services such as CCM or TCM.',
    engagementGates: ['clinician_workflow_adoption'],
    engagementGateNote: 'Clinicians and care managers must make it their primary workflow; patient-facing parts add the patient gate on top.',
    leadKpis: ['User adoption rate (% of licensed users active weekly)', 'ROI vs investment'],
    leadMetricKeys: ['saas_weekly_active_users', 'saas_licensed_seats'],
    typicalContractMonths: { min: 12, max: 36 },
    contractMonthsFromFramework: true,
    measurementLagMonths: { min: 3, max: 12 },
    measurementLagNote: 'Adoption shows within about three months of go-live; ROI is judged at renewal.',
    pathToRevenue: 'at_renewal',
    failurePatterns: [
      {
        key: 'slow_adoption_erosion',
        title: 'Slow erosion of adoption',
        description:
          'A successful launch decays to about a third of licensed users active weekly because integration friction sends care managers back to spreadsheets; procurement then cuts the contract (40% in the framework\'s example).',
        earlyWarning: 'Weekly active users under 50% of licensed seats by month three: a structural problem, not a training gap.',
      },
      {
        key: 'executive_sponsor_neglect',
        title: 'Executive sponsor left in the dark',
        description: 'CS over-invests in the satisfied operational lead while the budget holder sees no impact for months.',
        earlyWarning: 'No executive sponsor meeting in the last quarter.',
      },
      {
        key: 'shallow_ehr_integration',
        title: 'Shallow EHR integration',
        description: 'Copying data between systems adds clicks that time-poor clinicians will not tolerate.',
        earlyWarning: 'Integration uptime or sync accuracy issues; users reporting double entry.',
      },
    ],
  },
  {
    key: 'value_based',
    name: 'Value-based / outcomes-based contracts',
    howPaid:
      'Part or all of the fee depends on reaching clinical, engagement or cost targets agreed before launch, usually with a health plan, ACO or other risk-bearing entity.',
    variants: [
      {
        key: 'shared_savings',
        name: 'Shared savings',
        howPaid: 'We receive a percentage of the cost savings achieved.',
        csImplication: 'Savings must be proven on claims, so data access and actuarial partnership matter from day one.',
      },
      {
        key: 'performance_tiers',
        name: 'Outcomes-based performance tiers',
        howPaid: 'A base fee plus tiered bonuses (bronze, silver, gold) as clinical targets are reached.',
        csImplication: 'The base gives a floor; the tiers make target realism and trajectory tracking the key CS work.',
      },
      {
        key: 'pay_for_performance',
        name: 'Pay-for-performance',
        howPaid: 'Most or all payment depends on outcomes.',
        csImplication: 'No revenue floor: a missed target can mean zero revenue for the contract.',
      },
      {
        key: 'risk_corridors',
        name: 'Risk corridors',
        howPaid: 'Upside and downside are shared within agreed limits.',
        csImplication: 'Both sides carry bounded risk; the corridor bounds and measurement method must be exact.',
      },
    ],
    primaryStakeholders: ['health_plan_cfo_actuary'],
    primaryStakeholderNote: 'The health plan CFO or actuary decides whether savings are real.',
    defaultOrientation: 'reducing_costs',
    orientationNote: 'Cost reduction that must be proven, not assumed, before we are paid.',
    engagementGates: ['enrollment_volume_significance', 'patient_activation_adherence'],
    engagementGateNote: 'Enough members must enrol for the result to be statistically meaningful, and they must stay engaged.',
    leadKpis: ['Performance payment realization', 'Clinical goal achievement rate'],
    leadMetricKeys: ['vbc_earned_revenue_usd', 'vbc_at_risk_revenue_usd', 'vbc_members_at_clinical_target', 'vbc_engaged_members'],
    typicalContractMonths: { min: 36, max: 60 },
    contractMonthsFromFramework: true,
    measurementLagMonths: { min: 12, max: 24 },
    measurementLagNote: 'Clinical outcomes take 12-18 months; cost outcomes 18-24 months including claims runout.',
    pathToRevenue: 'measurement_period_18_24_months',
    failurePatterns: [
      {
        key: 'insufficient_enrollment_for_significance',
        title: 'Too few enrolled to prove anything',
        description:
          'Participants improve but the sample is too small for significance; the framework cites an $800K payment denied with 1,200 of 10,000 eligible members enrolled.',
        earlyWarning: 'Enrolment pace that will not reach the sample size the analysis plan needs.',
      },
      {
        key: 'unrealistic_targets',
        title: 'Targets set far above the benchmark',
        description:
          'Sales commits to, say, 70% of engaged members at target where the population benchmark is 35-40%; CS can excel and still fail the contract.',
        earlyWarning: 'Any contract target well above its stated benchmark, or with no benchmark at all.',
      },
      {
        key: 'undefined_risk_adjustment',
        title: 'Risk adjustment left vague',
        description:
          'When the population gets sicker for reasons the program did not cause, a vague "risk-adjusted" clause makes the vendor look like it failed.',
        earlyWarning: 'Contract names risk adjustment without a method, data sources, baseline and dispute process.',
      },
      {
        key: 'data_infrastructure_gap',
        title: 'Data gap discovered at settlement',
        description:
          'A claims-data gap (e.g. from a warehouse migration) goes unnoticed until the evaluator cannot validate savings and payment goes into dispute.',
        earlyWarning: 'Monthly drop in claims completeness, eligibility-file accuracy or unexpected risk-score movement.',
      },
      {
        key: 'no_revenue_floor',
        title: 'No revenue floor',
        description: 'In pure forms the performance payment can be zero; several underperforming contracts at once threaten the company.',
        earlyWarning: 'Share of revenue at risk across the portfolio rising while earned share lags.',
      },
    ],
  },
  {
    key: 'hybrid',
    name: 'Hybrid models',
    howPaid:
      'Two or more of the other models in one contract, typically a base fee that gives the vendor a floor plus a performance or usage component that gives the buyer accountability.',
    variants: HYBRID_VARIANTS,
    primaryStakeholders: [],
    primaryStakeholderNote: 'Follows the dominant revenue stream.',
    defaultOrientation: 'both',
    orientationNote: 'Streams can sit on opposite sides of the line; orient each stream separately.',
    engagementGates: ['patient_activation_adherence', 'clinician_workflow_adoption', 'enrollment_volume_significance'],
    engagementGateNote: 'The gate shifts as the contract moves through its phases and differs by stream.',
    leadKpis: ['Activation metrics early in the contract', 'Outcome and retention metrics later'],
    leadMetricKeys: ['hybrid_activated_users'],
    typicalContractMonths: null,
    contractMonthsFromFramework: false,
    measurementLagMonths: null,
    measurementLagNote: 'Each stream keeps its own lag: monthly for base fees, 18-24 months for shared savings.',
    pathToRevenue: 'varies_by_stream',
    failurePatterns: [
      {
        key: 'optimising_both_at_once',
        title: 'Trying to optimise conflicting streams at once',
        description: 'Pursuing breadth and targeting simultaneously without the buyer\'s choice leads to mediocre results on both.',
        earlyWarning: 'No recorded buyer decision on the trade-off between streams.',
      },
      {
        key: 'same_playbook_every_phase',
        title: 'One playbook for every phase',
        description: 'Running the month-one playbook through renewal underperforms at every stage of a phased contract.',
        earlyWarning: 'Activation still the only QBR topic after the switchover threshold was crossed.',
      },
      {
        key: 'upside_over_base',
        title: 'Chasing upside at the expense of the base',
        description: 'Neglecting base engagement and satisfaction for the performance component loses the whole contract at renewal.',
        earlyWarning: 'Base-stream engagement or sponsor satisfaction falling while effort shifts to the performance stream.',
      },
    ],
  },
];

/** Look up one revenue model. */
export function revenueModel(key: RevenueModelKey): RevenueModel {
  const found = REVENUE_MODEL_CATALOG.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`Unknown revenue model ${key}`);
  return found;
}
