import { z } from 'zod';
import { ARCHETYPES } from '../../framework/keys';
import { idSchema, isoDateSchema, longTextSchema, requiredName, shortTextSchema, storableText } from './common';

const personNameSchema = requiredName({ max: 200, empty: "Enter the person's name" });

const emailSchema = storableText()
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
