import { Alert, Button, Group, Loader, Modal, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { FormEvent } from 'react';
import type { MetricUnit } from '../../../shared/metrics/metric-definition';
import { REVENUE_MODEL_LABELS } from '../labels';
import { notifySuccess } from '../notify';
import { formatMetricValue, formatMonth, metricLabel } from './metric-format';
import { accountModels, entryStreamModel, useMetricsStore } from './metrics-store';
import { entryMetrics, groupByFamily, monthValuesChanges } from './month-values-draft';

const UNIT_SUFFIX: Record<MetricUnit, string> = { count: '', percent: '%', usd: 'USD', score: 'score', days: 'days', minutes: 'min' };

/**
 * Enter or correct one month of values for one stream (or the account level): every catalog metric of
 * the stream's model, with units, pre-filled with what is stored. Emptying a stored field removes that
 * value after a confirmation; problems are shown next to their fields.
 */
export function MonthValuesModal() {
  const entry = useMetricsStore((state) => state.entry);
  const streams = useMetricsStore((state) => state.streams);
  const { chooseEntryScope, setEntryText, closeEntry, saveEntry } = useMetricsStore.getState();

  const model = entryStreamModel(streams, entry.streamId);
  const definitions = entryMetrics(model, accountModels(streams));
  const groups = groupByFamily(definitions);
  const scopeOptions = [
    ...streams.map((stream) => ({ value: stream.id, label: `${stream.name} (${REVENUE_MODEL_LABELS[stream.revenueModel]})` })),
    { value: '', label: 'Account level (not tied to one stream)' },
  ];
  const monthValid = /^\d{4}-(0[1-9]|1[0-2])$/.test(entry.month);

  async function save() {
    const result = await saveEntry();
    if (result) notifySuccess('Month values saved', `${result.written} saved, ${result.removed} removed for ${formatMonth(entry.month)}.`);
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const { removed, errors } = monthValuesChanges(definitions, entry.texts, entry.stored, model);
    if (removed.length === 0 || Object.keys(errors).length > 0) {
      void save();
      return;
    }
    modals.openConfirmModal({
      title: 'Remove stored values?',
      children: (
        <Stack gap="xs">
          <Text size="sm">These fields were emptied, so their stored values for {formatMonth(entry.month)} will be removed (not set to 0):</Text>
          <Stack gap={2} component="ul" pl="md" m={0} data-testid="removed-values">
            {removed.map((key) => (
              <Text key={key} component="li" size="sm">
                {metricLabel(key)} (was {formatMetricValue(entry.stored[key] ?? null, definitions.find((d) => d.key === key)?.unit ?? 'count')})
              </Text>
            ))}
          </Stack>
        </Stack>
      ),
      labels: { confirm: 'Remove and save', cancel: 'Keep editing' },
      confirmProps: { color: 'red' },
      onConfirm: () => void save(),
    });
  }

  return (
    <Modal opened={entry.opened} onClose={closeEntry} title="Enter month values" size="xl" closeButtonProps={{ 'aria-label': 'Cancel' }}>
      <form onSubmit={handleSubmit} noValidate aria-label="Enter month values">
        <Stack gap="md">
          <Group grow align="flex-start">
            <Select
              label="Values for"
              data={scopeOptions}
              value={entry.streamId}
              onChange={(next) => void chooseEntryScope(next ?? '', entry.month)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label="Month"
              type="month"
              required
              value={entry.month}
              onChange={(event) => void chooseEntryScope(entry.streamId, event.currentTarget.value)}
              error={entry.month && !monthValid ? 'Use a month like 2026-09' : undefined}
            />
          </Group>
          {entry.formError && (
            <Alert color="red" variant="light" title="Couldn't save these values">
              {entry.formError}
            </Alert>
          )}
          {entry.loading ? (
            <Group justify="center" p="lg">
              <Loader size="sm" aria-label="Loading stored values" />
            </Group>
          ) : !monthValid ? (
            <Text size="sm" c="dimmed">
              Choose a month to see and edit its values.
            </Text>
          ) : (
            <Stack gap="lg">
              <Text size="sm" c="dimmed">
                Empty means not known. Values already stored are filled in; empty a field to remove its value.
              </Text>
              {groups.map((group) => (
                <Stack key={group.family} gap="xs" role="group" aria-label={group.label}>
                  <Title order={4} size="h6">
                    {group.label}
                  </Title>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="xs">
                    {group.metrics.map((definition) => {
                      const hint = entry.streamId !== '' ? entry.accountLevel[definition.key] : undefined;
                      return (
                        <TextInput
                          key={definition.key}
                          label={definition.label}
                          title={definition.definition}
                          inputMode="decimal"
                          placeholder="Not known"
                          value={entry.texts[definition.key] ?? ''}
                          onChange={(event) => setEntryText(definition.key, event.currentTarget.value)}
                          error={entry.fieldErrors[definition.key]}
                          description={hint !== undefined ? `Account level has ${formatMetricValue(hint, definition.unit)}` : undefined}
                          rightSection={
                            UNIT_SUFFIX[definition.unit] ? (
                              <Text size="xs" c="dimmed" pr={6}>
                                {UNIT_SUFFIX[definition.unit]}
                              </Text>
                            ) : null
                          }
                          rightSectionWidth={UNIT_SUFFIX[definition.unit].length > 1 ? 48 : 28}
                          rightSectionPointerEvents="none"
                          data-metric={definition.key}
                        />
                      );
                    })}
                  </SimpleGrid>
                </Stack>
              ))}
            </Stack>
          )}
          <Group justify="flex-end" gap="sm" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)" style={{ zIndex: 1 }}>
            <Button variant="default" onClick={closeEntry}>
              Cancel
            </Button>
            <Button type="submit" loading={entry.saving} disabled={!monthValid || entry.loading}>
              Save values
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
