import { Alert, Button, Center, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { streamKpiCharts } from '../../../shared/charts/kpi-charts';
import { REVENUE_MODEL_LABELS } from '../labels';
import { ImportMetricsButton } from '../metrics-import/ImportMetricsButton';
import { EmptyState } from '../ui/EmptyState';
import { SectionCard } from '../ui/SectionCard';
import { ChartView } from './ChartView';
import { HealthPanel } from './HealthPanel';
import { KpiTable } from './KpiTable';
import { LeadMetrics } from './LeadMetrics';
import { formatMonth } from './metric-format';
import { useMetricsStore } from './metrics-store';
import { MonthValuesModal } from './MonthValuesModal';
import { SignalList } from './SignalList';

/**
 * One account's metrics: health score with its trend and components, signals with evidence and
 * plays, and per stream its key charts and KPI table; month values can be entered or imported here.
 */
export function AccountMetricsPanel({ accountId }: { accountId: string }) {
  const { insights, streams, status, error, load, openEntry } = useMetricsStore();

  useEffect(() => {
    void load(accountId);
  }, [accountId, load]);

  const nameOfStream = (streamId: string) => streams.find((stream) => stream.id === streamId)?.name ?? null;
  const actions = (
    <Group gap="sm">
      <ImportMetricsButton accountId={accountId} onImported={() => void load(accountId)} />
      <Button onClick={() => void openEntry()}>Enter month values</Button>
    </Group>
  );

  if (status === 'idle' || (status === 'loading' && !insights)) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading metrics" />
      </Center>
    );
  }
  if (status === 'error' || !insights) {
    return (
      <Alert color="red" variant="light" title="Couldn't work out this account's metrics">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{error}</Text>
          <Button size="xs" variant="default" onClick={() => void load(accountId)}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }

  const hasData = insights.health.trend.some((point) => point.score !== null) || insights.streams.some((s) => s.kpis.some((k) => k.history.some((p) => p.value !== null)));
  return (
    <Stack gap="md" data-testid="account-metrics-panel">
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed">
          Report month <b>{formatMonth(insights.month)}</b>: the latest month with data. Click any number to see how it was worked out.
        </Text>
        {actions}
      </Group>
      {!hasData && (
        <EmptyState title="No metrics recorded yet" compact testId="metrics-no-data">
          Monthly values (enrolment, engagement, claims, outcomes) drive the KPIs, health score and early-warning signals. Enter a month by hand
          or import a CSV.
        </EmptyState>
      )}
      <SectionCard title="Health score" description="Transparent weighted components; missing inputs are left out and shown, never scored as zero.">
        <HealthPanel health={insights.health} month={insights.month} nameOfStream={nameOfStream} multiStream={streams.length > 1} />
      </SectionCard>
      <SectionCard title="Early-warning signals" description="Most severe first, with the numbers behind each and a suggested play." testId="signals-section">
        <SignalList signals={insights.signals} nameOfStream={nameOfStream} />
      </SectionCard>
      {insights.streams.map((stream) => {
        const terms = streams.find((candidate) => candidate.id === stream.streamId)?.terms ?? {};
        const charts = streamKpiCharts(stream, terms as Record<string, unknown>);
        return (
          <SectionCard
            key={stream.streamId}
            title={stream.streamName}
            description={`${REVENUE_MODEL_LABELS[stream.revenueModel]} · KPIs for ${formatMonth(insights.month)} with the last 12 months`}
            testId={`stream-metrics-${stream.streamId}`}
          >
            <LeadMetrics story={stream.story} streamName={stream.streamName} />
            {charts.length > 0 && (
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
                {charts.map((chart) => (
                  <ChartView key={chart.id} spec={chart} />
                ))}
              </SimpleGrid>
            )}
            {stream.kpis.length > 0 ? (
              <KpiTable streamName={stream.streamName} kpis={stream.kpis} nameOfStream={nameOfStream} />
            ) : (
              <Text size="sm" c="dimmed">
                No KPI applies yet: a hybrid stream shows the KPIs of the families it has data for.
              </Text>
            )}
          </SectionCard>
        );
      })}
      {insights.streams.length === 0 && (
        <Text size="sm" c="dimmed">
          This account has no revenue streams, so there are no stream KPIs. Add a stream to see them.
        </Text>
      )}
      <MonthValuesModal />
    </Stack>
  );
}
