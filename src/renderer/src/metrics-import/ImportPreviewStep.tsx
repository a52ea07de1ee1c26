import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ImportPreview } from '../../../shared/api/schemas/import-schemas';
import { countOf } from '../format';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { Fact } from '../ui/Fact';
import { ColumnMappingTable } from './ColumnMappingTable';
import { useImportStore } from './import-store';
import { DELIMITER_LABELS, MAPPING_ORIGIN_LABELS, formatBytes } from './import-words';

/** What the file would do: how it was read, the column mapping, counts, the first row errors, and the import choice. */
export function ImportPreviewStep() {
  const preview = useImportStore((state) => state.preview)!;
  const mode = useImportStore((state) => state.mode);
  const decimalSeparator = useImportStore((state) => state.decimalSeparator);
  const choicesEdited = useImportStore((state) => state.choicesEdited);
  const { setMode, setDecimalSeparator, start, restart, close } = useImportStore.getState();
  const refused = preview.refusal !== null;
  const { counts } = preview;
  const canImport = !refused && preview.mapping !== null && !choicesEdited && !preview.decimalSeparatorAmbiguous && counts.valid > 0 && (mode === 'valid-rows' || counts.rejected === 0);
  // Shown while the file's numbers read two ways, and after the user chose, so the choice can be changed.
  const askDecimal = !refused && (preview.decimalSeparatorAmbiguous || decimalSeparator !== null);

  return (
    <Stack gap="md" data-testid="import-preview">
      {preview.refusal && <Refusal preview={preview} />}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        <Fact label="File">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {preview.fileName} · {formatBytes(preview.totalBytes)}
          </Text>
        </Fact>
        <Fact label="Format">{preview.format === 'long' ? 'Long (one value per row)' : preview.format === 'wide' ? 'Wide (a column per metric)' : 'Not recognised'}</Fact>
        <Fact label="Delimiter">{`${DELIMITER_LABELS[preview.delimiter] ?? JSON.stringify(preview.delimiter)}${preview.sepLine ? ' (from sep= line)' : ''}`}</Fact>
        <Fact label="Read as">{`${preview.encoding}, ${preview.decimalSeparatorAmbiguous ? 'decimal separator to choose' : `decimal “${preview.decimalSeparator}”`}${preview.dayOrder ? `, ${preview.dayOrder === 'dmy' ? 'day first' : 'month first'}` : ''}`}</Fact>
      </SimpleGrid>
      {preview.warnings.length > 0 && (
        <Alert color="yellow" variant="light" title="Worth checking">
          <List size="sm">
            {preview.warnings.map((warning) => (
              <List.Item key={warning}>{warning}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      {askDecimal && (
        <ChoiceGroup
          label="How should numbers such as 1.234 be read?"
          description={preview.decimalSeparatorAmbiguous ? 'Nothing in this file shows whether "." or "," is its decimal separator. Choose before importing; the counts below update when you do.' : undefined}
          value={preview.decimalSeparatorAmbiguous ? null : preview.decimalSeparator}
          onChange={(value) => void setDecimalSeparator(value)}
          testId="import-decimal"
          inline
          choices={[
            { value: '.', label: 'Decimal point: 1.234 is one point two three four' },
            { value: ',', label: 'Decimal comma: 1.234 is one thousand two hundred thirty-four' },
          ]}
        />
      )}

      {!refused && (
        <Paper withBorder p="md" bg="gray.0" aria-label="What the import would change" component="section">
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="md" data-testid="import-counts">
            <Count label="Values read" value={counts.values} hint={countOf(counts.rows, 'row')} />
            <Count label="Would add" value={counts.wouldAdd} testId="count-add" />
            <Count label="Would update" value={counts.wouldUpdate} testId="count-update" />
            <Count label="Unchanged" value={counts.unchanged} testId="count-unchanged" />
            <Count label="Rejected" value={counts.rejected} testId="count-rejected" tone={counts.rejected > 0 ? 'red.8' : undefined} />
          </SimpleGrid>
        </Paper>
      )}

      {preview.rowErrors.length > 0 && <RowErrors preview={preview} />}

      {preview.columns.length > 0 && !(preview.refusal?.code === 'phi') && (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Columns <Text span size="xs" c="dimmed" fw={400}>{MAPPING_ORIGIN_LABELS[preview.mappingOrigin]}</Text>
          </Text>
          <ColumnMappingTable />
        </Stack>
      )}

      {!refused && (
        <ChoiceGroup
          label="How to import"
          value={mode}
          onChange={setMode}
          testId="import-mode"
          choices={[
            {
              value: 'valid-rows',
              label: `Import the ${countOf(counts.valid, 'valid value')}`,
              description: <Text span size="xs" c="dimmed">{counts.rejected > 0 ? `The ${countOf(counts.rejected, 'rejected value')} listed above are skipped.` : 'Nothing is rejected.'}</Text>,
            },
            {
              value: 'all-or-nothing',
              label: 'All or nothing',
              description: <Text span size="xs" c="dimmed">{counts.rejected > 0 ? 'Nothing is imported while any row has an error: fix the file and try again.' : 'Imports everything, or nothing if any row fails.'}</Text>,
            },
          ]}
        />
      )}

      <Group justify="space-between" gap="sm">
        <Button variant="subtle" onClick={restart}>
          Choose another file
        </Button>
        <Group gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          {!refused && (
            <Button onClick={() => void start()} disabled={!canImport}>
              {mode === 'valid-rows' ? 'Import valid rows' : 'Import all or nothing'}
            </Button>
          )}
        </Group>
      </Group>
      {!refused && choicesEdited && (
        <Text size="xs" c="dimmed" ta="right">
          Update the preview to see what the edited mapping would import.
        </Text>
      )}
    </Stack>
  );
}

function Refusal({ preview }: { preview: ImportPreview }) {
  const refusal = preview.refusal!;
  const phi = refusal.code === 'phi';
  const where = [refusal.line ? `line ${refusal.line}` : null, refusal.column ? `column “${refusal.column}”` : null].filter(Boolean).join(', ');
  return (
    <Alert color="red" variant="light" title={phi ? 'Refused: this file looks like patient-level data' : 'This file cannot be imported'} data-testid="import-refusal" role="alert">
      <Stack gap={6}>
        <Text size="sm">{refusal.message}</Text>
        {where && !refusal.message.toLowerCase().includes(`line ${refusal.line}`) && <Text size="sm">Found at {where}.</Text>}
        <Text size="sm" fw={600}>
          Nothing from this file was imported.
        </Text>
      </Stack>
    </Alert>
  );
}

function RowErrors({ preview }: { preview: ImportPreview }) {
  return (
    <Stack gap={6} data-testid="import-row-errors">
      <Text size="sm" fw={600}>
        {preview.errorCount === preview.rowErrors.length
          ? `${countOf(preview.errorCount, 'row error')}`
          : `First ${preview.rowErrors.length} of ${countOf(preview.errorCount, 'row error')}`}
      </Text>
      <Table.ScrollContainer minWidth={520} mah={220} type="native">
        <Table verticalSpacing={4} fz="sm" stickyHeader aria-label="Row errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Line</Table.Th>
              <Table.Th w={160}>Column</Table.Th>
              <Table.Th>Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rowErrors.map((rowError, i) => (
              <Table.Tr key={i} data-line={rowError.line}>
                <Table.Td>{rowError.line}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{rowError.column ?? '—'}</Table.Td>
                <Table.Td>{rowError.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Count({ label, value, hint, tone, testId }: { label: string; value: number; hint?: string; tone?: string; testId?: string }) {
  return (
    <Fact label={label}>
      <Text fz="xl" fw={700} lh={1.1} c={tone} data-testid={testId}>
        {value.toLocaleString()}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Fact>
  );
}
