import type { RevenueModelKey } from '../../../shared/framework/keys';
import { parseOptionalNumber } from '../ui/optional-number';
import { termFieldsOf, type TermField } from './stream-term-fields';

/*
 * Contract terms as the form holds them (text per dotted field key, plus the two list editors) and
 * the conversions to and from the API's terms object. Empty stays absent: an unknown term is never
 * sent as 0 or false.
 */

export interface TargetDraft {
  metric: string;
  targetPct: string;
  benchmarkPct: string;
}

export interface DataFlowDraft {
  from: 'buyer' | 'vendor';
  description: string;
  frequency: string;
}

export interface TermsDraft {
  /** Dotted field key → typed text ('' = not recorded; tristates 'yes' / 'no'; tags joined by newlines). */
  fields: Record<string, string>;
  targets: TargetDraft[];
  dataFlows: DataFlowDraft[];
}

export const EMPTY_TERMS_DRAFT: TermsDraft = { fields: {}, targets: [], dataFlows: [] };

type Json = Record<string, unknown>;

function readPath(terms: Json, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Json)[part] : undefined), terms);
}

function writePath(terms: Json, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = terms;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Json;
  }
  node[parts[parts.length - 1]!] = value;
}

function fieldText(field: TermField, value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (field.kind) {
    case 'tristate':
      return value === true ? 'yes' : value === false ? 'no' : '';
    case 'tags':
      return Array.isArray(value) ? value.join('\n') : '';
    case 'usd_cents':
      return typeof value === 'number' ? String(value / 100) : '';
    default:
      return String(value);
  }
}

function fieldValue(field: TermField, text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  switch (field.kind) {
    case 'usd':
    case 'percent':
      return parseOptionalNumber(trimmed);
    case 'count':
    case 'months': {
      const value = parseOptionalNumber(trimmed);
      return value === undefined ? undefined : Math.round(value);
    }
    case 'usd_cents': {
      const value = parseOptionalNumber(trimmed);
      return value === undefined ? undefined : Math.round(value * 100);
    }
    case 'tristate':
      return trimmed === 'yes' ? true : trimmed === 'no' ? false : undefined;
    case 'tags': {
      const items = trimmed.split('\n').map((item) => item.trim()).filter(Boolean);
      return items.length > 0 ? items : undefined;
    }
    default:
      return trimmed;
  }
}

/** A stored stream's terms as form text. */
export function termsToDraft(model: RevenueModelKey, terms: Json): TermsDraft {
  const fields: Record<string, string> = {};
  for (const field of termFieldsOf(model)) fields[field.key] = fieldText(field, readPath(terms, field.key));
  const targets = Array.isArray(terms.targets)
    ? (terms.targets as Json[]).map((target) => ({
        metric: String(target.metric ?? ''),
        targetPct: target.targetPct === undefined ? '' : String(target.targetPct),
        benchmarkPct: target.benchmarkPct === undefined ? '' : String(target.benchmarkPct),
      }))
    : [];
  const flows = readPath(terms, 'operations.dataFlows');
  const dataFlows = Array.isArray(flows)
    ? (flows as Json[]).map((flow) => ({
        from: flow.from === 'vendor' ? ('vendor' as const) : ('buyer' as const),
        description: String(flow.description ?? ''),
        frequency: String(flow.frequency ?? 'unspecified'),
      }))
    : [];
  return { fields, targets, dataFlows };
}

/** The form's text as the API's terms object for `model`; unknown fields are left out. */
export function draftToTerms(model: RevenueModelKey, draft: TermsDraft): Json {
  const terms: Json = {};
  for (const field of termFieldsOf(model)) {
    const value = fieldValue(field, draft.fields[field.key] ?? '');
    if (value !== undefined) writePath(terms, field.key, value);
  }
  if (model === 'value_based') {
    const targets = draft.targets
      .filter((target) => target.metric.trim() !== '')
      .map((target) => {
        const out: Json = { metric: target.metric.trim() };
        const targetPct = parseOptionalNumber(target.targetPct);
        const benchmarkPct = parseOptionalNumber(target.benchmarkPct);
        if (targetPct !== undefined) out.targetPct = targetPct;
        if (benchmarkPct !== undefined) out.benchmarkPct = benchmarkPct;
        return out;
      });
    if (targets.length > 0) terms.targets = targets;
    const flows = draft.dataFlows
      .filter((flow) => flow.description.trim() !== '')
      .map((flow) => ({ from: flow.from, description: flow.description.trim(), frequency: flow.frequency || 'unspecified' }));
    if (flows.length > 0) writePath(terms, 'operations.dataFlows', flows);
  }
  return terms;
}

/**
 * The form key an API validation issue belongs to: the path after `terms` joined with dots
 * (`['patch','modelAndTerms','terms','targets',0,'metric']` → `targets.0.metric`).
 */
export function termKeyOfIssuePath(path: readonly unknown[]): string | null {
  const at = path.indexOf('terms');
  if (at < 0 || at === path.length - 1) return null;
  return path.slice(at + 1).map(String).join('.');
}
