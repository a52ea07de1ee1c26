import { z } from 'zod';
import { defineMethod } from '../define-method';
import { idSchema } from '../schemas/common';
import {
  deckExportInputSchema,
  deckExportResultSchema,
  deckOutlineSchema,
  deckPlanInputSchema,
  deckRecordSchema,
  deckRevealInputSchema,
  portfolioExportInputSchema,
  portfolioExportProgressSchema,
  templateBrandSchema,
} from '../schemas/deck-schemas';

const byJobSchema = z.object({ jobId: idSchema }).strict();

export const deckMethods = {
  'decks.plan': defineMethod(deckPlanInputSchema, deckOutlineSchema, 'The deck outline for an account and audience: slides, titles, notes, chart specs and evidence gaps.'),
  'decks.export': defineMethod(deckExportInputSchema, deckExportResultSchema, 'Renders the deck and writes it atomically; refuses to replace an existing file unless overwrite is true.'),
  'decks.reveal': defineMethod(
    deckRevealInputSchema,
    z.object({ filePath: z.string() }),
    'Opens an exported deck, or shows it in its folder (desktop app only; elsewhere not_available, with the path in the message).',
  ),
  'decks.list': defineMethod(z.object({ accountId: idSchema }).strict(), z.array(deckRecordSchema), "The decks exported for an account, newest first."),
  'decks.exportPortfolio': defineMethod(portfolioExportInputSchema, z.object({ jobId: z.string() }), 'Starts writing one deck per account into a folder as a background job; poll decks.jobProgress.'),
  'decks.jobProgress': defineMethod(byJobSchema, portfolioExportProgressSchema, 'Where a portfolio export is: decks written and failed so far, with reasons.'),
  'decks.cancelJob': defineMethod(byJobSchema, z.object({ jobId: z.string(), state: z.enum(['running', 'done', 'cancelled', 'failed']) }), 'Stops a portfolio export after the deck in progress.'),
  'decks.readBrandFromTemplate': defineMethod(z.object({ filePath: z.string().trim().min(1).max(4_096) }).strict(), templateBrandSchema, "Reads colours, fonts and logo from a company's .pptx template."),
};
