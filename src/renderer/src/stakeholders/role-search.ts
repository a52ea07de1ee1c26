import type { ArchetypeKey } from '../../../shared/framework/keys';
import { archetype } from '../../../shared/framework/stakeholder-archetypes';

/*
 * Finding a framework role by what people are called: its name, its typical job titles, and their
 * initials ("CMO" for Chief Medical Officer, "VP" stays a word). Used by the stakeholder form's role picker.
 */

const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', '/', '&']);

/** Initials of a multi-word title, e.g. "Chief Medical Officer" → "cmo"; '' for one word. */
function initialsOf(title: string): string {
  const words = title
    .toLowerCase()
    .split(/[\s/,-]+/)
    .filter((word) => word && !SMALL_WORDS.has(word));
  return words.length > 1 ? words.map((word) => word[0]).join('') : '';
}

/** Lower-case text a role can be found by. */
export function roleSearchText(key: ArchetypeKey): string {
  const role = archetype(key);
  const titles = role.typicalTitles;
  return [role.name, ...titles, ...titles.map(initialsOf)].join(' | ').toLowerCase();
}

/**
 * Whether a typed query finds the role: every word of the query appears in its name or a typical
 * title, or the query is the initials of one ("CMO", "cfo"). An empty query finds every role.
 * @example roleMatches('health_plan_clinical_lead', 'Chief Medical') // true
 */
export function roleMatches(key: ArchetypeKey, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = roleSearchText(key);
  return words.every((word) => text.includes(word));
}

/** "CFO · VP Finance · Procurement lead": how the role is usually titled, for the option's second line. */
export function typicalTitlesLine(key: ArchetypeKey): string {
  return archetype(key).typicalTitles.join(' · ');
}
