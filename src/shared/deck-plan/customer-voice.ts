import type { DeckSlide } from '../deck/deck-document';
import type { BuyerTypeKey } from '../framework/keys';

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

/**
 * The catalog also names sources by the kind of organisation that keeps them ("The provider's EHR",
 * "The health plan's quality team"): a third party's in most decks, the customer's own when the
 * customer is that kind.
 */
const BY_KIND: Partial<Record<BuyerTypeKey, readonly [RegExp, string][]>> = {
  provider: [
    [/\b(or|and) The provider's\b/g, '$1 your'],
    [/\bThe provider's\b/g, 'Your'],
    [/\bthe provider's\b/g, 'your'],
  ],
  payer: [
    [/\b(or|and) The (?:health )?plan's\b/g, '$1 your'],
    [/\bThe (?:health )?plan's\b/g, 'Your'],
    [/\bthe (?:health )?plan's\b/g, 'your'],
  ],
};

/** A text as the customer (of `buyerType`, when known) reads it: "The buyer's eligibility file" → "Your eligibility file". */
export function customerVoice(text: string, buyerType?: BuyerTypeKey): string {
  const rules = [...CUSTOMER_VOICE, ...((buyerType && BY_KIND[buyerType]) ?? [])];
  return rules.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** The slide with every text the customer reads in their voice; speaker notes are left as written. */
export function slideInCustomerVoice<T extends DeckSlide>(slide: T, buyerType?: BuyerTypeKey): T {
  return inVoice(slide, true, buyerType) as T;
}

function inVoice(value: unknown, top: boolean, buyerType: BuyerTypeKey | undefined): unknown {
  if (typeof value === 'string') return customerVoice(value, buyerType);
  if (Array.isArray(value)) return value.map((item) => inVoice(item, false, buyerType));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, top && key === 'notes' ? item : inVoice(item, false, buyerType)]));
}
