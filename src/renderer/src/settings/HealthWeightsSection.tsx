import { Alert, Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { REVENUE_MODELS, type RevenueModelKey } from '../../../shared/framework/keys';
import { healthComponentDefinition } from '../../../shared/metrics/health/health-components';
import { DEFAULT_HEALTH_WEIGHTS } from '../../../shared/metrics/health/health-weights';
import { REVENUE_MODEL_LABELS } from '../labels';
import { notifySuccess } from '../notify';
import { componentsOf, effectiveWeight, isWeightsDirty, useHealthWeightsStore, type WeightDrafts, type WeightErrors } from './health-weights-store';

/** Per revenue model, how much each component counts toward an account's health score. */
export function HealthWeightsSection() {
  const { drafts, errors, formError, saving, setWeight, resetToDefaults, save } = useHealthWeightsStore();
  const dirty = useHealthWeightsStore(isWeightsDirty);
  const anyOverride = REVENUE_MODELS.some((model) => Object.values(drafts[model] ?? {}).some((weight) => weight !== ''));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (await save()) notifySuccess('Health weights saved', 'Health scores use them from now on.');
  }

  return (
    <Paper withBorder p="lg" component="section" aria-label="Health score weights">
      <form onSubmit={(event) => void handleSubmit(event)} noValidate aria-label="Health score weights">
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={3} size="h5">
              Health score weights
            </Title>
            <Text size="sm" c="dimmed">
              Weights are relative: each model's weights are scaled to add up to 100%. When an account has no data for a component, that
              component is shown as missing and left out, and the other weights are scaled up to fill its share — it never counts as zero. A
              weight of 0 leaves a component out on purpose. Accounts with several streams split each stream's weights evenly.
            </Text>
          </Stack>
          {formError && (
            <Alert color="red" variant="light" title="Couldn't save the weights">
              {formError}
            </Alert>
          )}
          {REVENUE_MODELS.map((model) => (
            <ModelWeights key={model} model={model} drafts={drafts} errors={errors} onChange={setWeight} />
          ))}
          <Group justify="space-between" gap="sm">
            <Button variant="subtle" onClick={resetToDefaults} disabled={!anyOverride}>
              Reset to defaults
            </Button>
            <Button type="submit" loading={saving} disabled={!dirty}>
              Save weights
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

interface ModelWeightsProps {
  model: RevenueModelKey;
  drafts: WeightDrafts;
  errors: WeightErrors;
  onChange: ReturnType<typeof useHealthWeightsStore.getState>['setWeight'];
}

function ModelWeights({ model, drafts, errors, onChange }: ModelWeightsProps) {
  const components = componentsOf(model);
  const total = components.reduce((sum, component) => sum + effectiveWeight(drafts, model, component), 0);
  const label = REVENUE_MODEL_LABELS[model];

  return (
    <Stack gap={4} data-testid={`health-weights-${model}`}>
      <Text fw={600} size="sm">
        {label}
      </Text>
      <Table withTableBorder verticalSpacing={4} horizontalSpacing="sm" fz="sm" aria-label={`${label} weights`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Component</Table.Th>
            <Table.Th w={80} ta="right">
              Default
            </Table.Th>
            <Table.Th w={120}>Your weight</Table.Th>
            <Table.Th w={70} ta="right">
              Share
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {components.map((component) => {
            const name = healthComponentDefinition(component).label;
            const typed = drafts[model]?.[component];
            const weight = effectiveWeight(drafts, model, component);
            return (
              <Table.Tr key={component}>
                <Table.Td>{name}</Table.Td>
                <Table.Td ta="right" c="dimmed">
                  {DEFAULT_HEALTH_WEIGHTS[model][component]}
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    aria-label={`${label}: ${name}`}
                    placeholder={String(DEFAULT_HEALTH_WEIGHTS[model][component])}
                    min={0}
                    max={100}
                    clampBehavior="none"
                    allowNegative={false}
                    decimalScale={2}
                    value={typed ?? ''}
                    onChange={(value) => onChange(model, component, typeof value === 'number' ? value : value === '' ? '' : Number(value))}
                    error={errors[`${model}.${component}`]}
                  />
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {total > 0 ? `${Math.round((weight / total) * 100)}%` : '—'}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {errors[model] && (
        <Text size="xs" c="red" role="alert">
          {errors[model]}
        </Text>
      )}
    </Stack>
  );
}
