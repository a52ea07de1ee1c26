/**
 * A label or phrase placed inside a sentence: its first letter lower case, unless it starts with an
 * acronym or code name ("ER visits", "HEDIS", "PMPM"), which keeps its capitals. One rule for the
 * deck's sentences and the KPI formulas in words.
 * @example lowerFirst('Claims-data completeness') === 'claims-data completeness'
 * @example lowerFirst('ER visits avoided') === 'ER visits avoided'
 */
export function lowerFirst(text: string): string {
  return /^[A-Z]{2}/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
