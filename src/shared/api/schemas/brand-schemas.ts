import { z } from 'zod';
import { storableText } from './common';

/*
 * The deck brand the user sets by hand or reads from the company's .pptx template. The company name
 * lives in the general settings (`companyName`); everything here is optional and falls back to the
 * renderer's DEFAULT_BRAND.
 */

const hexColor = z.string().regex(/^[0-9A-Fa-f]{6}$/, 'Use a 6-digit hex colour without #');

export const deckBrandSettingsSchema = z
  .object({
    primaryColor: hexColor.optional(),
    secondaryColor: hexColor.optional(),
    fontHeading: storableText(100).trim().min(1).optional(),
    fontBody: storableText(100).trim().min(1).optional(),
    /** PNG logo as base64 without a data: prefix; about 512 KB at most. */
    logoPng: z.string().max(700_000).optional(),
  })
  .strict();
/** Deck colours, fonts and logo; absent fields use the defaults. */
export type DeckBrandSettings = z.infer<typeof deckBrandSettingsSchema>;
