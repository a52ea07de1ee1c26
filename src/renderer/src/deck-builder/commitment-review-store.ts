import { create } from 'zustand';
import type { AcceptedCommitmentInput } from '../../../shared/api/schemas/commitment-schemas';
import type { DeckOutline } from '../../../shared/api/schemas/deck-schemas';

/*
 * The deck builder's review of the commitments a deck proposes: each decision and next-90-days
 * action is accepted (the default), edited or dropped before export. The accepted ones go with the
 * export: the Decisions and Next 90 days slides say exactly them, and they are saved in the
 * account's commitments ledger with the deck.
 */

type Proposal = DeckOutline['proposedCommitments'][number];

/** What the CSM decided about one proposal; the text fields start as proposed. */
export interface CommitmentChoice {
  accepted: boolean;
  text: string;
  ownerName: string;
  dueDate: string;
}

interface CommitmentReviewState {
  /** Which deck the choices are for (account, quarter, deck type, audience); other choices reset them. */
  deckKey: string;
  choices: Record<string, CommitmentChoice>;
  /** Starts a review for `deckKey`, keeping the choices when it is the same deck. */
  startFor(deckKey: string): void;
  setAccepted(proposal: Proposal, accepted: boolean): void;
  edit(proposal: Proposal, field: 'text' | 'ownerName' | 'dueDate', value: string): void;
}

export const useCommitmentReviewStore = create<CommitmentReviewState>()((set, get) => ({
  deckKey: '',
  choices: {},
  startFor(deckKey) {
    if (get().deckKey !== deckKey) set({ deckKey, choices: {} });
  },
  setAccepted(proposal, accepted) {
    set((state) => ({ choices: { ...state.choices, [proposal.proposalKey]: { ...choiceFor(proposal, state.choices), accepted } } }));
  },
  edit(proposal, field, value) {
    set((state) => ({ choices: { ...state.choices, [proposal.proposalKey]: { ...choiceFor(proposal, state.choices), [field]: value } } }));
  },
}));

/** The choice for a proposal: the CSM's when they made one, else accepted as proposed. */
export function choiceFor(proposal: Proposal, choices: Readonly<Record<string, CommitmentChoice>>): CommitmentChoice {
  return choices[proposal.proposalKey] ?? { accepted: true, text: proposal.text, ownerName: proposal.ownerName, dueDate: proposal.dueDate };
}

/** The accepted proposals as decks.export takes them, with the CSM's edits. */
export function acceptedCommitments(proposals: readonly Proposal[], choices: Readonly<Record<string, CommitmentChoice>>): AcceptedCommitmentInput[] {
  return proposals.flatMap((proposal) => {
    const choice = choiceFor(proposal, choices);
    if (!choice.accepted) return [];
    return [{ proposalKey: proposal.proposalKey, kind: proposal.kind, text: choice.text, ownerSide: proposal.ownerSide, ownerName: choice.ownerName, stakeholderId: proposal.stakeholderId, dueDate: choice.dueDate }];
  });
}
