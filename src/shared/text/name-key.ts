/**
 * The form two names are compared in, so names that look identical are the same name: Unicode
 * NFKC (a decomposed "é" typed on a Mac, full-width "Ａ" and ligatures fold to their plain form),
 * invisible format characters dropped (zero-width space, bidi marks), every run of whitespace
 * (no-break space included) one space, trimmed, lower case in every script. Letters that merely
 * resemble each other across scripts (Cyrillic "а" and Latin "a") stay different.
 * @example nameKey('CAFE\u0301  Clinic') === nameKey('café clinic') // true
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\p{Cf}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}
