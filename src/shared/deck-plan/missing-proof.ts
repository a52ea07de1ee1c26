import type { BelievableProofKind } from '../framework/keys';
import type { PlanEvidenceGap } from './deck-plan-types';

/*
 * The proof a room will ask for that the data cannot supply yet, counted one way everywhere: one
 * piece per step that closes it, however many people ask for it and on however many streams. The
 * executive summary's count, the evidence slide's rows, the next-90-days actions and the deck
 * builder's list all read this grouping (one gap per person and stream is the planner's detail).
 */

/** Missing proof closed by one step, and everyone in the room who will ask for it. */
export interface MissingProof {
  askers: string[];
  needs: string[];
  streams: string[];
  howToClose: string;
  /** The believable-proof kinds behind it; empty for a gap in the framework reading itself (no saved assessment). */
  proofKinds: BelievableProofKind[];
  /** What to say in the room for each gap, once each. */
  honestStatements: string[];
  /** The gaps merged here, in the planner's order. */
  gaps: PlanEvidenceGap[];
}

const addOnce = <T>(list: T[], item: T) => {
  if (!list.includes(item)) list.push(item);
};

/** The gaps closed by the same step merged, in the order each step first appears. */
export function missingProof(gaps: readonly PlanEvidenceGap[]): MissingProof[] {
  const byStep = new Map<string, MissingProof>();
  for (const gap of gaps) {
    const entry = byStep.get(gap.howToClose) ?? { askers: [], needs: [], streams: [], howToClose: gap.howToClose, proofKinds: [], honestStatements: [], gaps: [] };
    addOnce(entry.askers, gap.audienceLabel);
    addOnce(entry.needs, gap.need);
    if (gap.streamName) addOnce(entry.streams, gap.streamName);
    if (gap.proofKind) addOnce(entry.proofKinds, gap.proofKind);
    addOnce(entry.honestStatements, gap.honestStatement);
    entry.gaps.push(gap);
    byStep.set(gap.howToClose, entry);
  }
  return [...byStep.values()];
}
