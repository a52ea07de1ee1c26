import type { BuyerTypeKey, PaymentEnvironmentKey } from './keys';

/*
 * How the buyer is itself paid upstream. The same product earns a fee-for-service buyer money and
 * saves a capitated buyer money, so this, not the product, decides the value story.
 */

/** How the buyer carries financial risk for the care its population uses. */
export type RiskPosture = 'fee_for_service' | 'capitated_full_risk' | 'shared_savings' | 'self_funded' | 'insured_risk' | 'product_revenue' | 'outcome_aligned';

export interface PaymentEnvironment {
  key: PaymentEnvironmentKey;
  name: string;
  howBuyerIsPaid: string;
  riskPosture: RiskPosture;
  typicalBuyerTypes: BuyerTypeKey[];
  /** Quality or performance programmes that move this buyer's money. */
  qualityLevers: string[];
  /** What CS must keep in mind in this environment whatever the model. */
  csConsiderations: string[];
}

export const PAYMENT_ENVIRONMENT_CATALOG: readonly PaymentEnvironment[] = [
  {
    key: 'medicare_ffs',
    name: 'Fee-for-service Medicare',
    howBuyerIsPaid: 'Providers are paid per billed service under the Medicare physician fee schedule.',
    riskPosture: 'fee_for_service',
    typicalBuyerTypes: ['provider'],
    qualityLevers: ['Hospital Readmissions Reduction Program penalties for hospitals'],
    csConsiderations: ['New billable services are new revenue for the provider.', 'Billing volume is not proof of clinical success.'],
  },
  {
    key: 'medicare_advantage',
    name: 'Medicare Advantage (capitated)',
    howBuyerIsPaid: 'The plan receives fixed per-member payments from CMS and carries the total cost of care.',
    riskPosture: 'capitated_full_risk',
    typicalBuyerTypes: ['payer', 'risk_bearing_entity', 'provider'],
    qualityLevers: ['Star Ratings, which drive CMS bonus payments', 'HEDIS measures'],
    csConsiderations: ['Every dollar spent must be justified by savings or Star Ratings gains.', 'Claims data lags 6-12 months.'],
  },
  {
    key: 'medicaid_managed_care',
    name: 'Medicaid managed care',
    howBuyerIsPaid: 'A managed-care plan receives capitated state payments for a Medicaid population.',
    riskPosture: 'capitated_full_risk',
    typicalBuyerTypes: ['payer'],
    qualityLevers: ['State-mandated quality measures', 'Health-equity measures', 'Social determinants of health'],
    csConsiderations: [
      'Members face digital-literacy, device, language and social barriers.',
      'Engagement benchmarks must be calibrated to the population and product.',
      'Baseline costs are lower, so savings are harder to show.',
    ],
  },
  {
    key: 'aco_shared_savings',
    name: 'ACO shared savings',
    howBuyerIsPaid: 'Providers keep fee-for-service income and share in savings on the total cost of care of attributed patients.',
    riskPosture: 'shared_savings',
    typicalBuyerTypes: ['provider', 'risk_bearing_entity'],
    qualityLevers: ['Total cost of care for attributed patients', 'ACO quality measures'],
    csConsiderations: ['Attribution rules decide whose costs count.', 'Savings need 12-18 months of lookback.'],
  },
  {
    key: 'commercial_insurance',
    name: 'Commercial insurance',
    howBuyerIsPaid: 'Commercial health plans collect premiums and pay claims; providers bill them per service.',
    riskPosture: 'insured_risk',
    typicalBuyerTypes: ['payer', 'provider'],
    qualityLevers: ['HEDIS measures', 'Medical loss ratio'],
    csConsiderations: ['Coverage of digital and RPM services varies by plan; confirm before projecting revenue.'],
  },
  {
    key: 'self_insured_employer',
    name: 'Self-insured employer',
    howBuyerIsPaid: 'The employer pays its employees\' claims directly, so healthcare cost trend hits its own P&L.',
    riskPosture: 'self_funded',
    typicalBuyerTypes: ['employer'],
    qualityLevers: ['Healthcare cost trend', 'Absenteeism and productivity'],
    csConsiderations: ['The conversation ends with the CFO.', 'HR teams are lean: keep their admin burden minimal.'],
  },
  {
    key: 'provider_ffs',
    name: 'Health system / provider fee-for-service',
    howBuyerIsPaid: 'A health system or practice is paid per service across its payer mix.',
    riskPosture: 'fee_for_service',
    typicalBuyerTypes: ['provider'],
    qualityLevers: ['Billable care-management services (CCM, TCM)', 'Clinician productivity'],
    csConsiderations: ['Clinicians will not switch between systems; EHR integration depth is decisive.'],
  },
  {
    key: 'pharma',
    name: 'Pharmaceutical company',
    howBuyerIsPaid: 'Revenue comes from prescriptions filled and patients staying on therapy.',
    riskPosture: 'product_revenue',
    typicalBuyerTypes: ['pharma'],
    qualityLevers: ['Adherence and persistence', 'Real-world evidence', 'Prescriber engagement'],
    csConsiderations: ['Value is indirect: the platform is a drug companion, not a standalone care tool.'],
  },
  {
    key: 'cms_access',
    name: 'CMS ACCESS model',
    howBuyerIsPaid:
      'CMS pays participating providers outcome-aligned payments for technology-enabled chronic care (ACCESS, Advancing Chronic Care with Effective, Scalable Solutions, launching July 2026): RPM-style infrastructure with value-based payment logic.',
    riskPosture: 'outcome_aligned',
    typicalBuyerTypes: ['provider', 'risk_bearing_entity'],
    qualityLevers: ['Outcome-aligned payments for chronic conditions (e.g. blood-pressure control)', 'The measures CMS ties ACCESS payments to'],
    csConsiderations: [
      'Too new to assess operationally: confirm the payment terms and measures with the buyer before projecting anything.',
      'The same patients and workflows as RPM under fee-for-service, but payment follows outcomes, so the measurement burden and financial risk shift.',
      'Organisations already running RPM are well placed: infrastructure and clinical workflows overlap.',
    ],
  },
];

/** Look up one payment environment. */
export function paymentEnvironment(key: PaymentEnvironmentKey): PaymentEnvironment {
  const found = PAYMENT_ENVIRONMENT_CATALOG.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`Unknown payment environment ${key}`);
  return found;
}
