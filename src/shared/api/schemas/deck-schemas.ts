import { z } from 'zod';
import type { ChartSpec } from '../../charts/chart-spec';
import { DECK_TYPES } from '../../deck-plan/deck-plan-types';
import { deckPlanEditsSchema } from '../../deck-plan/deck-edits';
import { ARCHETYPES, BELIEVABLE_PROOF_KINDS, VALUE_ORIENTATIONS } from '../../framework/keys';
import { idSchema } from './common';
import { quarterSchema } from './assessment-schemas';
import { acceptedCommitmentSchema } from './commitment-schemas';
import { COMMITMENT_KINDS, COMMITMENT_OWNER_SIDES } from '../../commitments/commitment';

/** A file path chosen by the user (save dialog, CLI). */
const filePathSchema = z.string().trim().min(1).max(4_096);

export const audienceSchema = z.array(z.enum(ARCHETYPES)).min(1, 'Choose at least one person in the room').max(4, 'A deck is calibrated for at most four roles');

const deckRequestShape = {
  accountId: idSchema,
  audience: audienceSchema,
  deckType: z.enum(DECK_TYPES).default('qbr'),
  /** Defaults to the quarter of the last complete month. */
  quarter: quarterSchema.optional(),
  edits: deckPlanEditsSchema.optional(),
  /**
   * The proposed decisions and actions the CSM accepted (and perhaps edited); the decisions and
   * next-90-days slides then say exactly these, and decks.export saves them in the commitments
   * ledger with the deck. Omitted: the plan's own proposals are shown and nothing is saved.
   */
  commitments: z.array(acceptedCommitmentSchema).max(20, 'A deck commits to at most 20 items').optional(),
};

export const deckPlanInputSchema = z.object(deckRequestShape).strict();
export type DeckPlanRequest = z.input<typeof deckPlanInputSchema>;

export const deckExportInputSchema = z
  .object({
    ...deckRequestShape,
    filePath: filePathSchema.refine((p) => p.toLowerCase().endsWith('.pptx'), 'The file name must end in .pptx'),
    /** Replace an existing file; without it an existing file is a 'conflict'. */
    overwrite: z.boolean().default(false),
    /** Create the file's folder if it does not exist; without it a missing folder is 'not_found' (details.missingFolder). */
    createFolder: z.boolean().default(false),
  })
  .strict();
export type DeckExportRequest = z.input<typeof deckExportInputSchema>;

/** One slide of a plan as the deck builder lists it, with the chart specs for previews. */
export const deckOutlineSlideSchema = z.object({
  id: z.string(),
  section: z.enum(['main', 'appendix']),
  kind: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  notes: z.string().nullable(),
  reason: z.string(),
  charts: z.array(z.custom<ChartSpec>((value) => typeof value === 'object' && value !== null)),
});

export const deckEvidenceGapSchema = z.object({
  archetype: z.enum(ARCHETYPES),
  audienceLabel: z.string(),
  proofKind: z.enum(BELIEVABLE_PROOF_KINDS).nullable(),
  need: z.string(),
  honestStatement: z.string(),
  howToClose: z.string(),
  streamName: z.string().nullable(),
});

export const deckOutlineSchema = z.object({
  accountId: idSchema,
  accountName: z.string(),
  deckType: z.enum(DECK_TYPES),
  quarter: z.string(),
  reportMonth: z.string(),
  audience: z.array(z.object({ archetype: z.enum(ARCHETYPES), archetypeName: z.string(), personName: z.string().nullable(), label: z.string() })),
  orientation: z.enum(VALUE_ORIENTATIONS),
  orientationReason: z.string(),
  assessmentStatus: z.enum(['final', 'missing']),
  fingerprint: z.string(),
  /** Slides the .pptx will have, counting the appendix divider and table continuation slides. */
  renderedSlideCount: z.number().int().nonnegative(),
  slides: z.array(deckOutlineSlideSchema),
  evidenceGaps: z.array(deckEvidenceGapSchema),
  /** The gaps as the deck counts and lists them: one per step that closes it, with everyone who asks. */
  missingProof: z.array(
    z.object({
      needs: z.array(z.string()),
      askers: z.array(z.string()),
      streams: z.array(z.string()),
      howToClose: z.string(),
      proofKinds: z.array(z.enum(BELIEVABLE_PROOF_KINDS)),
      honestStatements: z.array(z.string()),
    }),
  ),
  notices: z.array(z.string()),
  /** The CSM's layer (signals, plays, people, to-dos): shown in the deck builder and the title slide's notes, never on a slide. */
  prepBrief: z.object({ sections: z.array(z.object({ heading: z.string(), items: z.array(z.string()) })) }),
  /** What keeps the deck from being customer-ready (internal text on a slide, cut text, too long a main body...); empty when nothing does. */
  lint: z.array(z.object({ rule: z.string(), slideId: z.string().nullable(), message: z.string() })),
  /** The decisions and actions the plan proposes for the commitments ledger. */
  proposedCommitments: z.array(
    z.object({
      proposalKey: z.string(),
      kind: z.enum(COMMITMENT_KINDS),
      text: z.string(),
      ownerSide: z.enum(COMMITMENT_OWNER_SIDES),
      ownerName: z.string(),
      stakeholderId: idSchema.nullable(),
      dueDate: z.string(),
    }),
  ),
});
export type DeckOutline = z.infer<typeof deckOutlineSchema>;

export const deckExportResultSchema = z.object({
  deckId: idSchema,
  filePath: z.string(),
  slideCount: z.number().int().positive(),
  fingerprint: z.string(),
  /** Ledger entries saved with the deck (the accepted commitments). */
  commitmentsSaved: z.number().int().nonnegative(),
});
export type DeckExportResult = z.infer<typeof deckExportResultSchema>;

export const deckRecordSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  deckType: z.string(),
  quarter: z.string(),
  audience: z.array(z.string()),
  filePath: z.string(),
  planFingerprint: z.string(),
  createdAt: z.string(),
});
export type DeckRecord = z.infer<typeof deckRecordSchema>;

/** Open an exported deck, or show it in its folder. */
export const deckRevealInputSchema = z.object({ deckId: idSchema, action: z.enum(['open', 'showInFolder']) }).strict();

export const portfolioExportInputSchema = z
  .object({
    /** 'auto' picks each account's mapped stakeholders (budget holder / sponsor first). */
    audience: z.union([z.literal('auto'), audienceSchema]),
    deckType: z.enum(DECK_TYPES).default('qbr'),
    quarter: quarterSchema.optional(),
    outDir: filePathSchema,
    overwrite: z.boolean().default(false),
    /** Create the folder if it does not exist; without it a missing folder is 'not_found' (details.missingFolder). */
    createFolder: z.boolean().default(false),
  })
  .strict();
export type PortfolioExportRequest = z.input<typeof portfolioExportInputSchema>;

export const portfolioExportProgressSchema = z.object({
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  /** The quarter the decks are planned for, e.g. "2026Q4" (the current quarter when none was asked for). */
  quarter: z.string(),
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  written: z.array(z.object({ accountId: idSchema, accountName: z.string(), filePath: z.string(), slideCount: z.number().int() })),
  failed: z.array(z.object({ accountId: idSchema, accountName: z.string(), reason: z.string() })),
  error: z.string().optional(),
});
export type PortfolioExportProgress = z.infer<typeof portfolioExportProgressSchema>;

export const templateBrandSchema = z.object({
  primaryColor: z.string().optional(),
  secondaryColor: z.string().optional(),
  fontHeading: z.string().optional(),
  fontBody: z.string().optional(),
  logoPng: z.string().optional(),
});
