import { Alert, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { DeckOutline } from '../../../shared/api/schemas/deck-schemas';
import { believableProof } from '../../../shared/framework/believable-proof';
import { ORIENTATION_LABELS } from '../framework-labels';

/**
 * What to know before exporting: who the deck is calibrated for and in which orientation, the
 * proof people in the room will ask for that the data cannot supply, and the planner's notices.
 */
export function PlanFindings({ outline }: { outline: DeckOutline }) {
  return (
    <Stack gap="sm">
      <Text size="sm" data-testid="deck-orientation">
        Calibrated for <strong>{outline.audience.map((member) => member.label).join(', ')}</strong>; value told as{' '}
        <strong>{ORIENTATION_LABELS[outline.orientation].toLowerCase()}</strong>. <Text span c="dimmed" inherit>{outline.orientationReason}</Text>
      </Text>

      {outline.notices.length > 0 && (
        <Alert color="blue" variant="light" title="Notes from the planner" data-testid="deck-notices">
          <List size="sm" spacing={4}>
            {outline.notices.map((notice) => (
              <List.Item key={notice}>{notice}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      <Stack gap={6} component="section" aria-labelledby="deck-gaps-heading" data-testid="deck-evidence-gaps">
        <Title order={4} size="h6" id="deck-gaps-heading">
          Evidence gaps ({outline.missingProof.length})
        </Title>
        {outline.missingProof.length === 0 ? (
          <Text size="sm" c="dimmed">
            The data supplies the proof this audience believes.
          </Text>
        ) : (
          // As the deck counts and lists them: one per step that closes it, with everyone who will ask.
          outline.missingProof.map((proof) => (
            <Paper key={proof.howToClose} data-testid="deck-missing-proof" withBorder p="xs" radius="sm" bg="var(--mantine-color-orange-0)">
              <Stack gap={4}>
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {proof.needs.join('; ')}
                  </Text>
                  {proof.askers.map((asker) => (
                    <Badge key={asker} size="xs" variant="light" color="gray" radius="sm">
                      {asker}
                    </Badge>
                  ))}
                  {proof.proofKinds.map((kind) => (
                    <Badge key={kind} size="xs" variant="light" color="grape" radius="sm">
                      {believableProof(kind).label}
                    </Badge>
                  ))}
                  {proof.streams.map((stream) => (
                    <Badge key={stream} size="xs" variant="outline" color="gray" radius="sm">
                      {stream}
                    </Badge>
                  ))}
                </Group>
                {proof.honestStatements.map((statement) => (
                  <Text key={statement} size="xs">
                    {statement}
                  </Text>
                ))}
                <Text size="xs" c="gray.7">
                  <Text span fw={600} inherit>
                    To close it:{' '}
                  </Text>
                  {proof.howToClose}
                </Text>
              </Stack>
            </Paper>
          ))
        )}
      </Stack>
    </Stack>
  );
}
