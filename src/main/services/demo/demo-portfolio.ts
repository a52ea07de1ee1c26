import type { ArchetypeKey, BuyerTypeKey, CustomerSegmentKey, PaymentEnvironmentKey, RevenueModelKey, RpmCode } from '../../../shared/framework/keys';
import type { StreamTerms } from '../../../shared/api/schemas/stream-terms-schemas';
import { addDays, addMonths, monthsEndingAt, quarterOf } from '../../../shared/calendar';
import type { CommitmentKind, CommitmentOwnerSide, CommitmentStatus } from '../../../shared/commitments/commitment';
import type { KpiKey } from '../../../shared/metrics/kpis/kpi-definition';
import { rpmClaimMetricKey, type MetricKey } from '../../../shared/framework/metric-keys';

/*
 * The built-in demo portfolio: nine fictional accounts that together cover every revenue model and
 * every payment environment, each with a story from the framework's failure patterns so signals,
 * health and decks have something real to say. Generated deterministically from a reference day.
 */

export interface DemoStream<M extends RevenueModelKey = RevenueModelKey> {
  key: string;
  name: string;
  revenueModel: M;
  paymentEnvironment: PaymentEnvironmentKey;
  terms: StreamTerms[M];
}

export interface DemoStakeholder {
  archetype: ArchetypeKey;
  personName: string;
  title: string;
  email: string;
  communicationPreference: string;
  successDefinition: string;
  lastEngagedDaysAgo: number | null;
  isExecutiveSponsor?: boolean;
  isBudgetHolder?: boolean;
}

export interface DemoObservation {
  /** Key of the stream within the demo account, or '' for account-level values. */
  streamKey: string;
  metricKey: MetricKey;
  month: string;
  value: number;
}

/**
 * A commitment the last quarterly review made, as the demo tells it: days are relative to the
 * demo's reference day, and the owner is a stakeholder of the account by name, or us.
 */
export interface DemoCommitment {
  kind: CommitmentKind;
  text: string;
  ownerSide: CommitmentOwnerSide;
  /** The stakeholder who owns it (by name), or null when the owner is our side alone. */
  stakeholderName: string | null;
  ownerName: string;
  dueInDays: number;
  status: CommitmentStatus;
  outcomeNote: string;
}

/** A success-plan goal; `metricKey` names the KPI that measures it. */
export interface DemoGoal {
  title: string;
  metricKey: KpiKey;
  target: number;
  /** Months before the last complete month the goal started (its baseline month). */
  startedMonthsAgo: number;
  dueInDays: number;
}

export interface DemoAccount {
  name: string;
  customerSegment: CustomerSegmentKey;
  buyerType: BuyerTypeKey;
  notes: string;
  renewalDate: string;
  contractStartDate: string;
  streams: DemoStream[];
  stakeholders: (DemoStakeholder & { lastEngagedOn: string | null })[];
  observations: DemoObservation[];
  /** Raised in `commitmentsQuarter`, last quarter's review. */
  commitments: (Omit<DemoCommitment, 'dueInDays'> & { dueDate: string })[];
  /** The quarter before the one the demo's current decks cover: what they look back on. */
  commitmentsQuarter: string;
  goals: (Omit<DemoGoal, 'startedMonthsAgo' | 'dueInDays'> & { startMonth: string; dueDate: string })[];
}

/** Months of history the demo carries for every account. */
export const DEMO_HISTORY_MONTHS = 18;

/**
 * Builds the demo portfolio as of `today` (YYYY-MM-DD): 18 months of metrics ending with the
 * last complete month, renewals and last-engaged dates relative to today.
 */
export function buildDemoPortfolio(today: string): DemoAccount[] {
  const lastMonth = addMonths(today.slice(0, 7), -1);
  const months = monthsEndingAt(lastMonth, DEMO_HISTORY_MONTHS);
  return DEMO_STORIES.map((story, index) => {
    const random = seededRandom(index + 1);
    const stakeholders = story.stakeholders.map((person) => ({
      ...person,
      lastEngagedOn: person.lastEngagedDaysAgo === null ? null : addDays(today, -person.lastEngagedDaysAgo),
    }));
    const observations = months.flatMap((month, i) =>
      story.metrics(i / (months.length - 1), random).map((m) => ({ ...m, month, value: roundFor(m.metricKey, m.value) })),
    );
    return {
      name: story.name,
      customerSegment: story.customerSegment,
      buyerType: story.buyerType,
      notes: story.notes,
      renewalDate: addDays(today, story.renewalInDays),
      contractStartDate: addDays(today, -story.contractStartedDaysAgo),
      streams: story.streams,
      stakeholders,
      observations,
      commitments: (story.commitments ?? []).map(({ dueInDays, ...c }) => ({ ...c, dueDate: addDays(today, dueInDays) })),
      // The current decks cover the quarter of the last complete month; last quarter is the one before.
      commitmentsQuarter: quarterOf(addMonths(lastMonth, -3)),
      goals: (story.goals ?? []).map(({ startedMonthsAgo, dueInDays, ...g }) => ({ ...g, startMonth: addMonths(lastMonth, -startedMonthsAgo), dueDate: addDays(today, dueInDays) })),
    };
  });
}

