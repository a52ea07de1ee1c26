import { z } from 'zod';
import { idSchema } from './common';

/** Which audit entries: of one account, of one actor; newest first, a page at a time. */
export const auditListInputSchema = z
  .object({
    accountId: idSchema.optional(),
    actor: z.string().min(1).max(200).optional(),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type AuditListInput = z.input<typeof auditListInputSchema>;

/** One write as the audit log recorded it. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  method: z.string(),
  tableName: z.string(),
  rowId: z.string(),
  /** The row's name when it was written (account or stakeholder name, stream name, goal title). */
  rowLabel: z.string().nullable(),
  accountId: z.string().nullable(),
  /** The account's current name; null when the entry is about no account or the account is gone. */
  accountName: z.string().nullable(),
  fields: z.array(z.string()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), hasMore: z.boolean() });
export type AuditPage = z.infer<typeof auditPageSchema>;
