import type { MetricKey } from '../framework/metric-keys';
import type { AssessmentResult } from '../assessment/assessment-result';
import type { DeckSlide } from '../deck/deck-document';
import type {
  ArchetypeKey,
  BelievableProofKind,
  BuyerTypeKey,
  CustomerSegmentKey,
  PaymentEnvironmentKey,
  RevenueModelKey,
  ValueOrientationKey,
} from '../framework/keys';
import type { RpmRateSetting } from '../framework/rpm-codes';
import type { AccountInsights } from '../metrics/account-insights';
import type { MetricObservation } from '../metrics/metric-observation';
import type { PrepBrief } from './prep-brief';
import type { KpiUnit } from '../metrics/kpis/kpi-definition';
import type { CommitmentKind, CommitmentOwnerSide, CommitmentStatus } from '../commitments/commitment';
import type { MissingProof } from './missing-proof';

/*
 * The deck plan's inputs and outputs. The plan decides which slides a meeting needs, in which
 * order, with every number and word already chosen; the renderer only draws it.
 */

export const DECK_TYPES = ['qbr', 'ebr'] as const;
/** 'qbr': quarterly review with the operational champion; 'ebr': executive review with the sponsor. */
export type DeckType = (typeof DECK_TYPES)[number];

/** Main body (presented) or appendix (backup the presenter can jump to). */
export type SlideSection = 'main' | 'appendix';

export interface DeckPlanAccount {
  id: string;
  name: string;
  customerSegment: CustomerSegmentKey;
  buyerType: BuyerTypeKey;
  renewalDate: string | null;
  contractStartDate: string | null;
}

export interface DeckPlanStream {
  id: string;
  name: string;
  revenueModel: RevenueModelKey;
  paymentEnvironment: PaymentEnvironmentKey | null;
  terms: Readonly<Record<string, unknown>>;
}

export interface DeckPlanStakeholder {
  id: string;
  personName: string;
  title: string;
  archetype: ArchetypeKey;
  isExecutiveSponsor: boolean;
  isBudgetHolder: boolean;
  /** YYYY-MM-DD or null when never / unknown. */
  lastEngagedOn: string | null;
  successDefinition: string;
}

/** A success-plan goal; null numbers are unknown, never zero. */
export interface DeckPlanGoal {
  id: string;
  title: string;
  metricKey: string | null;
  unit: string;
  baseline: number | null;
  target: number | null;
  current: number | null;
  dueDate: string | null;
  /** YYYY-MM the goal started; with the due date it says whether the goal is behind pace. */
  startMonth?: string | null;
  /** Set when the goal is measured by a KPI: its numbers are in this unit and format as the scorecard does. */
  kpiUnit?: KpiUnit | null;
}

/** A commitments-ledger entry from an earlier quarter, as the carry-over slide reads it. */
export interface DeckPlanCommitment {
  id: string;
  kind: CommitmentKind;
  text: string;
  ownerSide: CommitmentOwnerSide;
  ownerName: string;
  /** YYYY-MM-DD or null. */
  dueDate: string | null;
  /** e.g. "2026Q3". */
  quarterRaised: string;
  status: CommitmentStatus;
  outcomeNote: string;
}

/** A decision or action the plan proposes for the ledger; the CSM accepts, edits or drops it before export. */
export interface ProposedCommitment {
  /** Stable within the quarter: accepting it again updates the same ledger entry. */
  proposalKey: string;
  kind: CommitmentKind;
  text: string;
  ownerSide: CommitmentOwnerSide;
  ownerName: string;
  stakeholderId: string | null;
  /** YYYY-MM-DD. */
  dueDate: string;
}

/** One anonymised peer account of the same revenue model: KPI key → value at the report month. */
export interface PeerBenchmarkRow {
  /** e.g. "Peer 1"; never the account's name. */
  label: string;
  kpis: Readonly<Record<string, number | null>>;
}

/** Who prepares the deck, for the title slide. */
export interface DeckPreparer {
  companyName: string;
  csmName: string;
}

