import { DATA_FLOW_FREQUENCIES, PERFORMANCE_MECHANISMS } from '../../../shared/framework/contract-terms';
import { HYBRID_STRUCTURES, type RevenueModelKey } from '../../../shared/framework/keys';
import { HYBRID_STRUCTURE_LABELS, humanize } from '../framework-labels';

/*
 * The contract-term fields of each revenue model, as data: the form renders them, the converters in
 * stream-terms-draft.ts read and write them. Keys are dotted paths into the terms object
 * (`performanceComponent.mechanism`), matching the API's terms schemas.
 */

export type TermFieldKind =
  | 'usd'
  /** Entered in dollars, stored in cents (the outcomes clauses keep cents). */
  | 'usd_cents'
  | 'percent'
  | 'count'
  | 'months'
  | 'select'
  /** Yes / no / not recorded; unknown stays unknown rather than becoming "no". */
  | 'tristate'
  | 'date'
  | 'text'
  | 'textarea'
  /** Several short strings (modules, data sources). */
  | 'tags';

export interface TermField {
  key: string;
  label: string;
  kind: TermFieldKind;
  description?: string;
  options?: { value: string; label: string }[];
  /** Labels for the two answers of a tristate field. */
  yesNo?: { yes: string; no: string };
}

export interface TermSection {
  title: string;
  description?: string;
  fields: TermField[];
  /** The section also edits the outcome targets list. */
  withTargets?: boolean;
  /** The section also edits the data-flows list. */
  withDataFlows?: boolean;
  /** Collapsed by default (long clause lists). */
  collapsed?: boolean;
}

const options = (values: readonly string[], labels: Record<string, string> = {}) => values.map((value) => ({ value, label: labels[value] ?? capitalise(humanize(value)) }));

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const DATA_FLOW_FREQUENCY_OPTIONS = options(DATA_FLOW_FREQUENCIES, { ad_hoc: 'Ad hoc' });

