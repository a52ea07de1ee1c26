import { hybridSwitchoverSignals } from './hybrid-signals';
import { pmpmGuaranteedRevenueTrapSignals } from './pmpm-signals';
import { rpmCostAvoidanceUnmeasuredSignals, rpmDecouplingSignals, rpmManagementLeakageSignals } from './rpm-signals';
import { saasAdoptionErosionSignals } from './saas-signals';
import { finishSignal, severityRank, type Signal, type SignalDraft } from './signal';
import type { SignalContext } from './signal-context';
import { sponsorNotEngagedSignals } from './stakeholder-signals';
import { vbcDataQualityDropSignals, vbcEnrollmentTooSmallSignals, vbcOutcomeBelowBenchmarkSignals, vbcTargetAboveBenchmarkSignals } from './vbc-signals';

/** A signal rule: reads the context, returns zero or more signals. */
export type SignalRule = (context: SignalContext) => SignalDraft[];

/** Every signal rule, in the order ties are listed. */
export const SIGNAL_RULES: readonly SignalRule[] = [
  rpmDecouplingSignals,
  rpmManagementLeakageSignals,
  rpmCostAvoidanceUnmeasuredSignals,
  pmpmGuaranteedRevenueTrapSignals,
  saasAdoptionErosionSignals,
  sponsorNotEngagedSignals,
  vbcEnrollmentTooSmallSignals,
  vbcOutcomeBelowBenchmarkSignals,
  vbcDataQualityDropSignals,
  vbcTargetAboveBenchmarkSignals,
  hybridSwitchoverSignals,
];

/** All signals for an account, most severe first. */
export function evaluateSignals(context: SignalContext): Signal[] {
  return SIGNAL_RULES.flatMap((rule) => rule(context).map(finishSignal))
    .map((signal, order) => ({ signal, order }))
    .sort((a, b) => severityRank(a.signal.severity) - severityRank(b.signal.severity) || a.order - b.order)
    .map(({ signal }) => signal);
}
