import { z } from 'zod';

/** A file-type filter, e.g. { name: 'PowerPoint presentation', extensions: ['pptx'] } (extensions without the dot). */
export const fileDialogFilterSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,16}$/, 'An extension is letters and digits, without the dot')).min(1).max(10),
  })
  .strict();

/** What a native open or save dialog shows: its title, where it starts and which file types it offers. */
export const fileDialogInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    /** Folder or file the dialog starts at; a save dialog also proposes its file name. */
    defaultPath: z.string().max(4_096).optional(),
    filters: z.array(fileDialogFilterSchema).max(10).default([]),
  })
  .strict();

/** The file the person chose, or null when they cancelled. */
export const chosenPathSchema = z.object({ path: z.string().nullable() });
