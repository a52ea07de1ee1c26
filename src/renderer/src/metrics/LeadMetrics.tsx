import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { StreamStory } from '../../../shared/metrics/stream-story';
import { PAYMENT_ENVIRONMENT_LABELS } from '../framework-labels';
import { formatMetricValue, formatMonth } from './metric-format';

const ORIENTATION_WORDS: Record<StreamStory['orientation'], string> = {
  generating_revenue: 'new revenue for the buyer',
  reducing_costs: 'costs the buyer avoids',
  both: 'revenue and costs avoided',
  unknown: 'orientation not known yet',
};

/**
 * The metrics that lead for this stream's buyer (its payment environment's story, the same list the
 * deck's value story reads): each with its latest recorded value and month, or "Not recorded".
 */
export function LeadMetrics({ story, streamName }: { story: StreamStory; streamName: string }) {
  if (story.leadMetrics.length === 0) return null;
  const environment = story.paymentEnvironment ? PAYMENT_ENVIRONMENT_LABELS[story.paymentEnvironment] : 'Payment environment not recorded';
  return (
    <Stack gap={6} data-testid="lead-metrics">
      <Text size="sm" fw={600}>
        What leads for this buyer
      </Text>
      <Text size="xs" c="dimmed">
        {environment} · told as {ORIENTATION_WORDS[story.orientation]} · the same measures the deck&apos;s value story leads with
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="xs" role="list" aria-label={`Lead metrics for ${streamName}`}>
        {story.leadMetrics.map((metric) => (
          <Paper key={metric.key} withBorder p="xs" radius="sm" role="listitem" data-metric={metric.key}>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {metric.label}
            </Text>
            <Text size="lg" fw={700} c={metric.latest ? undefined : 'dimmed'} data-testid="lead-metric-value">
              {metric.latest ? formatMetricValue(metric.latest.value, metric.unit) : 'Not recorded'}
            </Text>
            <Text size="xs" c="dimmed">
              {metric.latest ? formatMonth(metric.latest.month) : 'in the last 12 months'}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
