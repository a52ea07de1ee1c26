import { Table, Text, type TableTdProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** One column of a preview table: its heading and what each row shows in it. */
export interface PreviewColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Props of the column's cells (no wrapping, weight). */
  td?: Omit<TableTdProps, 'children'>;
}

/** Data attributes of a row, for tests and styles (data-status, data-key…). */
type RowAttributes = Record<`data-${string}`, string>;

interface PreviewRowsTableProps<Row> {
  /** The table's accessible name. */
  label: string;
  columns: readonly PreviewColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowAttributes?: (row: Row) => RowAttributes;
  /** Extra-small text and tight rows, for a table that sits under another. */
  dense?: boolean;
  minWidth: number;
  maxHeight: number;
  testId?: string;
  /** How many rows the preview left out, said under the table when any. */
  omitted: number;
  /** What the left-out rows are, after "…and N more" ("rows that are not conflicts"); none: "…and N more." */
  omittedWhat?: string;
}

/**
 * The records a workspace transfer would write, one row each, in a bordered table that scrolls
 * inside its dialog, and "…and N more" under it when the preview left rows out. Used by the
 * bring-back dialog (every changed row) and the JSON import dialog (records both sides changed).
 */
export function PreviewRowsTable<Row>({ label, columns, rows, rowKey, rowAttributes, dense = false, minWidth, maxHeight, testId, omitted, omittedWhat }: PreviewRowsTableProps<Row>) {
  return (
    <>
      <Table.ScrollContainer minWidth={minWidth} mah={maxHeight}>
        <Table verticalSpacing={dense ? 2 : 6} fz={dense ? 'xs' : 'sm'} withTableBorder aria-label={label} data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.header}>{column.header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)} {...rowAttributes?.(row)}>
                {columns.map((column) => (
                  <Table.Td key={column.header} {...column.td}>
                    {column.cell(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {omitted > 0 && (
        <Text size="xs" c="dimmed">
          …and {omitted.toLocaleString()} more{omittedWhat ? ` ${omittedWhat}` : ''}.
        </Text>
      )}
    </>
  );
}
