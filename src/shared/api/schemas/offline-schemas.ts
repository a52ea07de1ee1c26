import { z } from 'zod';
import { idSchema } from './common';
import { EXPORT_TABLE_KEYS } from './workspace-export-schemas';
import { absoluteFilePathSchema } from './workspace-schemas';

/*
 * Offline laptops (issue 17, item 4): a CSM takes accounts out of a workspace (usually the team's
 * PostgreSQL one) into a new workspace file, works offline, and brings the changes back. The file
 * records its source and every taken row as it was (the base); bring-back compares each row on
 * three sides — base, mine (the file), theirs (the source now) — and writes only what changed here.
 */

export const takeOutInputSchema = z
  .object({
    /** The accounts to take, with all their rows (streams, stakeholders, metric values, …). */
    accountIds: z.array(idSchema).min(1, 'Choose at least one account to take out').max(500),
    /** The new workspace file; an existing file is never replaced. */
    path: absoluteFilePathSchema,
  })
  .strict();

/** Where a taken-out workspace file came from. */
export const takeOutOriginSchema = z.object({
  /** The source workspace: a file path, or a postgres:// URL with the password shown as ***. */
  source: z.string(),
  takenAt: z.string(),
  takenBy: z.string(),
  accountIds: z.array(z.string()),
  /** When its changes were brought back (a file is brought back once); null before. */
  broughtBackAt: z.string().nullable(),
});
export type TakeOutOrigin = z.infer<typeof takeOutOriginSchema>;

export const takeOutResultSchema = z.object({
  path: z.string(),
  origin: takeOutOriginSchema,
  /** Rows taken per table. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
});

export const BRING_BACK_STATUSES = ['unchanged', 'changed-here', 'changed-there', 'added-here', 'deleted-here', 'conflict'] as const;
/**
 * One row's state: changed-here (only in the file since take-out: written), changed-there (only on
 * the source: kept), added-here (new in the file: added), deleted-here (removed in the file:
 * removed there too), conflict (changed on both sides, differently: needs keep mine or keep theirs).
 */
export type BringBackStatus = (typeof BRING_BACK_STATUSES)[number];

export const KEEP_CHOICES = ['mine', 'theirs'] as const;
/** mine: the file's copy is written over the source's; theirs: the source's copy stays. */
export type KeepChoice = (typeof KEEP_CHOICES)[number];

/** One field of a conflicting row as each side has it (short display text; "(none)" for a missing row). */
export const fieldDifferenceSchema = z.object({ field: z.string(), base: z.string(), mine: z.string(), theirs: z.string() });

export const bringBackRowSchema = z.object({
  /** `table:key`, what a resolution names, e.g. `accounts:["acc-1"]`. */
  key: z.string(),
  table: z.enum(EXPORT_TABLE_KEYS),
  accountId: z.string(),
  accountName: z.string(),
  /** What a person knows the row by: a stakeholder's name, a metric and month. */
  label: z.string(),
  status: z.enum(BRING_BACK_STATUSES),
  /** Fields changed in the file since take-out (["(deleted)"] when removed, ["(new)"] when added). */
  changedHere: z.array(z.string()),
  /** Fields changed on the source since take-out (likewise). */
  changedThere: z.array(z.string()),
  /** Conflicts: each differing field on the three sides. */
  fields: z.array(fieldDifferenceSchema),
});
export type BringBackRow = z.infer<typeof bringBackRowSchema>;

export const bringBackPreviewSchema = z.object({
  /** The taken-out file and where it came from. */
  path: z.string(),
  origin: takeOutOriginSchema,
  counts: z.object(Object.fromEntries(BRING_BACK_STATUSES.map((s) => [s, z.number().int().nonnegative()])) as Record<BringBackStatus, z.ZodNumber>),
  /** Every row that is not unchanged: conflicts first (all of them), then the rest (the first 1,000). */
  rows: z.array(bringBackRowSchema),
  rowsOmitted: z.number().int().nonnegative(),
  /** The source's rows as the preview saw them; bringBack refuses when they changed since. */
  fingerprint: z.string(),
});
export type BringBackPreview = z.infer<typeof bringBackPreviewSchema>;

export const bringBackInputSchema = z
  .object({
    path: absoluteFilePathSchema,
    /** From the preview: the apply refuses (conflict) if the source changed after it. */
    expectedFingerprint: z.string().max(200).optional(),
    /** Per conflict (by row key): keep mine or keep theirs. */
    resolutions: z.record(z.string().max(2_000), z.enum(KEEP_CHOICES)).default({}),
    /** Every conflict without its own resolution: all mine, or all theirs. */
    keepAll: z.enum(KEEP_CHOICES).optional(),
  })
  .strict();

export const bringBackResultSchema = z.object({
  preview: bringBackPreviewSchema,
  /** Rows written to the source (the file's copy), removed from it, and conflicts settled each way. */
  written: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  keptMine: z.number().int().nonnegative(),
  keptTheirs: z.number().int().nonnegative(),
  broughtBackAt: z.string(),
});
