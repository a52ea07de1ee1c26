import type { BuyerTypeKey, CustomerSegmentKey, RevenueModelKey } from '../../shared/framework/keys';
import { BUYER_TYPES, CUSTOMER_SEGMENTS } from '../../shared/framework/keys';

/*
 * Short display names for framework keys, sized for table cells and select options.
 * The framework catalog (src/shared/framework) holds the long, descriptive names.
 */

export const CUSTOMER_SEGMENT_LABELS: Record<CustomerSegmentKey, string> = {
  hospital_health_system: 'Hospital / health system',
  physician_practice: 'Physician practice',
  health_tech_company: 'Health-tech company',
  health_plan: 'Health plan',
  employer: 'Employer',
  pharma: 'Pharma / life sciences',
};

export const BUYER_TYPE_LABELS: Record<BuyerTypeKey, string> = {
  provider: 'Provider',
  payer: 'Payer',
  employer: 'Employer',
  risk_bearing_entity: 'Risk-bearing entity (ACO, risk-bearing provider)',
  pharma: 'Pharma / life sciences',
  channel_partner: 'Channel partner',
};

export const REVENUE_MODEL_LABELS: Record<RevenueModelKey, string> = {
  cpt_rpm: 'CPT / RPM reimbursement',
  pmpm_pepm: 'PMPM / PEPM',
  saas_license: 'SaaS licensing',
  value_based: 'Value-based / outcomes',
  hybrid: 'Hybrid',
};

/** Who usually pays the invoice for each kind of organisation; used to pre-fill the buyer type. */
export const USUAL_BUYER_TYPE: Record<CustomerSegmentKey, BuyerTypeKey> = {
  hospital_health_system: 'provider',
  physician_practice: 'provider',
  health_tech_company: 'channel_partner',
  health_plan: 'payer',
  employer: 'employer',
  pharma: 'pharma',
};

export const CUSTOMER_SEGMENT_OPTIONS = CUSTOMER_SEGMENTS.map((value) => ({ value, label: CUSTOMER_SEGMENT_LABELS[value] }));
export const BUYER_TYPE_OPTIONS = BUYER_TYPES.map((value) => ({ value, label: BUYER_TYPE_LABELS[value] }));
