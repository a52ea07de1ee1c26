import { addDays } from '../calendar';
import type { ProposedCommitment } from './deck-plan-types';
import type { SlideContext } from './slide-context';
import { nextNinetyDaysActions, stakeholderIdOf, theirOwner, type PlannedAction } from './slides/closing-slides';
import type { Decision } from './slides/opening-slides';

/*
 * Between the plan and the commitments ledger: the decisions and next-90-days actions a deck
 * proposes, and the slides' rows rebuilt from the ones the CSM accepted (and perhaps edited) in
 * the deck builder, so the exported slides say exactly what the ledger records.
 */

/** Days the customer has to settle a decision sought in the review. */
export const DECISION_DUE_DAYS = 30;

/**
 * The ledger entries a deck proposes: each new decision (carried-over ones are in the ledger
 * already) and each next-90-days action, with owner and due date.
 */
export function proposeCommitments(ctx: SlideContext, decisions: readonly Decision[], actions: readonly PlannedAction[] = nextNinetyDaysActions(ctx)): ProposedCommitment[] {
  const decided: ProposedCommitment[] = decisions
    .filter((decision) => decision.carriedFrom === undefined)
    .map((decision) => ({
      proposalKey: `decision:${decision.short}`,
      kind: 'decision',
      text: `${decision.bullet.emphasis ? `${decision.bullet.emphasis} ` : ''}${decision.bullet.text}`,
      ownerSide: 'customer',
      ownerName: theirOwner(ctx.primary),
      stakeholderId: stakeholderIdOf(ctx, ctx.primary),
      dueDate: addDays(ctx.facts.input.today, DECISION_DUE_DAYS),
    }));
  const acted: ProposedCommitment[] = actions.map((action) => ({
    proposalKey: `action:${action.key}`,
    kind: 'action',
    text: action.action,
    ownerSide: action.side,
    ownerName: action.owner,
    stakeholderId: action.stakeholderId,
    dueDate: action.dueDate,
  }));
  return [...decided, ...acted];
}

/** Accepted decisions as decision bullets: "Confirm the renewal path: renewal is …" keeps its lead-in. */
export function agreedDecisions(agreed: readonly ProposedCommitment[]): Decision[] {
  return agreed
    .filter((c) => c.kind === 'decision')
    .map((c) => {
      const colon = c.text.indexOf(': ');
      const bullet = colon > 0 && colon < 60 ? { emphasis: c.text.slice(0, colon + 1), text: c.text.slice(colon + 2) } : { text: c.text };
      return { short: bullet.emphasis ? bullet.emphasis.slice(0, -1).toLowerCase() : 'the decision agreed for this review', bullet };
    });
}

/** Accepted actions as next-90-days rows. */
export function agreedActions(agreed: readonly ProposedCommitment[]): PlannedAction[] {
  return agreed
    .filter((c) => c.kind === 'action')
    .map((c) => ({ key: c.proposalKey, action: c.text, owner: c.ownerName, side: c.ownerSide, stakeholderId: c.stakeholderId, dueDate: c.dueDate }));
}
