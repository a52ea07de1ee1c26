import type { OutcomesContractTerms, PerformanceMechanism } from '../../framework/contract-terms';
import type { PhasedContractTerms } from '../../framework/hybrid-phase';
import type { StreamTerms } from './stream-terms-schemas';

/** How the money of each value-based structure moves, in the readiness check's terms. */
const STRUCTURE_MECHANISM: Record<NonNullable<StreamTerms['value_based']['structure']>, PerformanceMechanism> = {
  shared_savings: 'shared_savings',
  risk_corridor: 'risk_corridor',
  performance_tiers: 'bonus_after_measurement',
  pay_for_performance: 'bonus_after_measurement',
};

/**
 * The outcomes terms of a value-based stream in the shape the contract-readiness check reads: the
 * one reading of a stream's payment terms, so the readiness slide and the value slides agree. The
 * stream's structure, amount at risk and savings share fill the performance component (the stream's
 * own fields win over the same fields inside `performanceComponent`).
 */
export function outcomesTermsOf(terms: StreamTerms['value_based']): OutcomesContractTerms {
  const { measurementPeriodMonths, claimsRunoutMonths, targets, structure, atRiskAmountUsd, sharedSavingsPct, performanceComponent, ...clauses } = terms;
  const money = {
    ...(structure !== undefined ? { mechanism: STRUCTURE_MECHANISM[structure] } : {}),
    ...(atRiskAmountUsd !== undefined ? { atRiskAmountUsd } : {}),
    ...(sharedSavingsPct !== undefined ? { sharedSavingsPct } : {}),
  };
  const component = performanceComponent || Object.keys(money).length > 0 ? { ...performanceComponent, ...money } : undefined;
  return {
    ...clauses,
    ...(component ? { performanceComponent: component } : {}),
    measurement:
      measurementPeriodMonths === undefined && claimsRunoutMonths === undefined
        ? undefined
        : { periodMonths: measurementPeriodMonths || undefined, claimsRunoutMonths },
    targets: targets
      ?.filter((target) => target.targetPct !== undefined)
      .map((target) => ({
        metric: target.metric,
        targetPct: target.targetPct!,
        // The stream holds one benchmark figure: a range of one number (printed as one, "38%").
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
