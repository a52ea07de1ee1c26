/**
 * Version of the framework catalog. Saved assessments record it so a later reader knows which
 * facts (codes, rates, archetypes, rules) produced them. Bump the minor for added entries, the major
 * when a key is renamed or a rule changes its answer for the same input.
 */
export const FRAMEWORK_CATALOG_VERSION = '1.0.0';
