import type { DeckSlide } from '../deck/deck-document';

/*
 * The framework, the metric catalog and the readiness checklist speak of the customer as "the
 * buyer" and of us as "the vendor": right for the CSM's prep brief and speaker notes, wrong on a
 * slide the customer reads ("with the buyer's actuary", said to the actuary in the room). Every
 * slide passes through this one rewrite before it is placed; the speaker notes keep the CSM's
 * voice. The deck lint flags any "buyer" or "vendor" a new text brings that this table misses.
 */

/** Whole phrases first (where a plain swap would leave "them" for "you"), then the general forms. */
const CUSTOMER_VOICE: readonly [RegExp, string][] = [
  [/\bAgree with the buyer which measure would convince them\b/g, 'Agree which measure would convince you'],
  [/\bthe buyer and (?:the )?vendor\b/g, 'you and we'],
  [/\bThe vendor's\b/g, 'Our'],
  [/\bthe vendor's\b/g, 'our'],
  // A source list joins its sources with "or": "Our platform … or The buyer's claims data".
  [/\b(or|and) The buyer's\b/g, "$1 your"],
  [/\bThe buyer's\b/g, 'Your'],
  [/\bthe buyer's\b/g, 'your'],
  [/\bwith the buyer\b/g, 'with you'],
];

/** A text as the customer reads it: "The buyer's eligibility file" → "Your eligibility file". */
export function customerVoice(text: string): string {
  return CUSTOMER_VOICE.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** The slide with every text the customer reads in their voice; speaker notes are left as written. */
export function slideInCustomerVoice<T extends DeckSlide>(slide: T): T {
  return inVoice(slide, true) as T;
}

function inVoice(value: unknown, top: boolean): unknown {
  if (typeof value === 'string') return customerVoice(value);
  if (Array.isArray(value)) return value.map((item) => inVoice(item, false));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, top && key === 'notes' ? item : inVoice(item, false)]));
}
