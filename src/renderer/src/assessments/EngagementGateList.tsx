import { Stack, Text } from '@mantine/core';
import type { IdentifiedGate } from '../../../shared/framework/identify-gates';
import { ENGAGEMENT_GATE_LABELS } from '../framework-labels';

/** Each engagement gate with the reasons it applies; `empty` when there is none yet. */
export function EngagementGateList({ gates, empty }: { gates: readonly IdentifiedGate[]; empty: string }) {
  if (gates.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return gates.map((gate) => (
    <Stack key={gate.gate} gap={2}>
      <Text size="sm" fw={600}>
        {ENGAGEMENT_GATE_LABELS[gate.gate]}
      </Text>
      {gate.reasons.map((why, index) => (
        <Text key={`${why.code}-${index}`} size="xs" c="dimmed">
          {why.text}
        </Text>
      ))}
    </Stack>
  ));
}
