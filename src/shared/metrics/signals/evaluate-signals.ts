import { hybridSwitchoverSignals } from './hybrid-signals';
import { pmpmGuaranteedRevenueTrapSignals } from './pmpm-signals';
import { rpmCostAvoidanceUnmeasuredSignals, rpmDecouplingSignals, rpmManagementLeakageSignals } from './rpm-signals';
import { saasAdoptionErosionSignals } from './saas-signals';
import { finishSignal, severityRank, type Signal, type SignalDraft, type SignalSeverity } from './signal';
import type { DayRule, SignalContext, SignalDataContext } from './signal-context';
import { sponsorNotEngagedSignals } from './stakeholder-signals';
import { vbcDataQualityDropSignals, vbcEnrollmentTooSmallSignals, vbcOutcomeBelowBenchmarkSignals, vbcTargetAboveBenchmarkSignals } from './vbc-signals';

/** A rule that does not read the day: reads the context, returns zero or more signals. */
export type DataRule = (context: SignalDataContext) => SignalDraft[];

/** Every signal rule, in the order ties are listed. */
export const SIGNAL_RULES: readonly (DataRule | DayRule<unknown>)[] = [
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
  return SIGNAL_RULES.flatMap((rule) => (typeof rule === 'function' ? rule(context) : rule.decide(rule.gather(context), context.today)).map(finishSignal))
    .map((signal, order) => ({ signal, order }))
    .sort((a, b) => severityRank(a.signal.severity) - severityRank(b.signal.severity) || a.order - b.order)
    .map(({ signal }) => signal);
}

/**
 * What the signals of an account come to, without the day, one entry per rule: a rule that does
 * not read the day gives its signals' severities; a rule that does gives its facts (plain JSON).
 */
export type SignalFacts = ({ severities: SignalSeverity[] } | { facts: unknown })[];

/** The signal facts of an account: kept once a month, decided each day by signalSeveritiesOn. */
export function gatherSignalFacts(context: SignalDataContext): SignalFacts {
  return SIGNAL_RULES.map((rule) => (typeof rule === 'function' ? { severities: rule(context).map((draft) => draft.severity) } : { facts: rule.gather(context) }));
}

/** The severities of the signals evaluateSignals gives on `today`, from the account's signal facts. */
export function signalSeveritiesOn(facts: SignalFacts, today: string): SignalSeverity[] {
  return SIGNAL_RULES.flatMap((rule, i) => {
    const entry = facts[i]!;
    if ('severities' in entry) return entry.severities;
    if (typeof rule === 'function') throw new Error(`Signal facts do not match the rules at ${i}`);
    return rule.decide(entry.facts, today).map((draft) => draft.severity);
  });
}
