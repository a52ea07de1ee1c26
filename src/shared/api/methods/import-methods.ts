import { z } from 'zod';
import { defineMethod } from '../define-method';
import { idSchema } from '../schemas/common';
import {
  importPreviewInputSchema,
  importPreviewSchema,
  importProgressSchema,
  importStartInputSchema,
} from '../schemas/import-schemas';

const byJobSchema = z.object({ jobId: idSchema }).strict();

export const importMethods = {
  'import.preview': defineMethod(
    importPreviewInputSchema,
    importPreviewSchema,
    'Reads a metrics CSV without writing: format, mapping, counts of what would change, and row errors.',
  ),
  'import.start': defineMethod(
    importStartInputSchema,
    z.object({ jobId: z.string() }),
    'Starts importing a metrics CSV in one transaction as a background job; poll import.progress.',
  ),
  'import.progress': defineMethod(byJobSchema, importProgressSchema, 'Where an import job is: rows and bytes so far, then its result.'),
  'import.cancel': defineMethod(
    byJobSchema,
    z.object({ jobId: z.string(), state: z.enum(['running', 'done', 'cancelled', 'failed']) }),
    'Asks a running import to stop; it rolls back and the workspace stays as it was.',
  ),
};
