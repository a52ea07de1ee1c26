import { z } from 'zod';
import { ARCHETYPES } from '../../framework/keys';
import { idSchema, isoDateSchema, longTextSchema, shortTextSchema } from './common';

const personNameSchema = z
  .string()
  .transform((name) => name.trim())
  .pipe(z.string().min(1, "Enter the person's name").max(200));

const emailSchema = z
  .string()
  .trim()
  .max(254)
  .refine((value) => value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), 'Enter an email address like name@example.com, or leave it empty');

const stakeholderFields = {
  archetype: z.enum(ARCHETYPES),
  personName: personNameSchema,
  title: shortTextSchema.default(''),
  email: emailSchema.default(''),
  communicationPreference: shortTextSchema.default(''),
  /** The person's own words for what success means to them. */
  successDefinition: longTextSchema.default(''),
  lastEngagedOn: isoDateSchema.nullable().default(null),
  isExecutiveSponsor: z.boolean().default(false),
  isBudgetHolder: z.boolean().default(false),
};

export const stakeholderInputSchema = z.object({ accountId: idSchema, ...stakeholderFields }).strict();
export type StakeholderInput = z.input<typeof stakeholderInputSchema>;

export const stakeholderPatchSchema = z
  .object({
    archetype: stakeholderFields.archetype.optional(),
    personName: personNameSchema.optional(),
    title: shortTextSchema.optional(),
    email: emailSchema.optional(),
    communicationPreference: shortTextSchema.optional(),
    successDefinition: longTextSchema.optional(),
    lastEngagedOn: isoDateSchema.nullable().optional(),
    isExecutiveSponsor: z.boolean().optional(),
    isBudgetHolder: z.boolean().optional(),
  })
  .strict();
export type StakeholderPatch = z.input<typeof stakeholderPatchSchema>;

export const stakeholderSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  archetype: z.enum(ARCHETYPES),
  personName: z.string(),
  title: z.string(),
  email: z.string(),
  communicationPreference: z.string(),
  successDefinition: z.string(),
  lastEngagedOn: z.string().nullable(),
  isExecutiveSponsor: z.boolean(),
  isBudgetHolder: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Stakeholder = z.infer<typeof stakeholderSchema>;