/** Everything composeDeckPlan reads. No clock: `today` is passed in. */
export interface DeckPlanInput {
  account: DeckPlanAccount;
  streams: readonly DeckPlanStream[];
  stakeholders: readonly DeckPlanStakeholder[];
  /** The quarter's final assessment, or null when none was saved (the deck says so). */
  assessment: AssessmentResult | null;
  /** Insights computed for the deck's report month. */
  insights: AccountInsights;
  /** The account's raw monthly observations (outcome metrics and funnel counts are read from here). */
  observations: readonly MetricObservation[];
  /** The dated RPM reimbursement rates the insights used (settings or shipped defaults), for dollar estimates. */
  rpmRates: readonly RpmRateSetting[];
  goals: readonly DeckPlanGoal[];
  /** Anonymised peers of the same model and payment environment; the benchmark appears only with at least three. */
  peers: readonly PeerBenchmarkRow[];
  /** Archetype keys of the people in the room, most important first. */
  audience: readonly ArchetypeKey[];
  deckType: DeckType;
  /** e.g. "2026Q3". */
  quarter: string;
  /** YYYY-MM-DD. */
  today: string;
  preparer?: DeckPreparer;
  /**
   * Ledger entries raised before this quarter: last quarter's (any status) and anything older still
   * open or slipped. The deck opens with them after the title.
   */
  priorCommitments?: readonly DeckPlanCommitment[];
  /**
   * The proposals as the CSM accepted (and perhaps edited) them in the deck builder; when given,
   * the decisions and next-90-days slides show exactly these.
   */
  agreedCommitments?: readonly ProposedCommitment[];
}

/** One person (or role) in the room. */
export interface AudienceMember {
  archetype: ArchetypeKey;
  archetypeName: string;
  /** The mapped person, when the account has one for this archetype. */
  personName: string | null;
  personTitle: string | null;
  /** "Dana Whitfield (Practice Manager)" or the role's name when nobody is mapped. */
  label: string;
}

/** One slide of the plan. */
export interface PlannedSlide {
  /** Stable key ('value-story', 'proof-buyer_cfo'); edits refer to it. */
  id: string;
  section: SlideSection;
  /** Why this slide is in this deck for this audience, for the outline. */
  reason: string;
  content: DeckSlide;
}

/** Proof someone in the room will ask for that the data cannot supply yet. */
export interface PlanEvidenceGap {
  archetype: ArchetypeKey;
  audienceLabel: string;
  /** Null for gaps in the account's framework reading itself (e.g. no saved assessment). */
  proofKind: BelievableProofKind | null;
  need: string;
  /** What to say in the room instead of stretching weaker data. */
  honestStatement: string;
  howToClose: string;
  streamName: string | null;
}

/** The ordered slides of one deck and what they rest on. */
export interface DeckPlan {
  accountId: string;
  accountName: string;
  deckType: DeckType;
  quarter: string;
  /** "Q3 2026". */
  quarterLabel: string;
  /** YYYY-MM the KPI values are for. */
  reportMonth: string;
  /** YYYY-MM-DD the plan was composed for (the input's `today`). */
  preparedOn: string;
  audience: AudienceMember[];
  /** The orientation the value story is told in, for the primary stakeholder. */
  orientation: ValueOrientationKey;
  orientationReason: string;
  /** 'final' when a saved assessment for the quarter was read, else 'missing'. */
  assessmentStatus: 'final' | 'missing';
  slides: PlannedSlide[];
  /** One gap per person in the room, need and stream: the planner's detail. */
  evidenceGaps: PlanEvidenceGap[];
  /** The same gaps as the deck counts and lists them: one per step that closes it (missing-proof.ts). */
  missingProof: MissingProof[];
  /** Things the CSM should know before presenting (missing assessment, too few peers...). */
  notices: string[];
  /** The CSM's layer: signals, plays, people, to-dos. Never on a slide; the title slide's notes carry it. */
  prepBrief: PrepBrief;
  /** The decisions and actions this deck proposes for the commitments ledger. */
  proposedCommitments: ProposedCommitment[];
  /**
   * What leads for the primary person on the lead stream (framework/value-story.ts): the same
   * decision the app's Metrics tab shows as the stream's lead metrics.
   */
  story: { streamId: string; leadMetricKeys: MetricKey[]; proofOrder: BelievableProofKind[]; leadProof: BelievableProofKind | null };
}
