import { Badge, Group, Text } from '@mantine/core';
import { HEALTH_BAND_COLORS, HEALTH_BAND_LABELS, healthBandOf, type HealthBand } from './health-labels';
import { formatScore } from './metric-format';

interface HealthBadgeProps {
  score: number | null;
  /** The engine's band; worked out from the score when not given (portfolio rows carry only the score). */
  band?: HealthBand;
  size?: 'sm' | 'lg';
}

/** A health score with its band in words, e.g. "49.7 · Watch"; "Not available" when no component had data. */
export function HealthBadge({ score, band = healthBandOf(score), size = 'sm' }: HealthBadgeProps) {
  const label = HEALTH_BAND_LABELS[band];
  return (
    <Group gap={8} wrap="nowrap" align="baseline" data-testid="health-badge" aria-label={score === null ? 'Health score not available' : `Health score ${formatScore(score)} of 100, ${label}`}>
      <Text fz={size === 'lg' ? 32 : 'sm'} fw={700} lh={1} c={score === null ? 'dimmed' : undefined}>
        {score === null ? 'Not available' : formatScore(score)}
      </Text>
      {score !== null && (
        <Badge color={HEALTH_BAND_COLORS[band]} variant="light" radius="sm" size={size === 'lg' ? 'md' : 'sm'}>
          {label}
        </Badge>
      )}
    </Group>
  );
}
