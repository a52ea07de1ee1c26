import type { OutcomesContractTerms } from '../../framework/contract-terms';
import type { PhasedContractTerms } from '../../framework/hybrid-phase';
import type { StreamTerms } from './stream-terms-schemas';

/** The outcomes terms of a value-based stream in the shape the contract-readiness check reads. */
export function outcomesTermsOf(terms: StreamTerms['value_based']): OutcomesContractTerms {
  const { measurementPeriodMonths, claimsRunoutMonths, targets, structure: _structure, atRiskAmountUsd: _atRisk, sharedSavingsPct: _share, ...clauses } = terms;
  return {
    ...clauses,
    measurement:
      measurementPeriodMonths === undefined && claimsRunoutMonths === undefined
        ? undefined
        : { periodMonths: measurementPeriodMonths || undefined, claimsRunoutMonths },
    targets: targets
      ?.filter((target) => target.targetPct !== undefined)
      .map((target) => ({
        metric: target.metric,
        targetPct: target.targetPct!,
        benchmarkPct: target.benchmarkPct === undefined ? undefined : { min: target.benchmarkPct, max: target.benchmarkPct },
      })),
  };
}

/** The phase thresholds of a phased hybrid stream, or null until both user thresholds are known. */
export function phasedTermsOf(terms: StreamTerms['hybrid']): PhasedContractTerms | null {
  if (terms.annualMinimumUsers === undefined || terms.switchoverThresholdUsers === undefined) return null;
  if (terms.switchoverThresholdUsers <= terms.annualMinimumUsers) return null;
  return {
    annualMinimumUsers: terms.annualMinimumUsers,
    pepmSwitchoverUsers: terms.switchoverThresholdUsers,
    caseRateCents: terms.caseRateUsd === undefined ? undefined : Math.round(terms.caseRateUsd * 100),
    pepmCents: terms.pepmRateUsd === undefined ? undefined : Math.round(terms.pepmRateUsd * 100),
  };
}
