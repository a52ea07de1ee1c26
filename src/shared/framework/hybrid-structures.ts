import type { HybridStructureKey, RevenueModelKey } from './keys';

/*
 * The hybrid structures: the framework's four common combinations plus the PHTI two-stream model
 * (an engagement fee with a performance component held back until results are validated).
 */

export interface HybridStructure {
  key: HybridStructureKey;
  name: string;
  /** The pure models whose streams make up this structure. */
  streamModels: RevenueModelKey[];
  /** Why running CS under this structure is hard. */
  whyComplex: string;
  /** What CS should prioritise, in order. */
  csPriorities: string[];
  source: 'framework' | 'phti_playbook';
}

export const HYBRID_STRUCTURE_CATALOG: readonly HybridStructure[] = [
  {
    key: 'pmpm_base_plus_outcomes_bonus',
    name: 'PMPM base fee + outcomes-based performance bonus',
    streamModels: ['pmpm_pepm', 'value_based'],
    whyComplex:
      'Engagement has to be good enough to renew the base while outcomes have to be good enough to earn the bonus; engagement shows monthly, outcomes only yearly and late.',
    csPriorities: [
      'Make the base safe with acceptable engagement.',
      'Set up outcome measurement in the first month, not the last.',
      'Report the trajectory openly, good or bad.',
    ],
    source: 'framework',
  },
  {
    key: 'saas_license_plus_cpt_revenue',
    name: 'SaaS platform license + CPT reimbursement revenue share',
    streamModels: ['saas_license', 'cpt_rpm'],
    whyComplex:
      'Platform adoption and billing-workflow performance matter to different groups in the same account, and the two streams are justified on opposite sides of the revenue/cost line.',
    csPriorities: [
      'Land the implementation first.',
      'Then move to billing enablement.',
      'Track subscription health and reimbursement revenue as two separate lines.',
    ],
    source: 'framework',
  },
  {
    key: 'pmpm_plus_shared_savings',
    name: 'PMPM + shared savings',
    streamModels: ['pmpm_pepm', 'value_based'],
    whyComplex:
      'The PMPM arrives monthly but savings are settled 18-24 months later, on claims data the vendor usually cannot see or control.',
    csPriorities: [
      'Run the business on the PMPM; treat shared savings as upside.',
      'Partner with the buyer\'s actuaries early.',
      'Keep reporting utilisation wins during the whole measurement period.',
    ],
    source: 'framework',
  },
  {
    key: 'annual_minimum_case_rate_pepm',
    name: 'Annual minimum + case rate + PEPM switchover',
    streamModels: ['pmpm_pepm'],
    whyComplex:
      'The CS operating mode changes as adoption grows: before switchover each new activated user earns case-rate revenue, afterwards revenue is population-based and retention decides the renewal.',
    csPriorities: [
      'Before switchover, push hard toward the switchover threshold.',
      'After switchover, shift to sustained engagement and expansion.',
      'Know exactly how the financial reconciliation works.',
    ],
    source: 'framework',
  },
  {
    key: 'engagement_fee_plus_withheld_performance',
    name: 'Engagement fee + performance component withheld until validated (two-stream)',
    streamModels: ['pmpm_pepm', 'value_based'],
    whyComplex:
      'The engagement fee funds ongoing outreach, while the performance component is released only after outcomes are validated, so payment model, outcome measurement and operations all have to be settled in the contract.',
    csPriorities: [
      'Keep the engagement fee secure with steady engagement activity.',
      'Make sure the release conditions for the withheld component are precise.',
      'Agree who does member outreach and which data moves in each direction, and how often.',
    ],
    source: 'phti_playbook',
  },
];

/** Look up a hybrid structure. */
export function hybridStructure(key: HybridStructureKey): HybridStructure {
  const found = HYBRID_STRUCTURE_CATALOG.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`Unknown hybrid structure ${key}`);
  return found;
}

/** The principle every hybrid contract is run by. */
export const PROTECT_BASE_REVENUE_FIRST = {
  key: 'protect_base_revenue_first',
  title: 'Protect the base revenue first, then chase the upside',
  text:
    'The base fee (PMPM, SaaS license, annual minimum, engagement fee) pays for operations; the performance part (outcomes bonus, shared savings, case rate) carries the margin and the growth. Neglecting basic engagement and stakeholder satisfaction to chase the upside risks the whole contract at the base renewal.',
} as const;
