import type {
  ArchetypeKey,
  BelievableProofKind,
  PaymentEnvironmentKey,
  RevenueModelKey,
  ValueOrientationKey,
} from './keys';

/*
 * Stakeholder archetypes. Each profile corresponds to one row of one stakeholder table in the
 * framework (or, where marked `framework_narrative`, to a role the framework describes in prose).
 * Wording is ours; the roles, concerns and KPIs are the framework's.
 */

/** Where an archetype sits relative to the contract. */
export type ArchetypeSide = 'buyer' | 'end_user' | 'internal' | 'third_party';

export interface ArchetypeProfile {
  /** The revenue model whose stakeholder table this profile comes from. */
  model: RevenueModelKey;
  /** Present when the profile applies only under these buyer payment environments (e.g. pharma). */
  environments?: PaymentEnvironmentKey[];
  caresAbout: string[];
  valueDrivers: string[];
  kpis: string[];
}

export interface StakeholderArchetype {
  key: ArchetypeKey;
  name: string;
  typicalTitles: string[];
  side: ArchetypeSide;
  /** `framework_table` rows come from a stakeholder table; `framework_narrative` roles from the prose. */
  source: 'framework_table' | 'framework_narrative';
  /** Evidence this person finds convincing, strongest first. */
  believableProof: BelievableProofKind[];
  /** How to pitch evidence to this person, in a sentence the UI can show. */
  proofNote: string;
  /**
   * The orientation this person tends to judge the program by when the account itself is mixed
   * ('both'); absent when the person simply follows the account's orientation.
   */
  orientationLens?: Exclude<ValueOrientationKey, 'unknown'>;
  profiles: ArchetypeProfile[];
}

