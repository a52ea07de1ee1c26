import type { StreamTerms } from '../api/schemas/stream-terms-schemas';
import type { RevenueModelKey } from '../framework/keys';

/** Months in a contract year. */
const MONTHS_PER_YEAR = 12;

/**
 * What one revenue stream is worth per year from its contract terms alone, in US dollars; null when
 * the terms do not fix it. Fixed fees count (a license, a flat PMPM on the eligible population, a
 * per-patient fee on the contracted patients, a hybrid's annual minimum); payments that depend on
 * claims paid (a CPT revenue share), on enrolment (an enrolment-based PMPM) or on outcomes (value-based)
 * are not a contract value until they are earned, so they stay unknown rather than becoming 0.
 * @example annualContractValueUsd('pmpm_pepm', { ratePerMonthUsd: 3, eligiblePopulation: 1_000 }) // 36_000
 */
export function annualContractValueUsd(model: RevenueModelKey, terms: Record<string, unknown>): number | null {
  switch (model) {
    case 'saas_license':
      return known((terms as StreamTerms['saas_license']).annualFeeUsd);
    case 'pmpm_pepm': {
      const { ratePerMonthUsd, eligiblePopulation, enrollmentBased } = terms as StreamTerms['pmpm_pepm'];
      if (enrollmentBased || ratePerMonthUsd === undefined || eligiblePopulation === undefined) return null;
      return ratePerMonthUsd * eligiblePopulation * MONTHS_PER_YEAR;
    }
    case 'cpt_rpm': {
      const { variant, perPatientMonthlyFeeUsd, enrolledPatientsContracted } = terms as StreamTerms['cpt_rpm'];
      if (variant !== 'per_patient_fee' || perPatientMonthlyFeeUsd === undefined || enrolledPatientsContracted === undefined) return null;
      return perPatientMonthlyFeeUsd * enrolledPatientsContracted * MONTHS_PER_YEAR;
    }
    case 'hybrid':
      return known((terms as StreamTerms['hybrid']).annualMinimumUsd);
    case 'value_based':
      return null;
  }
}

function known(value: number | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