interface DemoStory {
  name: string;
  customerSegment: CustomerSegmentKey;
  buyerType: BuyerTypeKey;
  notes: string;
  renewalInDays: number;
  contractStartedDaysAgo: number;
  streams: DemoStream[];
  stakeholders: DemoStakeholder[];
  /** Metric values for one month; `t` runs from 0 (oldest month) to 1 (latest). */
  metrics: (t: number, random: () => number) => Omit<DemoObservation, 'month'>[];
  /** What last quarter's review committed to, and what became of it. */
  commitments?: DemoCommitment[];
  goals?: DemoGoal[];
}

const lerp = (from: number, to: number, t: number) => from + (to - from) * t;

interface RpmShape {
  streamKey: string;
  enrolled: [number, number];
  averageDeviceDays: [number, number];
  /** Share of enrolled patients with at least 2 device days (billing-eligible). */
  billingEligibleShare: number;
  /** Share of device-billed patients whose management time is documented and billed. */
  managementCapture: [number, number];
  readmissionsMonitoredPct: [number, number];
  readmissionsUnmonitoredPct: number;
}

function rpmMonth(shape: RpmShape, t: number, random: () => number): Omit<DemoObservation, 'month'>[] {
  const noise = (spread: number) => 1 + (random() - 0.5) * spread;
  const enrolled = Math.round(lerp(...shape.enrolled, t) * noise(0.04));
  const averageDays = lerp(...shape.averageDeviceDays, t) * noise(0.05);
  const billable = Math.round(enrolled * shape.billingEligibleShare);
  // Patients reaching 16+ days grows with average usage; the rest of the billable panel sits at 2-15.
  const sixteenPlus = Math.round(billable * Math.min(0.95, Math.max(0.05, (averageDays - 6) / 18)));
  const twoToFifteen = billable - sixteenPlus;
  const newPatients = Math.round(enrolled * 0.08 * noise(0.3));
  const management = Math.round(billable * lerp(...shape.managementCapture, t) * noise(0.06));
  const additionalTime = Math.round(management * 0.3);
  const briefTime = Math.round(billable * 0.12 * noise(0.2));
  const claims: [RpmCode, number][] = [
    ['99453', newPatients],
    ['99445', twoToFifteen],
    ['99454', sixteenPlus],
    ['99470', briefTime],
    ['99457', management],
    ['99458', additionalTime],
  ];
  const k = shape.streamKey;
  return [
    { streamKey: k, metricKey: 'rpm_eligible_patients', value: Math.round(shape.enrolled[1] * 2.4) },
    { streamKey: k, metricKey: 'rpm_enrolled_patients', value: enrolled },
    { streamKey: k, metricKey: 'rpm_patients_2_15_days', value: twoToFifteen },
    { streamKey: k, metricKey: 'rpm_patients_16_30_days', value: sixteenPlus },
    { streamKey: k, metricKey: 'rpm_device_days_total', value: Math.round(enrolled * averageDays) },
    ...claims.flatMap(([code, submitted]) => {
      const denied = Math.round(submitted * 0.04 * noise(0.5));
      return [
        { streamKey: k, metricKey: rpmClaimMetricKey('submitted', code), value: submitted },
        { streamKey: k, metricKey: rpmClaimMetricKey('paid', code), value: submitted - denied },
        { streamKey: k, metricKey: rpmClaimMetricKey('denied', code), value: denied },
      ];
    }),
    { streamKey: k, metricKey: 'rpm_provider_logins', value: Math.round(enrolled * 0.9 * noise(0.1)) },
    { streamKey: k, metricKey: 'rpm_retention_30d_pct', value: Math.min(99, lerp(88, 90, t) * noise(0.02)) },
    { streamKey: k, metricKey: 'rpm_retention_60d_pct', value: Math.min(99, (averageDays * 2.4 + 40) * noise(0.02)) },
    { streamKey: k, metricKey: 'rpm_retention_90d_pct', value: Math.min(99, (averageDays * 2.6 + 28) * noise(0.02)) },
    { streamKey: k, metricKey: 'rpm_readmissions_monitored_pct', value: lerp(...shape.readmissionsMonitoredPct, t) * noise(0.06) },
    { streamKey: k, metricKey: 'rpm_readmissions_unmonitored_pct', value: shape.readmissionsUnmonitoredPct * noise(0.05) },
  ];
}

