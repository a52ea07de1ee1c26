import type { ModelTerms } from '../api/schemas/stream-terms-schemas';

/** Months in a contract year. */
const MONTHS_PER_YEAR = 12;

/**
 * What one revenue stream is worth per year from its contract terms alone, in US dollars; null when
 * the terms do not fix it. Fixed fees count (a license, a flat PMPM on the eligible population, a
 * per-patient fee on the contracted patients, a hybrid's annual minimum); payments that depend on
 * claims paid (a CPT revenue share), on enrolment (an enrolment-based PMPM) or on outcomes (value-based)
 * are not a contract value until they are earned, so they stay unknown rather than becoming 0.
 * @example annualContractValueUsd({ revenueModel: 'pmpm_pepm', terms: { ratePerMonthUsd: 3, eligiblePopulation: 1_000 } }) // 36_000
 */
export function annualContractValueUsd(stream: ModelTerms): number | null {
  switch (stream.revenueModel) {
    case 'saas_license':
      return known(stream.terms.annualFeeUsd);
    case 'pmpm_pepm': {
      const { ratePerMonthUsd, eligiblePopulation, enrollmentBased } = stream.terms;
      if (enrollmentBased || ratePerMonthUsd === undefined || eligiblePopulation === undefined) return null;
      return ratePerMonthUsd * eligiblePopulation * MONTHS_PER_YEAR;
    }
    case 'cpt_rpm': {
      const { variant, perPatientMonthlyFeeUsd, enrolledPatientsContracted } = stream.terms;
      if (variant !== 'per_patient_fee' || perPatientMonthlyFeeUsd === undefined || enrolledPatientsContracted === undefined) return null;
      return perPatientMonthlyFeeUsd * enrolledPatientsContracted * MONTHS_PER_YEAR;
    }
    case 'hybrid':
      return known(stream.terms.annualMinimumUsd);
    case 'value_based':
      return null;
  }
}

function known(value: number | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
