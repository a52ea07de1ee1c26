import { Button, Group, Select, Table, Text } from '@mantine/core';
import { METRIC_CATALOG, findMetricDefinition } from '../../../shared/metrics/metric-catalog';
import { COLUMN_ROLE_LABELS, type ColumnRole } from './column-roles';
import { useImportStore } from './import-store';

const ROLE_OPTIONS = (Object.keys(COLUMN_ROLE_LABELS) as ColumnRole[]).map((value) => ({ value, label: COLUMN_ROLE_LABELS[value] }));
const ALL_METRICS = METRIC_CATALOG.map((definition) => ({ value: definition.key, label: `${definition.label} (${definition.key})` }));

/**
 * Each column of the file with what it holds: editable, with the suggested or remembered mapping
 * filled in; for a wide file's metric columns, which catalog metric (candidates listed first).
 */
export function ColumnMappingTable() {
  const choices = useImportStore((state) => state.choices);
  const edited = useImportStore((state) => state.choicesEdited);
  const { setChoice, applyChoices } = useImportStore.getState();
  return (
    <>
      <Table.ScrollContainer minWidth={560} mah={300} type="native">
        <Table verticalSpacing={4} fz="sm" stickyHeader aria-label="Column mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Column in the file</Table.Th>
              <Table.Th w={230}>Holds</Table.Th>
              <Table.Th w={300}>Metric</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {choices.map((choice) => {
              const candidates = choice.candidates.map((key) => ({ value: key, label: `${findMetricDefinition(key)?.label ?? key} (${key})` }));
              const rest = ALL_METRICS.filter((option) => !choice.candidates.includes(option.value));
              return (
                <Table.Tr key={choice.column} data-column={choice.header}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Text size="sm" fw={500}>
                      {choice.header || `Column ${choice.column + 1}`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={`What “${choice.header}” holds`}
                      data={ROLE_OPTIONS}
                      value={choice.role}
                      onChange={(next) => next && setChoice(choice.column, { role: next as ColumnRole })}
                      allowDeselect={false}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                  <Table.Td>
                    {choice.role === 'metric-column' ? (
                      <Select
                        size="xs"
                        aria-label={`Metric in “${choice.header}”`}
                        placeholder="Choose a metric"
                        searchable
                        data={candidates.length > 0 ? [{ group: 'Suggested', items: candidates }, { group: 'All metrics', items: rest }] : ALL_METRICS}
                        value={choice.metricKey}
                        onChange={(next) => setChoice(choice.column, { metricKey: next })}
                        error={!choice.metricKey}
                        comboboxProps={{ withinPortal: true }}
                        maxDropdownHeight={260}
                      />
                    ) : (
                      <Text size="xs" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {edited && (
        <Group justify="flex-end">
          <Button size="xs" variant="light" onClick={() => void applyChoices()}>
            Update preview
          </Button>
        </Group>
      )}
    </>
  );
}
