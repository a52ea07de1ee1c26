/*
 * Numbers typed into forms travel as text so an empty field ("not known") stays distinct from 0.
 */

/** '' → undefined; otherwise the number (unparseable text is also undefined). */
export function parseOptionalNumber(text: string): number | undefined {
  const trimmed = text.replace(/,/g, '').trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** A stored number as field text; undefined or null becomes ''. */
export function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