interface PopulationShape {
  streamKey: string;
  eligible: number;
  enrolledShare: [number, number];
  activeShareOfEnrolled: [number, number];
  nps: [number, number];
}

function pmpmMonth(shape: PopulationShape, t: number, random: () => number): Omit<DemoObservation, 'month'>[] {
  const noise = (spread: number) => 1 + (random() - 0.5) * spread;
  const enrolled = Math.round(shape.eligible * lerp(...shape.enrolledShare, t) * noise(0.03));
  const active = Math.round(enrolled * lerp(...shape.activeShareOfEnrolled, t) * noise(0.04));
  const k = shape.streamKey;
  return [
    { streamKey: k, metricKey: 'pmpm_eligible_members', value: shape.eligible },
    { streamKey: k, metricKey: 'pmpm_enrolled_members', value: enrolled },
    { streamKey: k, metricKey: 'pmpm_active_members', value: active },
    { streamKey: k, metricKey: 'pmpm_retained_30d_members', value: Math.round(active * 0.78 * noise(0.05)) },
    { streamKey: k, metricKey: 'pmpm_program_completions', value: Math.round(active * 0.06 * noise(0.3)) },
    { streamKey: k, metricKey: 'pmpm_nps', value: lerp(...shape.nps, t) * noise(0.05) },
  ];
}

interface SaasShape {
  seats: number;
  weeklyActiveShare: [number, number];
  modules: number;
  uptimePct: [number, number];
}

function saasMonth(shape: SaasShape, t: number, random: () => number): Omit<DemoObservation, 'month'>[] {
  const noise = (spread: number) => 1 + (random() - 0.5) * spread;
  return [
    { streamKey: 'license', metricKey: 'saas_licensed_seats', value: shape.seats },
    { streamKey: 'license', metricKey: 'saas_weekly_active_users', value: Math.round(shape.seats * lerp(...shape.weeklyActiveShare, t) * noise(0.04)) },
    { streamKey: 'license', metricKey: 'saas_modules_in_use', value: shape.modules },
    { streamKey: 'license', metricKey: 'saas_integration_uptime_pct', value: Math.min(100, lerp(...shape.uptimePct, t) + (random() - 0.5) * 0.2) },
  ];
}

interface VbcShape {
  streamKey: string;
  eligible: number;
  enrolled: [number, number];
  engagedShare: number;
  atTargetShare: [number, number];
  atRiskUsd: number;
  claimsCompleteness: (t: number) => number;
}

function vbcMonth(shape: VbcShape, t: number, random: () => number): Omit<DemoObservation, 'month'>[] {
  const noise = (spread: number) => 1 + (random() - 0.5) * spread;
  const enrolled = Math.round(lerp(...shape.enrolled, t) * noise(0.03));
  const engaged = Math.round(enrolled * shape.engagedShare * noise(0.04));
  const k = shape.streamKey;
  return [
    { streamKey: k, metricKey: 'vbc_eligible_members', value: shape.eligible },
    { streamKey: k, metricKey: 'vbc_enrolled_members', value: enrolled },
    { streamKey: k, metricKey: 'vbc_engaged_members', value: engaged },
    { streamKey: k, metricKey: 'vbc_members_at_clinical_target', value: Math.round(engaged * lerp(...shape.atTargetShare, t)) },
    { streamKey: k, metricKey: 'vbc_at_risk_revenue_usd', value: shape.atRiskUsd },
    { streamKey: k, metricKey: 'vbc_earned_revenue_usd', value: 0 },
    { streamKey: k, metricKey: 'vbc_claims_completeness_pct', value: shape.claimsCompleteness(t) },
    { streamKey: k, metricKey: 'vbc_eligibility_accuracy_pct', value: Math.min(100, 97 + (random() - 0.5)) },
    { streamKey: k, metricKey: 'vbc_avg_risk_score', value: 1.18 + (random() - 0.5) * 0.04 },
  ];
}

