import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import type { PortfolioFacts } from '../../../shared/api/schemas/portfolio-schemas';

/*
 * Getting a new account to its first QBR, in the order that works: how you are paid, then who is in
 * the room, then the numbers, then the quarter's assessment (which reads the people and the numbers),
 * then the deck. The portfolio's Setup column and the account overview's checklist both use this.
 */

export const SETUP_STEP_KEYS = ['streams', 'stakeholders', 'metrics', 'assessment', 'deck'] as const;
export type SetupStepKey = (typeof SETUP_STEP_KEYS)[number];

/** What the checklist is judged from; each count is what the workspace holds now. */
export interface SetupFacts {
  streamCount: number;
  stakeholderCount: number;
  hasMetrics: boolean;
  /** A final (saved) assessment exists for some quarter. */
  assessed: boolean;
  deckCount: number;
}

export interface SetupStep {
  key: SetupStepKey;
  /** What to do, as an instruction. */
  label: string;
  /** Why it comes at this point in the order. */
  why: string;
  done: boolean;
}

export interface SetupProgress {
  steps: SetupStep[];
  doneCount: number;
  total: number;
  complete: boolean;
  /** The first step not done yet: what to do next. */
  next: SetupStep | null;
  /** Set when the assessment was saved before anyone was mapped: its value map has nobody in it. */
  assessedWithoutStakeholders: boolean;
}

const STEP_TEXT: Record<SetupStepKey, { label: string; why: string }> = {
  streams: {
    label: 'Add how you are paid',
    why: "Each revenue stream sets the model, the buyer's payment environment and which metrics and KPIs apply.",
  },
  stakeholders: {
    label: 'Map the stakeholders',
    why: "Map who will be in the room before the assessment: the value map and the deck's audience are built from them, and without them the value map comes out empty.",
  },
  metrics: {
    label: 'Record monthly metrics',
    why: 'Import a CSV or enter months by hand: health, signals and every number on a slide come from them.',
  },
  assessment: {
    label: "Save the quarter's assessment",
    why: 'The orienting questions confirm whether the buyer sees revenue or savings, and list the evidence gaps and the questions to ask.',
  },
  deck: {
    label: 'Export the first deck',
    why: 'Choose who is in the room, review and edit the slides, and export the .pptx.',
  },
};

/** The five steps with what is done and what comes next. */
export function setupProgress(facts: SetupFacts): SetupProgress {
  const done: Record<SetupStepKey, boolean> = {
    streams: facts.streamCount > 0,
    stakeholders: facts.stakeholderCount > 0,
    metrics: facts.hasMetrics,
    assessment: facts.assessed,
    deck: facts.deckCount > 0,
  };
  const steps = SETUP_STEP_KEYS.map((key) => ({ key, ...STEP_TEXT[key], done: done[key] }));
  const doneCount = steps.filter((step) => step.done).length;
  return {
    steps,
    doneCount,
    total: steps.length,
    complete: doneCount === steps.length,
    next: steps.find((step) => !step.done) ?? null,
    assessedWithoutStakeholders: facts.assessed && facts.stakeholderCount === 0,
  };
}

/** The checklist's facts for a portfolio row; null until `portfolio.facts` has answered for it. */
export function setupFactsOf(account: AccountSummary, facts: PortfolioFacts | undefined): SetupFacts | null {
  if (!facts) return null;
  return {
    streamCount: account.revenueModels.length,
    stakeholderCount: account.stakeholderCount,
    hasMetrics: account.latestMetricMonth !== null,
    assessed: facts.lastAssessedQuarter !== null,
    deckCount: facts.deckCount,
  };
}
