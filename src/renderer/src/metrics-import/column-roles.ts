import type { ImportColumn, ImportMapping } from '../../../shared/api/schemas/import-schemas';

/*
 * The mapping step edits one role per column (and a metric for each metric column); this turns those
 * rows back into the mapping the import API takes, or says what is still missing.
 */

export type ColumnRole = ImportColumn['role'];

export const COLUMN_ROLE_LABELS: Record<ColumnRole, string> = {
  account: 'Account name',
  stream: 'Revenue stream name',
  month: 'Month',
  metric: 'Metric key (long format)',
  value: 'Value (long format)',
  'metric-column': 'A metric (wide format)',
  ignored: 'Ignore this column',
};

export interface ColumnChoice {
  column: number;
  header: string;
  role: ColumnRole;
  metricKey: string | null;
  candidates: string[];
}

/** The preview's columns as editable rows. */
export function columnChoices(columns: readonly ImportColumn[]): ColumnChoice[] {
  return columns.map(({ column, header, role, metricKey, candidates }) => ({ column, header, role, metricKey, candidates }));
}

/**
 * The mapping the rows describe: long when a column holds metric keys, else wide. An account column
 * is optional when the import is for one account (`accountForced`).
 */
export function mappingFromChoices(choices: readonly ColumnChoice[], accountForced: boolean): { mapping: ImportMapping } | { problem: string } {
  const single = (role: ColumnRole): number | null | 'many' => {
    const found = choices.filter((choice) => choice.role === role);
    return found.length === 0 ? null : found.length > 1 ? 'many' : found[0]!.column;
  };
  const roles = { account: single('account'), stream: single('stream'), month: single('month'), metric: single('metric'), value: single('value') };
  for (const [role, column] of Object.entries(roles)) {
    if (column === 'many') return { problem: `Only one column can be the ${COLUMN_ROLE_LABELS[role as ColumnRole].toLowerCase()}.` };
  }
  const { account, stream, month, metric, value } = roles as Record<keyof typeof roles, number | null>;
  if (account === null && !accountForced) return { problem: 'Choose the column that names the account.' };
  if (month === null) return { problem: 'Choose the column that holds the month.' };

  if (metric !== null || value !== null) {
    if (metric === null || value === null) return { problem: 'A long file needs both a metric-key column and a value column.' };
    return { mapping: { format: 'long', account, stream, metric, month, value } };
  }
  const metricColumns = choices.filter((choice) => choice.role === 'metric-column');
  if (metricColumns.length === 0) return { problem: 'Map at least one column to a metric.' };
  const unmapped = metricColumns.find((choice) => !choice.metricKey);
  if (unmapped) return { problem: `Choose which metric the column "${unmapped.header}" holds, or ignore it.` };
  return { mapping: { format: 'wide', account, stream, month, metricColumns: metricColumns.map((choice) => ({ column: choice.column, metricKey: choice.metricKey! })) } };
}