const DEMO_STORIES: DemoStory[] = [
  {
    name: 'Riverbend Cardiology Associates',
    customerSegment: 'physician_practice',
    buyerType: 'provider',
    notes: 'Revenue-share RPM for hypertension and heart failure. Billing looks healthy; device days have slid since spring.',
    renewalInDays: 150,
    contractStartedDaysAgo: 700,
    streams: [
      {
        key: 'rpm',
        name: 'RPM revenue share',
        revenueModel: 'cpt_rpm',
        paymentEnvironment: 'medicare_ffs',
        terms: { variant: 'revenue_share', revenueSharePct: 30, enrolledPatientsContracted: 400 },
      },
    ],
    stakeholders: [
      { archetype: 'clinic_administrator', personName: 'Dana Whitfield', title: 'Practice Manager', email: 'dwhitfield@riverbend.example', communicationPreference: 'Email, short monthly summary', successDefinition: 'RPM pays for the two nurses it needs and then some.', lastEngagedDaysAgo: 21, isBudgetHolder: true },
      { archetype: 'provider_clinician', personName: 'Dr. Samuel Okafor', title: 'Cardiologist, Medical Director', email: 'sokafor@riverbend.example', communicationPreference: 'In person after clinic', successDefinition: 'Fewer heart-failure patients back in the ED.', lastEngagedDaysAgo: 48, isExecutiveSponsor: true },
      { archetype: 'billing_rcm_staff', personName: 'Marisol Vega', title: 'Billing Lead', email: 'mvega@riverbend.example', communicationPreference: 'Teams chat', successDefinition: 'Clean claims on the first pass.', lastEngagedDaysAgo: 12 },
    ],
    metrics: (t, random) =>
      rpmMonth(
        { streamKey: 'rpm', enrolled: [260, 410], averageDeviceDays: [19.5, 10.5], billingEligibleShare: 0.97, managementCapture: [0.55, 0.34], readmissionsMonitoredPct: [11, 12.5], readmissionsUnmonitoredPct: 18 },
        t,
        random,
      ),
    commitments: [
      { kind: 'action', text: 'Run a device-day refresher for the nursing team and share the patient reminder script', ownerSide: 'ours', stakeholderName: null, ownerName: 'Customer Success (us)', dueInDays: -30, status: 'done', outcomeNote: 'Held with six nurses; the reminder script is in use at both clinics' },
      { kind: 'action', text: 'Document management time for every device-billed patient so 99457 is billed each month', ownerSide: 'customer', stakeholderName: 'Marisol Vega', ownerName: 'Marisol Vega', dueInDays: -12, status: 'slipped', outcomeNote: 'Started in one clinic; the second clinic starts next month' },
      { kind: 'decision', text: 'Decide whether to add a second RPM nurse before the renewal', ownerSide: 'customer', stakeholderName: 'Dana Whitfield', ownerName: 'Dana Whitfield', dueInDays: -5, status: 'open', outcomeNote: '' },
      { kind: 'action', text: 'Send the monthly device-day report to Dr. Okafor', ownerSide: 'ours', stakeholderName: null, ownerName: 'Customer Success (us)', dueInDays: 20, status: 'open', outcomeNote: '' },
    ],
    goals: [
      { title: 'Raise average device days per patient back to 16', metricKey: 'rpm_avg_device_days_per_patient', target: 16, startedMonthsAgo: 9, dueInDays: 120 },
      { title: 'Capture management codes for 70% of device-billed patients', metricKey: 'rpm_management_capture_rate', target: 0.7, startedMonthsAgo: 9, dueInDays: 120 },
    ],
  },
  {
    name: 'Summit Senior Health Plan',
    customerSegment: 'health_plan',
    buyerType: 'payer',
    notes: 'Medicare Advantage plan running post-discharge and chronic RPM through its provider network; cost-avoidance story.',
    renewalInDays: 240,
    contractStartedDaysAgo: 820,
    streams: [
      {
        key: 'rpm',
        name: 'RPM per-patient fee',
        revenueModel: 'cpt_rpm',
        paymentEnvironment: 'medicare_advantage',
        terms: { variant: 'per_patient_fee', perPatientMonthlyFeeUsd: 42, enrolledPatientsContracted: 1500 },
      },
    ],
    stakeholders: [
      { archetype: 'health_plan_executive_sponsor', personName: 'Angela Ruiz', title: 'VP Clinical Programs', email: 'aruiz@summitsenior.example', communicationPreference: 'Quarterly in person', successDefinition: 'Readmissions down and a Star Ratings story for the board.', lastEngagedDaysAgo: 35, isExecutiveSponsor: true, isBudgetHolder: true },
      { archetype: 'health_plan_operational_lead', personName: 'Kevin Tran', title: 'Director of Care Management', email: 'ktran@summitsenior.example', communicationPreference: 'Weekly call', successDefinition: 'Care managers act on alerts the same day.', lastEngagedDaysAgo: 6 },
      { archetype: 'health_plan_cfo_actuary', personName: 'Priya Natarajan', title: 'Chief Actuary', email: 'pnatarajan@summitsenior.example', communicationPreference: 'Written analysis ahead of meetings', successDefinition: 'Savings that survive a matched-cohort review.', lastEngagedDaysAgo: 130 },
    ],
    metrics: (t, random) => [
      ...rpmMonth(
        { streamKey: 'rpm', enrolled: [900, 1450], averageDeviceDays: [18, 21.5], billingEligibleShare: 0.94, managementCapture: [0.72, 0.8], readmissionsMonitoredPct: [10.5, 8.2], readmissionsUnmonitoredPct: 17.5 },
        t,
        random,
      ),
      // The plan's quality team shares events avoided and Star measure movement each month.
      { streamKey: 'rpm', metricKey: 'outcome_er_visits_avoided', value: Math.round(lerp(12, 24, t) * (1 + (random() - 0.5) * 0.2)) },
      { streamKey: 'rpm', metricKey: 'outcome_readmission_cost_avoided_usd', value: Math.round(lerp(36_000, 61_000, t) * (1 + (random() - 0.5) * 0.15)) },
      { streamKey: 'rpm', metricKey: 'outcome_star_rating_measures', value: t < 0.5 ? 2 : 3 },
    ],
  },
  {
    name: 'Northwind Logistics',
    customerSegment: 'employer',
    buyerType: 'employer',
    notes: 'Self-insured employer, flat PEPM for a behavioural-health benefit. Invoices paid on time; engagement stuck in the low teens.',
    renewalInDays: 75,
    contractStartedDaysAgo: 1000,
    streams: [
      {
        key: 'pepm',
        name: 'Behavioural health PEPM',
        revenueModel: 'pmpm_pepm',
        paymentEnvironment: 'self_insured_employer',
        terms: { unit: 'employee', ratePerMonthUsd: 3.1, eligiblePopulation: 14_000, enrollmentBased: false },
      },
    ],
    stakeholders: [
      { archetype: 'employer_hr_benefits_leader', personName: 'Rachel Lindqvist', title: 'Director of Benefits', email: 'rlindqvist@northwind.example', communicationPreference: 'Email; hates long decks', successDefinition: 'Employees actually use it and tell us it helped.', lastEngagedDaysAgo: 28, isBudgetHolder: true },
      { archetype: 'buyer_cfo', personName: 'Tom Brennan', title: 'CFO', email: 'tbrennan@northwind.example', communicationPreference: 'One page with numbers', successDefinition: 'Healthcare cost trend below the benchmark.', lastEngagedDaysAgo: 160, isExecutiveSponsor: true },
    ],
    metrics: (t, random) =>
      pmpmMonth({ streamKey: 'pepm', eligible: 14_000, enrolledShare: [0.13, 0.145], activeShareOfEnrolled: [0.72, 0.66], nps: [38, 34] }, t, random),
    commitments: [
      { kind: 'action', text: 'Launch the open-enrolment email campaign to all 14,000 employees', ownerSide: 'joint', stakeholderName: 'Rachel Lindqvist', ownerName: 'Rachel Lindqvist with Customer Success', dueInDays: -25, status: 'done', outcomeNote: 'Sent in two waves; enrolment rose in the following month' },
      { kind: 'decision', text: 'Agree an engagement target for the renewal conversation', ownerSide: 'customer', stakeholderName: 'Tom Brennan', ownerName: 'Tom Brennan', dueInDays: -15, status: 'open', outcomeNote: '' },
      { kind: 'action', text: 'Add the benefit to the manager onboarding pack', ownerSide: 'customer', stakeholderName: 'Rachel Lindqvist', ownerName: 'Rachel Lindqvist', dueInDays: -8, status: 'dropped', outcomeNote: 'HR replaced the onboarding pack with a portal; the benefit is listed there instead' },
    ],
    goals: [{ title: 'Reach 20% engagement of eligible employees', metricKey: 'pmpm_engagement_rate', target: 0.2, startedMonthsAgo: 6, dueInDays: 60 }],
  },
  {
    name: 'Bayview Community Health Plan',
    customerSegment: 'health_plan',
    buyerType: 'payer',
    notes: 'Medicaid managed care PMPM for a diabetes program. SMS-first outreach and Spanish content launched last spring; engagement benchmark of 6% agreed with the plan for this population.',
    renewalInDays: 400,
    contractStartedDaysAgo: 640,
    streams: [
      {
        key: 'pmpm',
        name: 'Diabetes program PMPM',
        revenueModel: 'pmpm_pepm',
        paymentEnvironment: 'medicaid_managed_care',
        terms: { unit: 'member', ratePerMonthUsd: 0.45, eligiblePopulation: 85_000, enrollmentBased: false, engagementBenchmarkPct: 6 },
      },
    ],
    stakeholders: [
      { archetype: 'health_plan_executive_sponsor', personName: 'Dr. Leticia Moreno', title: 'Chief Medical Officer', email: 'lmoreno@bayviewchp.example', communicationPreference: 'Quarterly review, Spanish and English materials', successDefinition: 'HbA1c control improves in the communities the state watches.', lastEngagedDaysAgo: 40, isExecutiveSponsor: true, isBudgetHolder: true },
      { archetype: 'health_plan_operational_lead', personName: 'Andre Collins', title: 'Manager, Population Health', email: 'acollins@bayviewchp.example', communicationPreference: 'Biweekly call', successDefinition: 'Enrollment targets met without extra work for my team.', lastEngagedDaysAgo: 9 },
    ],
    metrics: (t, random) =>
      pmpmMonth({ streamKey: 'pmpm', eligible: 85_000, enrolledShare: [0.05, 0.11], activeShareOfEnrolled: [0.55, 0.64], nps: [41, 52] }, t, random),
  },
  {
    name: 'Lakeshore Health System',
    customerSegment: 'hospital_health_system',
    buyerType: 'provider',
    notes: 'Care-management platform, entity license plus two modules. Care managers drifting back to spreadsheets; sponsor hard to reach.',
    renewalInDays: 190,
    contractStartedDaysAgo: 520,
    streams: [
      {
        key: 'license',
        name: 'Care management platform',
        revenueModel: 'saas_license',
        paymentEnvironment: 'provider_ffs',
        terms: { licensing: 'module', licensedSeats: 240, modules: ['Care plans', 'Risk stratification', 'CCM billing'], annualFeeUsd: 420_000 },
      },
    ],
    stakeholders: [
      { archetype: 'platform_executive_sponsor', personName: 'Dr. Howard Kim', title: 'CMIO', email: 'hkim@lakeshorehealth.example', communicationPreference: 'Executive briefing, 30 minutes', successDefinition: 'Care managers carry bigger panels without burning out.', lastEngagedDaysAgo: 270, isExecutiveSponsor: true, isBudgetHolder: true },
      { archetype: 'it_integration_lead', personName: 'Grace Adeyemi', title: 'Director, Clinical Applications', email: 'gadeyemi@lakeshorehealth.example', communicationPreference: 'Ticket queue and monthly sync', successDefinition: 'The Epic interface stays up and nobody pages me.', lastEngagedDaysAgo: 14 },
      { archetype: 'clinical_end_user', personName: 'Luis Ortega, RN', title: 'Care Manager Lead', email: 'lortega@lakeshorehealth.example', communicationPreference: 'Huddles', successDefinition: 'No more copying data between screens.', lastEngagedDaysAgo: 20 },
    ],
    metrics: (t, random) => [
      ...saasMonth({ seats: 240, weeklyActiveShare: [0.74, 0.36], modules: 3, uptimePct: [99.6, 97.9] }, t, random),
      // Care gaps closed fall as care managers drift back to spreadsheets.
      { streamKey: 'license', metricKey: 'outcome_care_gaps_closed', value: Math.round(lerp(420, 250, t) * (1 + (random() - 0.5) * 0.1)) },
      { streamKey: 'license', metricKey: 'outcome_patients_on_platform', value: Math.round(lerp(3000, 3250, t)) },
    ],
  },
  {
    name: 'Granite State ACO',
    customerSegment: 'health_plan',
    buyerType: 'risk_bearing_entity',
    notes: 'Shared-savings contract on heart-failure admissions; $800K at risk. Enrollment far below what the evaluation needs.',
    renewalInDays: 330,
    contractStartedDaysAgo: 560,
    streams: [
      {
        key: 'outcomes',
        name: 'Shared savings',
        revenueModel: 'value_based',
        paymentEnvironment: 'aco_shared_savings',
        terms: {
          structure: 'shared_savings',
          atRiskAmountUsd: 800_000,
          sharedSavingsPct: 40,
          measurementPeriodMonths: 24,
          claimsRunoutMonths: 6,
          targets: [{ metric: 'Engaged members at blood-pressure goal', targetPct: 70, benchmarkPct: 38 }],
        },
      },
    ],
    stakeholders: [
      { archetype: 'health_plan_cfo_actuary', personName: 'Martin Feld', title: 'CFO', email: 'mfeld@granitestateaco.example', communicationPreference: 'Spreadsheet first, meeting second', successDefinition: 'Savings we can book without a dispute.', lastEngagedDaysAgo: 55, isBudgetHolder: true, isExecutiveSponsor: true },
      { archetype: 'health_plan_clinical_lead', personName: 'Dr. Aisha Rahman', title: 'Medical Director, Quality', email: 'arahman@granitestateaco.example', communicationPreference: 'Monthly quality committee', successDefinition: 'Clinically meaningful blood-pressure control, measured properly.', lastEngagedDaysAgo: 30 },
      { archetype: 'independent_evaluator', personName: 'Northeast Outcomes Group', title: 'Independent evaluator', email: 'evaluation@neog.example', communicationPreference: 'Formal data requests', successDefinition: 'A complete, unbiased data set at the end of the period.', lastEngagedDaysAgo: 95 },
    ],
    metrics: (t, random) =>
      vbcMonth(
        {
          streamKey: 'outcomes',
          eligible: 10_000,
          enrolled: [400, 1200],
          engagedShare: 0.74,
          atTargetShare: [0.3, 0.44],
          atRiskUsd: 800_000,
          // A warehouse migration three months ago left claims incomplete.
          claimsCompleteness: (time) => (time < 0.85 ? 97.5 : 97.5 - (time - 0.85) * 110),
        },
        t,
        random,
      ),
    commitments: [
      { kind: 'decision', text: 'Approve outreach to the 2,000 highest-risk attributed members', ownerSide: 'customer', stakeholderName: 'Martin Feld', ownerName: 'Martin Feld', dueInDays: -40, status: 'done', outcomeNote: 'Approved; outreach began the following week' },
      { kind: 'action', text: 'Restore complete claims feeds after the warehouse migration', ownerSide: 'joint', stakeholderName: 'Martin Feld', ownerName: 'Martin Feld with Customer Success', dueInDays: -10, status: 'slipped', outcomeNote: 'Two of three feeds restored; the pharmacy feed is still incomplete' },
      { kind: 'action', text: 'Send the evaluator the engaged-member file for the first measurement year', ownerSide: 'ours', stakeholderName: null, ownerName: 'Customer Success (us)', dueInDays: -3, status: 'done', outcomeNote: 'Delivered; the evaluator confirmed it was complete' },
      { kind: 'decision', text: 'Confirm the blood-pressure measure the evaluation will use', ownerSide: 'customer', stakeholderName: 'Dr. Aisha Rahman', ownerName: 'Dr. Aisha Rahman', dueInDays: 15, status: 'open', outcomeNote: '' },
    ],
    goals: [{ title: 'Enrol 15% of attributed members', metricKey: 'vbc_enrollment_rate', target: 0.15, startedMonthsAgo: 9, dueInDays: 200 }],
  },
  {
    name: 'Meridian Commercial Health',
    customerSegment: 'health_plan',
    buyerType: 'payer',
    notes: 'Commercial plan: PMPM base fee plus an outcomes bonus on weight and A1c targets. Broad enrollment vs high-risk targeting unresolved.',
    renewalInDays: 300,
    contractStartedDaysAgo: 450,
    streams: [
      {
        key: 'pmpm',
        name: 'Cardiometabolic PMPM base',
        revenueModel: 'pmpm_pepm',
        paymentEnvironment: 'commercial_insurance',
        terms: { unit: 'member', ratePerMonthUsd: 0.9, eligiblePopulation: 60_000, enrollmentBased: false },
      },
      {
        key: 'bonus',
        name: 'Outcomes bonus',
        revenueModel: 'value_based',
        paymentEnvironment: 'commercial_insurance',
        terms: {
          structure: 'performance_tiers',
          atRiskAmountUsd: 350_000,
          measurementPeriodMonths: 12,
          claimsRunoutMonths: 3,
          targets: [{ metric: 'Enrolled members with 5% weight loss', targetPct: 35, benchmarkPct: 30 }],
        },
      },
    ],
    stakeholders: [
      { archetype: 'health_plan_executive_sponsor', personName: 'Caroline Shaw', title: 'VP Clinical Programs', email: 'cshaw@meridianhealth.example', communicationPreference: 'Quarterly business review', successDefinition: 'A defensible ROI story and a differentiated product for employers.', lastEngagedDaysAgo: 25, isExecutiveSponsor: true, isBudgetHolder: true },
      { archetype: 'health_plan_cfo_actuary', personName: 'Jonah Weiss', title: 'Director, Actuarial Services', email: 'jweiss@meridianhealth.example', communicationPreference: 'Methodology memo', successDefinition: 'A matched-cohort result he can defend to the CFO.', lastEngagedDaysAgo: 70 },
      { archetype: 'health_plan_operational_lead', personName: 'Beatriz Souza', title: 'Director of Care Management', email: 'bsouza@meridianhealth.example', communicationPreference: 'Weekly stand-up', successDefinition: 'Engagement rate on target every month.', lastEngagedDaysAgo: 7 },
    ],
    metrics: (t, random) => [
      ...pmpmMonth({ streamKey: 'pmpm', eligible: 60_000, enrolledShare: [0.08, 0.19], activeShareOfEnrolled: [0.62, 0.6], nps: [44, 47] }, t, random),
      ...vbcMonth(
        { streamKey: 'bonus', eligible: 60_000, enrolled: [4800, 11_400], engagedShare: 0.6, atTargetShare: [0.18, 0.29], atRiskUsd: 350_000, claimsCompleteness: () => 98 },
        t,
        random,
      ),
    ],
  },
  {
    name: 'Cascadia Manufacturing',
    customerSegment: 'employer',
    buyerType: 'employer',
    notes: 'Wellbeing platform on a phased deal: annual minimum, then a case rate, then PEPM once activation crosses 4,000 users.',
    renewalInDays: 210,
    contractStartedDaysAgo: 540,
    streams: [
      {
        key: 'phased',
        name: 'Phased wellbeing contract',
        revenueModel: 'hybrid',
        paymentEnvironment: 'self_insured_employer',
        terms: {
          structure: 'annual_minimum_case_rate_pepm',
          annualMinimumUsd: 250_000,
          caseRateUsd: 95,
          switchoverThresholdUsers: 4000,
          pepmRateUsd: 4.25,
          eligiblePopulation: 18_000,
        },
      },
    ],
    stakeholders: [
      { archetype: 'employer_hr_benefits_leader', personName: 'Erin McAllister', title: 'VP Total Rewards', email: 'emcallister@cascadia.example', communicationPreference: 'Monthly check-in', successDefinition: 'Plant workers use it, not just office staff.', lastEngagedDaysAgo: 16, isBudgetHolder: true, isExecutiveSponsor: true },
      { archetype: 'buyer_cfo', personName: 'Raj Malhotra', title: 'CFO', email: 'rmalhotra@cascadia.example', communicationPreference: 'Quarterly numbers only', successDefinition: 'Know what the switchover will cost before it happens.', lastEngagedDaysAgo: 100 },
    ],
    metrics: (t, random) => [
      { streamKey: 'phased', metricKey: 'hybrid_activated_users', value: Math.round(lerp(600, 3550, t) * (1 + (random() - 0.5) * 0.03)) },
      ...pmpmMonth({ streamKey: 'phased', eligible: 18_000, enrolledShare: [0.04, 0.2], activeShareOfEnrolled: [0.7, 0.66], nps: [45, 51] }, t, random),
    ],
  },
  {
    name: 'Helix Therapeutics',
    customerSegment: 'pharma',
    buyerType: 'pharma',
    notes: 'Drug-companion app licensed to a pharma brand team; value measured through adherence and real-world evidence.',
    renewalInDays: 260,
    contractStartedDaysAgo: 380,
    streams: [
      {
        key: 'license',
        name: 'Companion app license',
        revenueModel: 'saas_license',
        paymentEnvironment: 'pharma',
        terms: { licensing: 'entity', licensedSeats: 60, modules: ['Adherence coaching', 'RWE export'], annualFeeUsd: 600_000 },
      },
    ],
    stakeholders: [
      { archetype: 'pharma_brand_commercial', personName: 'Sophie Laurent', title: 'Brand Director', email: 'slaurent@helixtx.example', communicationPreference: 'Monthly brand review', successDefinition: 'Persistence on therapy at six months goes up.', lastEngagedDaysAgo: 19, isBudgetHolder: true, isExecutiveSponsor: true },
      { archetype: 'pharma_medical_affairs', personName: 'Dr. Daniel Osei', title: 'Medical Science Lead', email: 'dosei@helixtx.example', communicationPreference: 'Scientific review meetings', successDefinition: 'Publishable real-world evidence.', lastEngagedDaysAgo: 60 },
    ],
    metrics: (t, random) => [
      ...saasMonth({ seats: 60, weeklyActiveShare: [0.55, 0.72], modules: 2, uptimePct: [99.8, 99.9] }, t, random),
      { streamKey: 'license', metricKey: 'outcome_patients_on_platform', value: Math.round(lerp(1500, 4800, t)) },
      { streamKey: 'license', metricKey: 'outcome_medication_adherence_pct', value: lerp(61, 71, t) * (1 + (random() - 0.5) * 0.03) },
      { streamKey: 'license', metricKey: 'outcome_rwe_patients', value: Math.round(lerp(600, 3100, t)) },
      { streamKey: 'license', metricKey: 'outcome_prescribers_engaged', value: Math.round(lerp(110, 290, t)) },
    ],
  },
];

/** Counts are whole numbers; rates keep one decimal, risk scores two. */
function roundFor(metricKey: MetricKey, value: number): number {
  if (metricKey.endsWith('_pct') || metricKey.endsWith('_nps')) return Math.round(value * 10) / 10;
  if (metricKey === 'vbc_avg_risk_score') return Math.round(value * 100) / 100;
  return Math.round(value);
}

/** Mulberry32: a tiny deterministic generator so the demo is identical on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
