import type { RevenueModelKey } from '../../../shared/framework/keys';
import { formatCalendarDate, formatNumber, formatPercent, formatUsd, UNKNOWN_NUMBER } from '../format';
import { TERM_SECTIONS, type TermField } from './stream-term-fields';
import { termsToDraft } from './stream-terms-draft';

export interface TermFact {
  label: string;
  value: string;
  known: boolean;
}

/** The headline terms of a stream (the first section of its model) for list display; unknown ones say so. */
export function summarizeTerms(model: RevenueModelKey, terms: Record<string, unknown>): TermFact[] {
  const draft = termsToDraft(model, terms);
  const facts = TERM_SECTIONS[model][0]!.fields.map((field) => {
    const text = draft.fields[field.key] ?? '';
    return { label: field.label, value: text === '' ? UNKNOWN_NUMBER : formatTerm(field, text), known: text !== '' };
  });
  if (model === 'value_based') {
    facts.push({ label: 'Outcome targets', value: draft.targets.length > 0 ? String(draft.targets.length) : 'None recorded', known: draft.targets.length > 0 });
  }
  return facts;
}

function formatTerm(field: TermField, text: string): string {
  const number = Number(text);
  switch (field.kind) {
    case 'usd':
    case 'usd_cents':
      return formatUsd(number);
    case 'percent':
      return formatPercent(number);
    case 'count':
      return formatNumber(number);
    case 'months':
      return formatNumber(number, number === 1 ? 'month' : 'months');
    case 'date':
      return formatCalendarDate(text);
    case 'select':
      return field.options?.find((option) => option.value === text)?.label ?? text;
    case 'tristate':
      return text === 'yes' ? (field.yesNo?.yes ?? 'Yes') : (field.yesNo?.no ?? 'No');
    case 'tags':
      return text.split('\n').join(', ');
    default:
      return text;
  }
}