export const STAKEHOLDER_ARCHETYPES: readonly StakeholderArchetype[] = [
  {
    key: 'clinic_administrator',
    name: 'Clinic administrator / practice manager',
    typicalTitles: ['Clinic Administrator', 'Practice Manager'],
    side: 'buyer',
    source: 'framework_table',
    believableProof: ['dollar_figure', 'billing_compliance'],
    proofNote: 'Lead with money: revenue per enrolled patient and claims paid against claims submitted.',
    orientationLens: 'generating_revenue',
    profiles: [
      {
        model: 'cpt_rpm',
        caresAbout: ['Financial return on the program', 'Revenue the program adds to the practice'],
        valueDrivers: [
          'CPT reimbursement actually flowing',
          'Claims processed and paid',
          'Revenue collected close to revenue generated',
          'Few claim denials',
        ],
        kpis: [
          'Revenue per enrolled patient',
          'CPT claims submitted vs paid',
          'Denial rate and denial aging',
          'Share of eligible patients enrolled (%)',
        ],
      },
    ],
  },
  {
    key: 'provider_clinician',
    name: 'Providers (MDs, PAs, NPs, nurses)',
    typicalTitles: ['Physician', 'Physician Assistant', 'Nurse Practitioner', 'Nurse'],
    side: 'buyer',
    source: 'framework_table',
    believableProof: ['clinical_outcomes_with_statistics', 'workflow_adoption_time_saved'],
    proofNote: 'Show patient adherence and outcome movement, and prove the workflow costs them little time.',
    profiles: [
      {
        model: 'cpt_rpm',
        caresAbout: ['Patients sticking with monitoring', 'Clinical outcomes', 'Little disruption to their day'],
        valueDrivers: ['Better patient outcomes', 'Low-friction workflow', 'Clear view of each patient\'s adherence'],
        kpis: [
          'Average time to clinical target',
          'Patient adherence rate (active days / 30)',
          'Provider login frequency',
          'Prescription / enrollment rate per provider',
        ],
      },
    ],
  },
  {
    key: 'billing_rcm_staff',
    name: 'Billing / revenue-cycle staff',
    typicalTitles: ['Billing Manager', 'Revenue Cycle Manager', 'Coder'],
    side: 'buyer',
    source: 'framework_table',
    believableProof: ['billing_compliance'],
    proofNote: 'Show clean-claim and denial numbers per code, and that code selection is right.',
    orientationLens: 'generating_revenue',
    profiles: [
      {
        model: 'cpt_rpm',
        caresAbout: ['Accurate billing', 'Clean claims', 'Documentation that holds up in an audit'],
        valueDrivers: [
          'Charge-capture workflows that come pre-built',
          'Keeping denials low',
          'A complete documentation trail',
          'Choosing correctly between the short-duration and standard codes',
        ],
        kpis: [
          'First-pass claim acceptance rate',
          'Charge lag (days from service to claim submission)',
          'Days in A/R for RPM claims',
          'Code selection accuracy (99445 vs 99454)',
        ],
      },
    ],
  },
  {
    key: 'patient_member',
    name: 'Patients / members / employees (end users)',
    typicalTitles: ['Patient', 'Health plan member', 'Employee'],
    side: 'end_user',
    source: 'framework_table',
    believableProof: ['engagement_satisfaction_trends', 'clinical_outcomes_with_statistics'],
    proofNote: 'End users rarely sit in a QBR; their voice is shown through retention, completion and satisfaction trends.',
    profiles: [
      {
        model: 'cpt_rpm',
        caresAbout: ['Feeling better', 'Managing the condition without hassle', 'An easy experience'],
        valueDrivers: ['Health improvement they can notice', 'A simple daily routine', 'Support that answers quickly'],
        kpis: ['Device usage (days per month)', 'Patient-reported outcomes', 'Retention at 30/60/90 days', 'Support ticket volume'],
      },
      {
        model: 'pmpm_pepm',
        caresAbout: ['Easy access', 'Support that feels personal', 'Feeling healthier'],
        valueDrivers: ['Low-friction access', 'Content that is relevant to them', 'Personal improvement they can see', 'Confidence their privacy is respected'],
        kpis: ['Time to first engagement', 'Session frequency', 'Program completion rate', 'Self-reported outcomes', 'NPS'],
      },
      {
        model: 'value_based',
        caresAbout: ['Getting healthier', 'Care that feels coordinated', 'Support they can reach'],
        valueDrivers: ['Health gains they notice', 'A joined-up care experience', 'Responsive, personal support'],
        kpis: ['Clinical outcome achievement', 'Program completion rate', 'Consistency of engagement', 'NPS'],
      },
    ],
  },
  {
    key: 'cs_team_internal',
    name: 'Customer success team (internal)',
    typicalTitles: ['CSM', 'CS Director', 'VP Customer Success'],
    side: 'internal',
    source: 'framework_table',
    believableProof: ['leading_indicators'],
    proofNote: 'Our own team needs early-warning signals it can act on before the buyer sees a problem.',
    profiles: [
      {
        model: 'cpt_rpm',
        caresAbout: ['Portfolio health', 'Protecting revenue', 'Operations that scale'],
        valueDrivers: ['Proactive visibility into every account', 'Early warning on at-risk accounts', 'Engagement depth beyond the billing threshold'],
        kpis: [
          'Customer health score',
          'Net revenue retention',
          'Time to value (onboarding to first claim)',
          'Billable utilization rate',
          'Average device days per patient (not only billing eligibility)',
        ],
      },
      {
        model: 'pmpm_pepm',
        caresAbout: ['Being ready for renewal', 'Activation performance', 'Signals of expansion'],
        valueDrivers: ['A strong engagement story for each QBR', 'Activation playbooks that scale', 'Spotting risk early'],
        kpis: ['Customer health score', 'NRR and GRR', 'Time to value (contract to first activation wave)', 'Renewal forecast accuracy'],
      },
      {
        model: 'saas_license',
        caresAbout: ['Keeping the logo', 'ARR growth', 'Healthy adoption'],
        valueDrivers: ['Adoption across the licensed user base', 'Relationships with several stakeholders, not one', 'Efficient onboarding'],
        kpis: ['Logo retention rate', 'NRR', 'Time to go-live', 'User adoption rate', 'Expansion pipeline'],
      },
      {
        model: 'value_based',
        caresAbout: ['Capturing the performance payment', 'Hitting outcome targets', 'Renewing the contract'],
        valueDrivers: ['Live view of contract performance', 'Room to correct course before settlement', 'Clinical and data teams pulling the same way'],
        kpis: [
          'Performance payment realization (% of at-risk revenue earned)',
          'Outcome target achievement rate',
          'Member engagement rate',
          'Measurement readiness score',
        ],
      },
    ],
  },
  {
    key: 'health_plan_executive_sponsor',
    name: 'Health plan executive sponsor',
    typicalTitles: ['VP Clinical Programs', 'Chief Medical Officer'],
    side: 'buyer',
    source: 'framework_table',
    believableProof: ['matched_cohort_claims_validated', 'clinical_outcomes_with_statistics', 'dollar_figure'],
    proofNote: 'They must defend the spend to a board: bring cost of care for engaged members against a matched control, plus quality-measure lift.',
    orientationLens: 'reducing_costs',
    profiles: [
      {
        model: 'pmpm_pepm',
        caresAbout: ['Proof of ROI', 'Member outcomes', 'Differentiating the plan strategically'],
        valueDrivers: [
          'Avoided cost for engaged members',
          'Quality-measure gains (HEDIS / Star Ratings)',
          'Keeping members',
          'An impact story fit for the board',
        ],
        kpis: [
          'Total cost of care per engaged member vs matched control',
          'HEDIS measure lift',
          'Member retention (engaged vs not engaged)',
          'Contribution to Star Ratings',
        ],
      },
    ],
  },
  {
    key: 'health_plan_operational_lead',
    name: 'Health plan operational lead',
    typicalTitles: ['Director of Care Management'],
    side: 'buyer',
    source: 'framework_table',
    believableProof: ['engagement_satisfaction_trends', 'integration_uptime_security'],
    proofNote: 'They run the program day to day: engagement against target and a stable integration make them look good internally.',
    profiles: [
      {
        model: 'pmpm_pepm',
        caresAbout: ['How the program performs', 'Smooth operations', 'Their credibility inside the plan'],
        valueDrivers: ['Engagement rate on target', 'A stable integration', 'Internal stakeholders who are satisfied'],
        kpis: [
          'Member engagement rate (active users / eligible population)',
          '30-day member retention',
          'Integration uptime',
          'Executive sponsor attendance at QBRs',
        ],
      },
    ],
  },
  {
    key: 'employer_hr_benefits_leader',
    name: 'Employer HR / benefits leader',
    typicalTitles: ['VP Total Rewards', 'Benefits Director', 'HR Director'],
    side: 'buyer',
    source: 'framework_table',
    believableProof: ['engagement_satisfaction_trends', 'dollar_figure'],
    proofNote: 'Engagement trends and employee satisfaction convince them; keep the admin burden you place on them visible and small.',
    orientationLens: 'reducing_costs',
    profiles: [
      {
        model: 'pmpm_pepm',
        caresAbout: ['Return on benefits spend', 'Employees actually engaging', 'Less absenteeism'],
        valueDrivers: [
          'Engagement rates they can show',
          'Health impact that can be measured',
          'A benefits package that competes',
          'Little administrative work for HR',
        ],
        kpis: [
          'Employee enrollment rate',
          'Biometric improvement trends',
          'Healthcare cost trend vs benchmark',
          'Absenteeism',
          'HR hours per month spent managing the vendor',
        ],
      },
    ],
  },
  {
    key: 'buyer_cfo',
    name: 'Buyer CFO / finance leader',
    typicalTitles: ['CFO', 'VP Finance', 'Procurement lead'],
    side: 'buyer',
    source: 'framework_narrative',
    believableProof: ['dollar_figure'],
    proofNote: 'Finance wants one number with a dollar sign: savings, cost trend or revenue against what the program costs.',
    profiles: [
      {
        model: 'pmpm_pepm',
        environments: ['self_insured_employer'],
        caresAbout: ['Healthcare cost trend', 'Return on the per-employee spend', 'Productivity'],
        valueDrivers: ['A measurable improvement in cost trend', 'Visible employee engagement', 'A benefit that helps recruiting and retention'],
        kpis: ['Healthcare cost trend vs benchmark', 'ROI (savings vs program cost)', 'Productivity gains'],
      },
    ],
  },
  {
    key: 'platform_executive_sponsor',
    name: 'Platform executive sponsor',
    typicalTitles: ['CMIO', 'VP Population Health', 'VP Care Management'],
    side: 'buyer',
    source: 'framework_table',
    believableProof: ['dollar_figure', 'workflow_adoption_time_saved', 'clinical_outcomes_with_statistics'],
    proofNote: 'Translate usage into their language: cost per patient, quality-measure movement and care-manager capacity, not feature counts.',
    profiles: [
      {
        model: 'saas_license',
        caresAbout: ['Strategic ROI', 'Impact across the organisation', 'Their standing internally'],
        valueDrivers: [
          'Visible impact on quality measures, cost per patient or care-manager productivity',
          'Adoption across the licensed users',
          'An impact story ready for executives',
        ],
        kpis: [
          'ROI (quantified value vs annual investment)',
          'User adoption rate (% of licensed users active weekly)',
          'Breadth of feature utilization',
          'Contract expansion',
        ],
      },
    ],
  },
  {
    key: 'it_integration_lead',
    name: 'IT / integration lead',
    typicalTitles: ['IT Director', 'Integration Lead', 'EHR Analyst'],
    side: 'buyer',
    source: 'framework_table',
    believableProof: ['integration_uptime_security'],
    proofNote: 'Uptime, sync accuracy and clean security audits; they judge you by how little of their time you take.',
    profiles: [
      {
        model: 'saas_license',
        caresAbout: ['Technical success', 'Security compliance', 'Little ongoing work for IT'],
        valueDrivers: ['EHR integration that just works', 'Single sign-on', 'HIPAA / HITRUST certification', 'Low maintenance after launch'],
        kpis: ['EHR integration uptime', 'Data sync accuracy', 'Security audit pass rate', 'IT maintenance hours per month'],
      },
    ],
  },
  {
    key: 'clinical_end_user',
    name: 'Clinical end users',
    typicalTitles: ['Care Manager', 'Registered Nurse', 'Physician'],
    side: 'end_user',
    source: 'framework_table',
    believableProof: ['workflow_adoption_time_saved'],
    proofNote: 'Minutes saved per encounter and fewer clicks; any added friction sends them back to spreadsheets.',
    orientationLens: 'reducing_costs',
    profiles: [
      {
        model: 'saas_license',
        caresAbout: ['An efficient workflow', 'Ease of use', 'Saving time'],
        valueDrivers: ['Less administrative work', 'An interface that needs no manual', 'Functions that matter clinically'],
        kpis: ['Daily / weekly active users', 'Time saved per patient encounter', 'User satisfaction scores', 'Training completion rate'],
      },
    ],
  },
  {
    key: 'compliance_privacy_officer',
    name: 'Compliance / privacy officer',
    typicalTitles: ['Chief Compliance Officer', 'Privacy Officer', 'CISO'],
    side: 'buyer',
    source: 'framework_table',
    believableProof: ['integration_uptime_security'],
    proofNote: 'Zero incidents, clean audits and current certifications are the whole story for this person.',
    profiles: [
      {
        model: 'saas_license',
        caresAbout: ['Staying compliant', 'Reducing risk', 'Being ready for an audit'],
        valueDrivers: ['A signed BAA and a complete audit trail', 'Access controls that fit the roles', 'Vendor security certifications kept current'],
        kpis: ['Security incidents (target zero)', 'Audit findings', 'Access-control review compliance'],
      },
    ],
  },
  {
    key: 'health_plan_cfo_actuary',
    name: 'Health plan CFO / actuary',
    typicalTitles: ['CFO', 'Chief Actuary', 'Actuarial Director'],
    side: 'buyer',
    source: 'framework_table',
    believableProof: ['matched_cohort_claims_validated', 'dollar_figure', 'methodology_data_completeness'],
    proofNote: 'Only savings validated on claims against a matched cohort, with a transparent method, will be accepted.',
    orientationLens: 'reducing_costs',
    profiles: [
      {
        model: 'value_based',
        caresAbout: ['Cost savings that are demonstrated', 'Managing financial risk', 'Measurement they can trust'],
        valueDrivers: [
          'Lower total cost of care, validated by an independent analysis',
          'Risk protection with the downside capped',
          'A methodology that is open to inspection',
        ],
        kpis: ['TCOC trend vs benchmark', 'Gross savings generated', 'ROI (savings vs program cost)', 'Shared-savings payment validated'],
      },
    ],
  },
  {
    key: 'health_plan_clinical_lead',
    name: 'Health plan clinical lead',
    typicalTitles: ['Chief Medical Officer', 'VP Clinical Programs'],
    side: 'buyer',
    source: 'framework_table',
    believableProof: ['clinical_outcomes_with_statistics'],
    proofNote: 'Outcome data with proper statistics: sample size, comparison group and significance.',
    profiles: [
      {
        model: 'value_based',
        caresAbout: ['Reaching clinical outcomes', 'Better quality measures', 'Member safety'],
        valueDrivers: ['Contract clinical targets met', 'HEDIS / Star Rating gains', 'Interventions grounded in evidence', 'No adverse events'],
        kpis: [
          'Clinical goal achievement rate (% of engaged members at target)',
          'HEDIS measure lift',
          'Contribution to Star Ratings',
          'Adverse event rate',
        ],
      },
    ],
  },
  {
    key: 'independent_evaluator',
    name: 'Independent evaluator / third-party validator',
    typicalTitles: ['Independent evaluator', 'Third-party validator', 'Consulting actuary'],
    side: 'third_party',
    source: 'framework_table',
    believableProof: ['methodology_data_completeness'],
    proofNote: 'Complete data and an analysis plan fixed in advance; anything else becomes a dispute.',
    profiles: [
      {
        model: 'value_based',
        caresAbout: ['Rigorous method', 'Data integrity', 'Objectivity'],
        valueDrivers: ['Access to complete data', 'An analysis plan specified up front', 'Suitable statistical methods', 'An unbiased assessment'],
        kpis: ['Timeliness of measurement completion', 'Data completeness', 'Stakeholder acceptance of the findings'],
      },
    ],
  },
  {
    key: 'pharma_medical_affairs',
    name: 'Pharma medical affairs',
    typicalTitles: ['VP Medical Affairs', 'Medical Director', 'MSL lead'],
    side: 'buyer',
    source: 'framework_narrative',
    believableProof: ['adherence_real_world_evidence', 'clinical_outcomes_with_statistics'],
    proofNote: 'Real-world evidence they could publish or present: adherence and outcomes with a credible method.',
    profiles: [
      {
        model: 'saas_license',
        environments: ['pharma'],
        caresAbout: ['Real-world evidence about the therapy', 'Scientific credibility of the companion tool'],
        valueDrivers: ['Adherence and outcome data from real use', 'Evidence that supports medical communication'],
        kpis: ['Medication adherence rate', 'Patients contributing real-world data', 'Evidence outputs (analyses, publications)'],
      },
    ],
  },
  {
    key: 'pharma_brand_commercial',
    name: 'Pharma brand / commercial team',
    typicalTitles: ['Brand Director', 'Commercial Lead', 'Product Manager'],
    side: 'buyer',
    source: 'framework_narrative',
    believableProof: ['adherence_real_world_evidence', 'dollar_figure'],
    proofNote: 'Adherence and persistence improvements they can tie to prescriptions, plus prescriber engagement.',
    orientationLens: 'generating_revenue',
    profiles: [
      {
        model: 'saas_license',
        environments: ['pharma'],
        caresAbout: ['Patients staying on therapy', 'Prescriber engagement', 'Brand differentiation'],
        valueDrivers: ['Better adherence and persistence', 'Prescribers who use or recommend the companion', 'A companion experience competitors lack'],
        kpis: ['Medication adherence rate', 'Prescribers engaged', 'Patient activation on the companion tool'],
      },
    ],
  },
  {
    key: 'pharma_market_access',
    name: 'Pharma market access',
    typicalTitles: ['VP Market Access', 'Payer Relations Lead', 'HEOR Lead'],
    side: 'buyer',
    source: 'framework_narrative',
    believableProof: ['adherence_real_world_evidence', 'matched_cohort_claims_validated'],
    proofNote: 'Evidence payers will accept in formulary discussions: adherence and cost outcomes with a comparison group.',
    profiles: [
      {
        model: 'saas_license',
        environments: ['pharma'],
        caresAbout: ['Payer coverage for the therapy', 'Value evidence for formulary negotiations'],
        valueDrivers: ['Real-world adherence and outcome evidence', 'Cost-of-care data that strengthens the value dossier'],
        kpis: ['Medication adherence rate', 'Outcome and cost evidence generated', 'Evidence accepted by payers'],
      },
    ],
  },
  {
    key: 'pharma_rd',
    name: 'Pharma R&D',
    typicalTitles: ['Clinical Development Lead', 'Digital Endpoints Lead'],
    side: 'buyer',
    source: 'framework_narrative',
    believableProof: ['adherence_real_world_evidence', 'methodology_data_completeness'],
    proofNote: 'Data quality and completeness good enough for research use, with the method documented.',
    profiles: [
      {
        model: 'saas_license',
        environments: ['pharma'],
        caresAbout: ['Usable real-world data', 'Data quality', 'Insight for future development'],
        valueDrivers: ['Complete, well-documented data capture', 'Patient engagement sustained long enough to observe outcomes'],
        kpis: ['Data completeness', 'Patients contributing real-world data', 'Engagement persistence'],
      },
    ],
  },
];

