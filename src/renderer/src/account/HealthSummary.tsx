import { Badge, Group, Stack, Text } from '@mantine/core';
import type { AccountInsights } from '../../../shared/metrics/account-insights';
import type { SignalSeverity } from '../../../shared/metrics/signals/signal';
import { formatMonth } from '../metrics/metric-format';

const BAND_LABELS = { healthy: 'Healthy', watch: 'Watch', at_risk: 'At risk', unknown: 'Not enough data' } as const;
const BAND_COLORS = { healthy: 'teal', watch: 'yellow', at_risk: 'red', unknown: 'gray' } as const;
export const SEVERITY_COLORS: Record<SignalSeverity, string> = { critical: 'red', warning: 'orange', info: 'gray' };
const SEVERITY_LABELS: Record<SignalSeverity, string> = { critical: 'Critical', warning: 'Warning', info: 'Note' };

/** The health score (or why there is none) and the most urgent signals. */
export function HealthSummary({ insights, maxSignals = 3 }: { insights: AccountInsights; maxSignals?: number }) {
  const { health, signals } = insights;
  return (
    <Stack gap="sm" data-testid="health-summary">
      <Group gap="sm" align="baseline">
        <Text fz={28} fw={700} lh={1}>
          {health.score === null ? '—' : Math.round(health.score)}
        </Text>
        <Text size="sm" c="dimmed">
          {health.score === null ? 'No health score yet' : 'health score of 100'} · {formatMonth(insights.month)}
        </Text>
        <Badge color={BAND_COLORS[health.band]} variant="light" radius="sm">
          {BAND_LABELS[health.band]}
        </Badge>
      </Group>
      {health.missing.length > 0 && (
        <Text size="xs" c="dimmed">
          Left out for missing data: {health.missing.map((item) => item.label).join(', ')}.
        </Text>
      )}
      {signals.length === 0 ? (
        <Text size="sm" c="dimmed">
          No early-warning signals this month.
        </Text>
      ) : (
        <Stack gap={6}>
          {signals.slice(0, maxSignals).map((signal) => (
            <Group key={`${signal.key}-${signal.streamId ?? ''}`} gap="xs" wrap="nowrap" align="flex-start">
              <Badge color={SEVERITY_COLORS[signal.severity]} variant="light" radius="sm" style={{ flexShrink: 0 }}>
                {SEVERITY_LABELS[signal.severity]}
              </Badge>
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {signal.headline}
                </Text>
                <Text size="xs" c="dimmed">
                  {signal.play.summary}
                </Text>
              </Stack>
            </Group>
          ))}
          {signals.length > maxSignals && (
            <Text size="xs" c="dimmed">
              And {signals.length - maxSignals} more on the Metrics tab.
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
