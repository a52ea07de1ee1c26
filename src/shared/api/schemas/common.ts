import { z } from 'zod';
import { storableText } from '../../text/storable-text';

export { requiredName, storableText } from '../../text/storable-text';

/** A calendar date as YYYY-MM-DD that actually exists (no 2026-02-30). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-09-30')
  .refine((value) => isRealCalendarDate(value), 'This date does not exist');

/** An entity id as issued by the backend. */
export const idSchema = z.string().min(1, 'An id is required').max(64);

/** Free text a user typed: short (titles, preferences) and long (notes, success definitions). */
export const shortTextSchema = storableText(200);
export const longTextSchema = storableText(20_000);

/**
 * A row's `updatedAt` as the caller read it: its version. A write over a newer version is refused
 * as `conflict` listing what changed since (someone else saved first). Without it the write
 * applies to whatever the row holds now.
 */
export const expectedUpdatedAtSchema = z.string().min(1).max(40).optional();

/** The empty input object used by methods that take no arguments. */
export const noInputSchema = z.object({}).strict();

function isRealCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
