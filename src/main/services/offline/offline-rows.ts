import { findMetricDefinition } from '../../../shared/metrics/metric-catalog';
import { PRIMARY_KEYS, type WorkspaceRows, type WorkspaceTable } from '../../storage/db/repositories/workspace-rows-repository';

/*
 * How take-out and bring-back see one row: its key, its version, its content (what a person
 * changed, without the version stamp) and what a person knows it by.
 */

export type AnyRow = Record<string, unknown>;

/** The row's primary key as a JSON array, e.g. `["acc-1"]`. */
export function rowKeyOf(table: WorkspaceTable, row: object): string {
  return JSON.stringify((PRIMARY_KEYS[table] as readonly string[]).map((column) => (row as AnyRow)[column]));
}

/** `table:key`: how a bring-back row is named (and resolved). */
export function entryKey(table: WorkspaceTable, rowKey: string): string {
  return `${table}:${rowKey}`;
}

/** The row's version: its updatedAt, or a deck record's createdAt (deck records never change). */
export function versionOf(row: object): string {
  const r = row as { updatedAt?: string; createdAt?: string };
  return r.updatedAt ?? r.createdAt ?? '';
}

/** The account a row belongs to. */
export function accountIdOf(table: WorkspaceTable, row: object): string {
  return String(table === 'accounts' ? (row as AnyRow).id : (row as AnyRow).accountId);
}

/** The row's content without its version stamp, keys sorted: two copies with equal content are the same edit. */
export function contentOf(row: object | undefined): string {
  if (row === undefined) return '(none)';
  return JSON.stringify(Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'updatedAt').sort(([a], [b]) => (a < b ? -1 : 1))));
}

/** The whole row, keys sorted (version included): what a fingerprint of the source covers. */
export function fullContentOf(row: object): string {
  return JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1))));
}

/** The fields whose values differ between two copies (the version stamp aside). */
export function differingFields(a: object | undefined, b: object | undefined): string[] {
  if (a === undefined || b === undefined) return [];
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...fields].filter((field) => field !== 'updatedAt' && JSON.stringify((a as AnyRow)[field]) !== JSON.stringify((b as AnyRow)[field])).sort();
}

/** A value as one short line for the preview. */
export function displayValue(row: object | undefined, field: string): string {
  if (row === undefined) return '(none)';
  const value = (row as AnyRow)[field];
  const text = value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** What a person knows a row by (its account is named separately). */
export function rowLabel(table: WorkspaceTable, row: object): string {
  const r = row as AnyRow;
  switch (table) {
    case 'accounts':
      return 'Account details';
    case 'revenueStreams':
      return `Revenue stream "${String(r.name)}"`;
    case 'stakeholders':
      return `Stakeholder ${String(r.personName)}`;
    case 'assessments':
      return `Assessment ${String(r.quarter)}`;
    case 'goals':
      return `Goal "${String(r.title)}"`;
    case 'metricObservations':
      return `${findMetricDefinition(String(r.metricKey))?.label ?? String(r.metricKey)}, ${String(r.month)}`;
    case 'decks':
      return `Deck ${String(r.deckType)} ${String(r.quarter)}`;
    case 'commitments':
      return `Commitment "${String(r.text).slice(0, 60)}"`;
    case 'deckDrafts':
      return `Deck draft ${String(r.deckType)} ${String(r.quarter)}`;
    default:
      return rowKeyOf(table, row);
  }
}

/** Every row of the account tables, each with its table. */
export function* rowsOf(rows: WorkspaceRows, tables: readonly WorkspaceTable[]): Generator<{ table: WorkspaceTable; row: AnyRow }> {
  for (const table of tables) for (const row of rows[table] as AnyRow[]) yield { table, row };
}
