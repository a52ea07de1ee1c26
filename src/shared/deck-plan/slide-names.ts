import type { DeckPlanInput } from './deck-plan-types';

/*
 * Names the user typed, sized for slides. The API allows 200 characters for an account, stream or
 * person name (and as much for a job title), which is right for the record but cannot fit a title
 * or subtitle once a sentence is built around it. Slides get a shortened form, cut between words
 * and marked with "…"; the title slide's speaker notes list every full name that was shortened.
 */

/** Longest name of each kind printed on a slide, in characters (most real names are under 40). */
export const SLIDE_NAME_MAX = { account: 60, stream: 48, person: 48, personTitle: 48, preparer: 60 } as const;

/** A name that was shortened for slides, with its full form. */
export interface ShortenedName {
  short: string;
  full: string;
}

/**
 * The text cut to at most `max` characters between words, with "…" when anything was cut; line
 * breaks and runs of spaces become one space. Only a single word longer than half the limit is cut
 * inside the word, since keeping it whole could not fit.
 * @example shortenAtWord('Riverbend Cardiology Associates of the Greater Valley', 30) // 'Riverbend Cardiology…'
 */
export function shortenAtWord(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const room = flat.slice(0, max); // max - 1 characters of text, plus the ellipsis
  const lastSpace = room.lastIndexOf(' ');
  const cut = lastSpace >= max / 2 ? room.slice(0, lastSpace) : sliceWholeCodePoints(flat, max - 1);
  return `${cut.replace(/[\s,;:·–—-]+$/, '')}…`;
}

/** The inputs with every user-typed name slide-sized, and the names that had to be shortened. */
export function slideSizedNames(input: DeckPlanInput): { input: DeckPlanInput; shortened: ShortenedName[] } {
  const shortened: ShortenedName[] = [];
  const fit = (full: string, max: number): string => {
    const short = shortenAtWord(full, max);
    if (short !== full.replace(/\s+/g, ' ').trim() && !shortened.some((entry) => entry.full === full)) shortened.push({ short, full });
    return short;
  };
  const preparer = input.preparer && { companyName: fit(input.preparer.companyName, SLIDE_NAME_MAX.preparer), csmName: fit(input.preparer.csmName, SLIDE_NAME_MAX.preparer) };
  return {
    input: {
      ...input,
      account: { ...input.account, name: fit(input.account.name, SLIDE_NAME_MAX.account) },
      streams: input.streams.map((stream) => ({ ...stream, name: fit(stream.name, SLIDE_NAME_MAX.stream) })),
      stakeholders: input.stakeholders.map((person) => ({
        ...person,
        personName: fit(person.personName, SLIDE_NAME_MAX.person),
        title: fit(person.title, SLIDE_NAME_MAX.personTitle),
      })),
      ...(preparer ? { preparer } : {}),
    },
    shortened,
  };
}

/** The sentence the title slide's notes end with when names were shortened, or '' when none were. */
export function fullNamesNote(shortened: readonly ShortenedName[]): string {
  if (shortened.length === 0) return '';
  return `Names shortened on the slides, in full: ${shortened.map((entry) => `"${entry.short}" is ${entry.full}`).join('; ')}.`;
}

/** The first `count` UTF-16 units, never splitting a surrogate pair. */
function sliceWholeCodePoints(text: string, count: number): string {
  const code = text.charCodeAt(count - 1);
  return code >= 0xd800 && code <= 0xdbff ? text.slice(0, count - 1) : text.slice(0, count);
}
