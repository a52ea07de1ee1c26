import { Badge, Grid, List, Stack, Table, Text } from '@mantine/core';
import { healthTrendChart } from '../../../shared/charts/kpi-charts';
import type { HealthScore } from '../../../shared/metrics/health/health-score';
import { ChartView } from './ChartView';
import { HealthBadge } from './HealthBadge';
import { describeMissingInput, formatMeasured, formatMonth } from './metric-format';
import { NumberTrace } from './NumberTrace';

const percent = (share: number) => `${Math.round(share * 100)}%`;
const points = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toLocaleString(undefined, { maximumFractionDigits: 1 })} pts`;

interface HealthPanelProps {
  health: HealthScore;
  month: string;
  nameOfStream(streamId: string): string | null;
  /** More than one stream: components say which stream they measure. */
  multiStream: boolean;
}

/**
 * The health score explained: score and band, its 6-month trend, each component with its weight,
 * measured value (click for the inputs), score and points, what moved it, and what is missing.
 */
export function HealthPanel({ health, month, nameOfStream, multiStream }: HealthPanelProps) {
  const componentName = (label: string, streamId: string | null) => (multiStream && streamId ? `${label} — ${nameOfStream(streamId) ?? 'stream'}` : label);
  const reweighted = health.components.some((c) => Math.abs(c.configuredWeight - c.effectiveWeight) > 0.005);
  return (
    <Stack gap="md" data-testid="health-panel">
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm">
            <HealthBadge score={health.score} band={health.band} size="lg" />
            <Text size="sm" c="dimmed">
              {health.score === null
                ? `No component had the data it needs for ${formatMonth(month)}, so there is no score.`
                : `Out of 100 for ${formatMonth(month)}: a weighted mean of the components below.`}
            </Text>
            <Stack gap={4} aria-label="What moved the score" role="group">
              <Text size="xs" fw={600} tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
                What moved it since {formatMonth(health.trend[0]?.month ?? month)}
              </Text>
              {health.movers.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No component's contribution changed, or there is no earlier score to compare with.
                </Text>
              ) : (
                <List size="sm" spacing={2} listStyleType="none" data-testid="health-movers">
                  {health.movers.slice(0, 4).map((mover) => (
                    <List.Item key={`${mover.key}-${mover.streamId ?? ''}`}>
                      <Text span size="sm" fw={600} c={mover.contributionDelta > 0 ? 'teal.8' : 'red.8'}>
                        {points(mover.contributionDelta)}
                      </Text>{' '}
                      {componentName(mover.label, mover.streamId)}
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <ChartView spec={healthTrendChart(health)} height={150} />
        </Grid.Col>
      </Grid>

      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={6} aria-label="Health score components">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Component</Table.Th>
              <Table.Th ta="right">Weight</Table.Th>
              <Table.Th ta="right">Measured</Table.Th>
              <Table.Th ta="right">Score (0-100)</Table.Th>
              <Table.Th ta="right">Points</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {health.components.map((component) => {
              const name = componentName(component.label, component.streamId);
              const { poor, good, unit } = component.scoring;
              return (
                <Table.Tr key={`${component.key}-${component.streamId ?? ''}`} data-component={component.key}>
                  <Table.Td>
                    <Text size="sm">{name}</Text>
                    <Text size="xs" c="dimmed">
                      {component.missing
                        ? `Missing: needs ${component.measured.missingInputs.map(describeMissingInput).join(', ') || 'data'}; left out and the others re-weighted.`
                        : `Scores 0 at ${formatMeasured(poor, unit)}, 100 at ${formatMeasured(good, unit)}.`}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" title="Configured weight → weight used after leaving out missing components">
                      {component.missing ? `${percent(component.configuredWeight)} → 0%` : Math.abs(component.configuredWeight - component.effectiveWeight) > 0.005 ? `${percent(component.configuredWeight)} → ${percent(component.effectiveWeight)}` : percent(component.configuredWeight)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <NumberTrace label={name} trace={component.measured} streamName={nameOfStream}>
                      <Text span size="sm" c={component.measured.value === null ? 'dimmed' : undefined}>
                        {formatMeasured(component.measured.value, unit)}
                      </Text>
                    </NumberTrace>
                  </Table.Td>
                  <Table.Td ta="right">
                    {component.score === null ? (
                      <Badge color="gray" variant="light" radius="sm" size="sm">
                        Missing
                      </Badge>
                    ) : (
                      <Text size="sm">{Math.round(component.score)}</Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" fw={600} c={component.contribution === null ? 'dimmed' : undefined}>
                      {component.contribution === null ? '—' : component.contribution.toLocaleString(undefined, { maximumFractionDigits: 1 })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {reweighted && (
        <Text size="xs" c="dimmed">
          Weights show configured → used: a component without data is left out and the others share its weight, so a gap never counts as a zero score.
        </Text>
      )}
    </Stack>
  );
}
