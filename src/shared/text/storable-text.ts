import { z } from 'zod';
import { xmlIllegalTextProblem } from './xml-safe-text';

/*
 * THE rule for every piece of text a user types (names, titles, notes, settings, deck edits): one
 * function per shape, so every field schema refuses the same characters with the same message.
 */

/**
 * Text a user typed, storable and printable on a slide: at most `max` characters (when given) and
 * free of characters XML cannot carry (a vertical tab from Word's Shift+Enter would make every
 * deck that shows it unreadable). The message names the character and where it is; the issue path
 * names the field.
 * @example storableText(200).safeParse('Acme\u000BHealth').success // false
 */
export function storableText(max?: number) {
  const text = max === undefined ? z.string() : z.string().max(max);
  return text.superRefine(refuseXmlIllegalCharacters);
}

/**
 * A required name or title: the storable-text rule, then trimmed, Unicode-normalised (NFC, so a
 * decomposed "Café" typed on a Mac is the same name as a composed one) and 1..max characters.
 * @example requiredName({ max: 200, empty: 'Give the account a name' }).parse('  Cafe\u0301 ') // 'Café'
 */
export function requiredName(options: { max: number; empty: string; tooLong?: string }) {
  return z
    .string()
    .superRefine(refuseXmlIllegalCharacters)
    .transform((name) => normaliseText(name.trim()))
    .pipe(z.string().min(1, options.empty).max(options.max, options.tooLong));
}

/**
 * The form names are stored and compared in: Unicode NFC (composed "é", not "e" + combining accent).
 * @example normaliseText('Cafe\u0301') === 'Café' // true
 */
export function normaliseText(text: string): string {
  return text.normalize('NFC');
}

function refuseXmlIllegalCharacters(text: string, ctx: z.RefinementCtx): void {
  const problem = xmlIllegalTextProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: `This text ${problem}.`, input: text });
}
