import { z } from 'zod';
import { defineMethod } from '../define-method';
import { noInputSchema } from '../schemas/common';
import {
  bringBackInputSchema,
  bringBackPreviewSchema,
  bringBackResultSchema,
  takeOutInputSchema,
  takeOutOriginSchema,
  takeOutResultSchema,
} from '../schemas/offline-schemas';
import { absoluteFilePathSchema } from '../schemas/workspace-schemas';

/** Offline laptops: take accounts out of the open workspace into a file, and bring a file's changes back. */
export const offlineMethods = {
  'offline.takeOut': defineMethod(
    takeOutInputSchema,
    takeOutResultSchema,
    'Takes the chosen accounts (and all their rows) out of the open workspace into a new workspace file that records where it came from.',
  ),
  'offline.origin': defineMethod(noInputSchema, takeOutOriginSchema.nullable(), 'Where the open workspace file was taken out from; null when it was not.'),
  'offline.previewBringBack': defineMethod(
    z.object({ path: absoluteFilePathSchema }).strict(),
    bringBackPreviewSchema,
    "What bringing a taken-out file back into the open workspace would do, row by row, conflicts listed; changes nothing.",
  ),
  'offline.bringBack': defineMethod(
    bringBackInputSchema,
    bringBackResultSchema,
    "Writes a taken-out file's changes into the open workspace in one transaction, each conflict as resolved (keep mine / keep theirs); refuses when a conflict has no resolution or the workspace changed since the preview.",
  ),
};