/** Look up one archetype by key. */
export function archetype(key: ArchetypeKey): StakeholderArchetype {
  const found = STAKEHOLDER_ARCHETYPES.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`Unknown archetype ${key}`);
  return found;
}

/** The revenue models an archetype appears in (from its profiles). */
export function archetypeModels(key: ArchetypeKey): RevenueModelKey[] {
  return [...new Set(archetype(key).profiles.map((profile) => profile.model))];
}

/**
 * The profiles of an archetype relevant to a model and (optionally) the buyer's environment.
 * Environment-restricted profiles (pharma) apply only when the environment matches.
 */
export function archetypeProfiles(key: ArchetypeKey, model: RevenueModelKey, environment?: PaymentEnvironmentKey | null): ArchetypeProfile[] {
  return archetype(key).profiles.filter(
    (profile) => profile.model === model && (!profile.environments || (environment != null && profile.environments.includes(environment))),
  );
}

/** The stakeholder set of one model's framework table (pharma and narrative-only roles excluded). */
export function modelStakeholders(model: RevenueModelKey): ArchetypeKey[] {
  return STAKEHOLDER_ARCHETYPES.filter(
    (candidate) => candidate.source === 'framework_table' && candidate.profiles.some((profile) => profile.model === model && !profile.environments),
  ).map((candidate) => candidate.key);
}
