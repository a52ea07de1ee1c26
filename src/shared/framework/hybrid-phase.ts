import { z } from 'zod';
import { PROTECT_BASE_REVENUE_FIRST } from './hybrid-structures';
import { reason, type Reason } from './reason';

/*
 * The phased employer structure: an annual minimum covering the first users, a case rate for each
 * user above it, and a switch to PEPM once adoption crosses a trigger. The phase decides the CS mode.
 */

export const phasedContractTermsSchema = z
  .object({
    /** Activated users covered by the annual minimum fee. */
    annualMinimumUsers: z.number().int().nonnegative(),
    /** Activated users at which pricing switches to PEPM. */
    pepmSwitchoverUsers: z.number().int().positive(),
    /** Fee per activated user above the minimum, in US cents. */
    caseRateCents: z.number().int().nonnegative().optional(),
    /** Fee per eligible employee per month after switchover, in US cents. */
    pepmCents: z.number().int().nonnegative().optional(),
  })
  .refine((terms) => terms.pepmSwitchoverUsers > terms.annualMinimumUsers, {
    message: 'The PEPM switchover must sit above the users covered by the annual minimum',
    path: ['pepmSwitchoverUsers'],
  });
/** Thresholds of an annual minimum → case rate → PEPM contract. */
export type PhasedContractTerms = z.infer<typeof phasedContractTermsSchema>;

export type HybridPhaseKey = 'annual_minimum' | 'case_rate' | 'pepm';

export interface HybridPhase {
  phase: HybridPhaseKey;
  csMode: 'activation_critical' | 'retention_critical';
  optimiseFor: string[];
  /** Activated users still needed to reach the next threshold; null after switchover. */
  usersToNextThreshold: number | null;
  /** Progress toward the switchover as a 0-1 fraction (1 once crossed). */
  switchoverProgress: number;
  reasons: Reason[];
  principle: typeof PROTECT_BASE_REVENUE_FIRST;
}

/** Which phase a phased contract is in for a given number of activated users, and what CS should optimise. */
export function hybridPhase(terms: PhasedContractTerms, activatedUsers: number): HybridPhase {
  const users = Math.max(0, Math.floor(activatedUsers));
  const switchoverProgress = Math.min(1, users / terms.pepmSwitchoverUsers);
  if (users >= terms.pepmSwitchoverUsers) {
    return {
      phase: 'pepm',
      csMode: 'retention_critical',
      optimiseFor: [
        'Sustained engagement across the whole population',
        'Value evidence that justifies the per-employee spend at renewal',
        'Expansion to further populations',
        'An executive ROI story for the buyer\'s CFO',
      ],
      usersToNextThreshold: null,
      switchoverProgress,
      reasons: [
        reason(
          'past_switchover',
          `${users} activated users has reached the switchover at ${terms.pepmSwitchoverUsers}: revenue is now per eligible employee, so retention and demonstrated value decide the renewal, not new activations.`,
        ),
      ],
      principle: PROTECT_BASE_REVENUE_FIRST,
    };
  }
  const activationFocus = [
    'Activation campaigns and enrolment funnel conversion',
    'Co-branded assets and manager toolkits the client can deploy',
    'Pace toward the switchover threshold',
    'Understanding how the financial reconciliation is calculated',
  ];
  if (users > terms.annualMinimumUsers) {
    return {
      phase: 'case_rate',
      csMode: 'activation_critical',
      optimiseFor: activationFocus,
      usersToNextThreshold: terms.pepmSwitchoverUsers - users,
      switchoverProgress,
      reasons: [
        reason(
          'case_rate_phase',
          `${users} activated users is above the ${terms.annualMinimumUsers} covered by the minimum: each further activation earns case-rate revenue, and ${terms.pepmSwitchoverUsers - users} more reach the PEPM switchover.`,
        ),
      ],
      principle: PROTECT_BASE_REVENUE_FIRST,
    };
  }
  return {
    phase: 'annual_minimum',
    csMode: 'activation_critical',
    optimiseFor: activationFocus,
    usersToNextThreshold: terms.annualMinimumUsers - users + 1,
    switchoverProgress,
    reasons: [
      reason(
        'annual_minimum_phase',
        `${users} activated users is within the ${terms.annualMinimumUsers} covered by the annual minimum: revenue is the floor until activations pass it, so drive activation hard.`,
      ),
    ],
    principle: PROTECT_BASE_REVENUE_FIRST,
  };
}
