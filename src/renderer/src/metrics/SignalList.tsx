import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Signal } from '../../../shared/metrics/signals/signal';
import { SEVERITY_COLORS, SEVERITY_LABELS, sortBySeverity } from './health-labels';
import { formatEvidence } from './metric-format';
import { NumberTrace } from './NumberTrace';

interface SignalListProps {
  signals: readonly Signal[];
  nameOfStream?(streamId: string): string | null;
  /** Overview use: title and play only, at most `limit` signals. */
  compact?: boolean;
  limit?: number;
}

/**
 * Early-warning signals, most severe first: each with its evidence numbers (click one for its
 * inputs), the plain-language explanation and the suggested play.
 */
export function SignalList({ signals, nameOfStream = () => null, compact = false, limit }: SignalListProps) {
  const sorted = sortBySeverity(signals);
  const shown = limit === undefined ? sorted : sorted.slice(0, limit);
  if (sorted.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="signals-none">
        No early-warning signals this month.
      </Text>
    );
  }
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Early-warning signals" data-testid="signal-list">
      {shown.map((signal) => {
        const stream = signal.streamId ? nameOfStream(signal.streamId) : null;
        return (
          <Paper
            key={`${signal.key}-${signal.streamId ?? ''}`}
            component="li"
            withBorder
            p={compact ? 'sm' : 'md'}
            data-signal={signal.key}
            style={{ borderLeft: `4px solid var(--mantine-color-${SEVERITY_COLORS[signal.severity]}-6)` }}
          >
            <Stack gap={compact ? 4 : 'xs'}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge color={SEVERITY_COLORS[signal.severity]} variant="light" radius="sm" style={{ flexShrink: 0 }}>
                  {SEVERITY_LABELS[signal.severity]}
                </Badge>
                <Text size="sm" fw={600}>
                  {signal.headline}
                  {stream && (
                    <Text span size="xs" c="dimmed" fw={400}>
                      {' '}
                      · {stream}
                    </Text>
                  )}
                </Text>
              </Group>
              {!compact && (
                <>
                  {signal.evidence.length > 0 && (
                    <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="xs" verticalSpacing={6} aria-label="Evidence" role="list">
                      {signal.evidence.map((evidence) => (
                        <Stack key={evidence.label} gap={0} role="listitem">
                          <Text size="xs" c="dimmed">
                            {evidence.label}
                          </Text>
                          {evidence.inputs && evidence.inputs.length > 0 ? (
                            <NumberTrace label={evidence.label} trace={{ inputs: evidence.inputs }} streamName={nameOfStream}>
                              <Text span size="sm" fw={600}>
                                {formatEvidence(evidence)}
                              </Text>
                            </NumberTrace>
                          ) : (
                            <Text size="sm" fw={600} c={evidence.value === null ? 'dimmed' : undefined}>
                              {formatEvidence(evidence)}
                            </Text>
                          )}
                        </Stack>
                      ))}
                    </SimpleGrid>
                  )}
                  <Text size="sm">{signal.explanation}</Text>
                </>
              )}
              <Paper bg="indigo.0" p={compact ? 6 : 'xs'} radius="sm">
                <Text size={compact ? 'xs' : 'sm'}>
                  <Text span fw={600} inherit>
                    Play:{' '}
                  </Text>
                  {signal.play.summary}
                </Text>
                {!compact && (
                  <Stack component="ol" gap={2} mt={4} mb={0} pl="md" aria-label="Steps">
                    {signal.play.steps.map((step) => (
                      <Text component="li" size="sm" key={step}>
                        {step}
                      </Text>
                    ))}
                  </Stack>
                )}
              </Paper>
            </Stack>
          </Paper>
        );
      })}
      {shown.length < sorted.length && (
        <Text component="li" size="xs" c="dimmed">
          And {sorted.length - shown.length} more.
        </Text>
      )}
    </Stack>
  );
}
