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
const KIND_NAMES: Partial<Record<BuyerTypeKey, string>> = { provider: 'provider', payer: '(?:health )?plan' };

type Rules = readonly [RegExp, string][];

/** The rewrite for each buyer type, built once: the general rules, then its own kind's possessive as "your". */
const RULES_BY_KIND = new Map<BuyerTypeKey | undefined, Rules>();
function rulesFor(buyerType: BuyerTypeKey | undefined): Rules {
  let rules = RULES_BY_KIND.get(buyerType);
  if (!rules) {
    const kind = buyerType && KIND_NAMES[buyerType];
    rules = kind
      ? [...CUSTOMER_VOICE, [new RegExp(`\\b(or|and) The ${kind}'s\\b`, 'g'), '$1 your'], [new RegExp(`\\bThe ${kind}'s\\b`, 'g'), 'Your'], [new RegExp(`\\bthe ${kind}'s\\b`, 'g'), 'your']]
      : CUSTOMER_VOICE;
    RULES_BY_KIND.set(buyerType, rules);
  }
  return rules;
}

/** What a slide must not say to a customer of `buyerType` about themselves ("the provider's EHR" to a practice); the deck lint's check. */
export function ownKindPossessive(buyerType: BuyerTypeKey): RegExp | undefined {
  const kind = KIND_NAMES[buyerType];
  return kind ? new RegExp(`\\bthe ${kind}'s\\b`, 'i') : undefined;
}

/** A text as the customer (of `buyerType`, when known) reads it: "The buyer's eligibility file" → "Your eligibility file". */
export function customerVoice(text: string, buyerType?: BuyerTypeKey): string {
  return rewrite(text, rulesFor(buyerType));
}

function rewrite(text: string, rules: Rules): string {
  return rules.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** The slide with every text the customer reads in their voice; speaker notes are left as written. */
export function slideInCustomerVoice<T extends DeckSlide>(slide: T, buyerType?: BuyerTypeKey): T {
  return inVoice(slide, true, rulesFor(buyerType)) as T;
}

function inVoice(value: unknown, top: boolean, rules: Rules): unknown {
  if (typeof value === 'string') return rewrite(value, rules);
  if (Array.isArray(value)) return value.map((item) => inVoice(item, false, rules));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, top && key === 'notes' ? item : inVoice(item, false, rules)]));
}
