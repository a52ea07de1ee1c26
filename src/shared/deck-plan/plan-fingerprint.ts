import type { DeckPlan } from './deck-plan-types';

/*
 * A stable hash of a plan, recorded with each export so a later export can tell whether anything
 * in the deck changed. Pure JS (no crypto module in src/shared): canonical JSON with sorted keys,
 * then two 53-bit cyrb53 hashes with different seeds — collisions are irrelevant at this scale.
 */

/** JSON with object keys sorted, so key order never changes the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** cyrb53: a fast, well-distributed 53-bit string hash. */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A 28-hex-digit fingerprint of everything the deck shows (slides, order, sections, audience).
 * @example planFingerprint(plan) // "1f3a9c0b2d4e5f60718293a4b5c6"
 */
export function planFingerprint(plan: DeckPlan): string {
  const text = canonicalJson({ deckType: plan.deckType, quarter: plan.quarter, audience: plan.audience.map((m) => m.archetype), slides: plan.slides });
  return cyrb53(text, 1).toString(16).padStart(14, '0') + cyrb53(text, 2).toString(16).padStart(14, '0');
}