export const TERM_SECTIONS: Record<RevenueModelKey, TermSection[]> = {
  cpt_rpm: [
    {
      title: 'RPM terms',
      fields: [
        {
          key: 'variant',
          label: 'How you are paid',
          kind: 'select',
          options: options(['revenue_share', 'per_patient_fee', 'platform_license'], {
            revenue_share: 'Share of collected CPT reimbursement',
            per_patient_fee: 'Per-patient monthly fee',
            platform_license: 'Platform license',
          }),
        },
        { key: 'revenueSharePct', label: 'Your share of reimbursement', kind: 'percent', description: 'Percent of collected CPT reimbursement' },
        { key: 'perPatientMonthlyFeeUsd', label: 'Fee per patient per month', kind: 'usd' },
        { key: 'enrolledPatientsContracted', label: 'Enrolled patients contracted', kind: 'count' },
      ],
    },
  ],
  pmpm_pepm: [
    {
      title: 'PMPM / PEPM terms',
      fields: [
        { key: 'unit', label: 'Paid per', kind: 'select', options: options(['member', 'employee'], { member: 'Member (PMPM)', employee: 'Employee (PEPM)' }) },
        { key: 'ratePerMonthUsd', label: 'Rate per month', kind: 'usd', description: 'Per member or employee' },
        { key: 'eligiblePopulation', label: 'Eligible population', kind: 'count' },
        {
          key: 'enrollmentBased',
          label: 'Who the buyer pays for',
          kind: 'tristate',
          yesNo: { yes: 'Only enrolled or engaged members', no: 'Everyone eligible' },
          description: 'Paying only for enrolled members makes activation the revenue driver',
        },
        {
          key: 'engagementBenchmarkPct',
          label: 'Engagement benchmark for this population',
          kind: 'percent',
          description: 'Active ÷ eligible agreed as good for this population and product (Medicaid needs its own)',
        },
      ],
    },
  ],
  saas_license: [
    {
      title: 'License terms',
      fields: [
        { key: 'licensing', label: 'Licensing', kind: 'select', options: options(['per_user', 'entity', 'module'], { per_user: 'Per user', entity: 'Entity-wide', module: 'Per module' }) },
        { key: 'licensedSeats', label: 'Licensed seats', kind: 'count' },
        { key: 'annualFeeUsd', label: 'Annual fee', kind: 'usd' },
        { key: 'goLiveDate', label: 'Go-live date', kind: 'date' },
        { key: 'modules', label: 'Modules', kind: 'tags', description: 'Type a module and press Enter' },
      ],
    },
  ],
  value_based: [
    {
      title: 'Outcomes terms',
      withTargets: true,
      fields: [
        {
          key: 'structure',
          label: 'Structure',
          kind: 'select',
          options: options(['shared_savings', 'performance_tiers', 'pay_for_performance', 'risk_corridor']),
        },
        { key: 'atRiskAmountUsd', label: 'Amount at risk', kind: 'usd' },
        { key: 'sharedSavingsPct', label: 'Your share of savings', kind: 'percent' },
        { key: 'measurementPeriodMonths', label: 'Measurement period', kind: 'months' },
        { key: 'claimsRunoutMonths', label: 'Claims runout', kind: 'months' },
      ],
    },
    {
      title: 'Contract readiness clauses',
      description: 'Write each clause as the contract states it; vague wording ("to be agreed") is flagged in the assessment.',
      collapsed: true,
      withDataFlows: true,
      fields: [
        { key: 'engagementFee.basis', label: 'Engagement fee basis', kind: 'text', description: 'e.g. per enrolled member per month' },
        { key: 'engagementFee.amountCents', label: 'Engagement fee amount', kind: 'usd_cents' },
        { key: 'performanceComponent.mechanism', label: 'Performance payment mechanism', kind: 'select', options: options(PERFORMANCE_MECHANISMS) },
        { key: 'performanceComponent.atRiskPct', label: 'Share of contract value at risk', kind: 'percent' },
        { key: 'performanceComponent.releaseConditions', label: 'Release conditions', kind: 'textarea', description: 'When and on what evidence withheld money is paid' },
        { key: 'riskAdjustment.method', label: 'Risk adjustment method', kind: 'textarea' },
        { key: 'dataSources', label: 'Data sources', kind: 'tags', description: 'e.g. medical claims, pharmacy claims, eligibility file' },
        { key: 'baseline.method', label: 'Baseline method', kind: 'textarea' },
        { key: 'baseline.periodMonths', label: 'Baseline period', kind: 'months' },
        { key: 'disputeResolution.process', label: 'Dispute resolution process', kind: 'textarea' },
        { key: 'disputeResolution.independentEvaluator', label: 'Independent evaluator', kind: 'text' },
        {
          key: 'operations.memberOutreachOwner',
          label: 'Who does member outreach',
          kind: 'select',
          options: options(['vendor', 'buyer', 'shared', 'unspecified'], { vendor: 'Your company', buyer: 'The buyer', shared: 'Shared', unspecified: 'Not specified in the contract' }),
        },
      ],
    },
  ],
  hybrid: [
    {
      title: 'Hybrid terms',
      description: 'For the phased structure: an annual minimum covers the first users, each user above it earns the case rate, and pricing switches to PEPM at the threshold.',
      fields: [
        { key: 'structure', label: 'Structure', kind: 'select', options: options(HYBRID_STRUCTURES, HYBRID_STRUCTURE_LABELS) },
        { key: 'annualMinimumUsd', label: 'Annual minimum', kind: 'usd' },
        { key: 'annualMinimumUsers', label: 'Users covered by the minimum', kind: 'count' },
        { key: 'caseRateUsd', label: 'Case rate per activated user', kind: 'usd' },
        { key: 'switchoverThresholdUsers', label: 'PEPM switchover at (activated users)', kind: 'count' },
        { key: 'pepmRateUsd', label: 'PEPM rate after switchover', kind: 'usd' },
        { key: 'eligiblePopulation', label: 'Eligible population', kind: 'count' },
      ],
    },
  ],
};

/** Every field of a model, flattened across its sections. */
export function termFieldsOf(model: RevenueModelKey): TermField[] {
  return TERM_SECTIONS[model].flatMap((section) => section.fields);
}
