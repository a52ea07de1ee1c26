import { z } from 'zod';
import { healthWeightOverridesSchema } from '../../metrics/health/health-weights';
import { storableText } from './common';
import { rememberedImportMappingsSchema } from './import-schemas';
import { deckBrandSettingsSchema } from './brand-schemas';
import { portfolioViewsSchema } from './portfolio-view-schemas';

/**
 * Every setting the app knows, with its default. Unknown keys are rejected so a typo
 * cannot silently create a setting nothing reads.
 */
export const appSettingsSchema = z
  .object({
    /** The CSM's own name, used on deck title slides. */
    csmName: storableText(200).default(''),
    /** The vendor's company name, used on deck title slides and footers. */
    companyName: storableText(200).default(''),
    /** How many automatic backups to keep per workspace. */
    backupsToKeep: z.number().int().min(1).max(100).default(10),
    /** Set once the first-run choice (demo portfolio or start empty) has been made. */
    onboardingCompleted: z.boolean().default(false),
    /** Health-score weight overrides per revenue model and component; {} uses the documented defaults. */
    healthWeights: healthWeightOverridesSchema.default({}),
    /** CSV column mappings the user confirmed, by header fingerprint, offered again for the next file with the same headers. */
    importMappings: rememberedImportMappingsSchema.default({}),
    /** Deck colours, fonts and logo (set by hand or read from a .pptx template); empty uses the defaults. */
    brand: deckBrandSettingsSchema.default({}),
    /** Saved portfolio views (search, filters, sort), in the order the portfolio lists them. */
    portfolioViews: portfolioViewsSchema.default([]),
  })
  .strict();
export type AppSettings = z.infer<typeof appSettingsSchema>;

/**
 * A change to some settings: only the keys it names are written. Built from the fields without
 * their defaults, because zod 4 fills `.default()` values even inside `.partial()`, which would turn
 * `{ backupsToKeep: 3 }` into "and every other setting back to its default".
 */
export const appSettingsPatchSchema = z
  .object(
    Object.fromEntries(Object.entries(appSettingsSchema.shape).map(([key, field]) => [key, field.removeDefault().optional()])) as {
      [K in keyof typeof appSettingsSchema.shape]: z.ZodOptional<ReturnType<(typeof appSettingsSchema.shape)[K]['removeDefault']>>;
    },
  )
  .strict();
export type AppSettingsPatch = z.infer<typeof appSettingsPatchSchema>;

export const DEFAULT_APP_SETTINGS: AppSettings = appSettingsSchema.parse({});
