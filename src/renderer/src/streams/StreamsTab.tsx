import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { RevenueStream } from '../../../shared/api/schemas/stream-schemas';
import { formatCalendarDate } from '../format';
import { PAYMENT_ENVIRONMENT_LABELS } from '../framework-labels';
import { REVENUE_MODEL_LABELS } from '../labels';
import { EmptyState } from '../ui/EmptyState';
import { Fact } from '../ui/Fact';
import { confirmDeleteStream } from './confirm-delete-stream';
import { summarizeTerms } from './stream-terms-summary';
import { useStreamsStore } from './streams-store';

/** The account's revenue streams with their contract terms; add, edit, delete. */
export function StreamsTab() {
  const { streams, status, error } = useStreamsStore();
  const { openCreate, openEdit } = useStreamsStore.getState();

  if (status === 'error') {
    return (
      <Alert color="red" variant="light" title="Couldn't load the revenue streams">
        {error}
      </Alert>
    );
  }
  if (status === 'ready' && streams.length === 0) {
    return (
      <EmptyState title="No revenue streams yet" testId="streams-empty" actions={<Button onClick={openCreate}>Add revenue stream</Button>}>
        Add each way your company gets paid for this account (a CPT revenue share, a PMPM fee, a license, an outcomes bonus), with the
        contract terms you know. The assessment and the value story start from these.
      </EmptyState>
    );
  }
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          One stream per way you are paid. A contract with a base fee and an outcomes bonus is two streams.
        </Text>
        <Button onClick={openCreate}>Add revenue stream</Button>
      </Group>
      {streams.map((stream) => (
        <StreamCard key={stream.id} stream={stream} onEdit={() => openEdit(stream)} onDelete={() => void confirmDeleteStream(stream)} />
      ))}
    </Stack>
  );
}

function StreamCard({ stream, onEdit, onDelete }: { stream: RevenueStream; onEdit(): void; onDelete(): void }) {
  const facts = summarizeTerms(stream.revenueModel, stream.terms);
  return (
    <Paper withBorder p="lg" component="article" aria-label={stream.name} data-testid="stream-card">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
              {stream.name}
            </Title>
            <Group gap={6}>
              <Badge variant="light" radius="sm">
                {REVENUE_MODEL_LABELS[stream.revenueModel]}
              </Badge>
              <Badge variant="outline" color="gray" radius="sm">
                {stream.paymentEnvironment ? PAYMENT_ENVIRONMENT_LABELS[stream.paymentEnvironment] : 'Payment environment unknown'}
              </Badge>
            </Group>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" size="xs" onClick={onEdit} aria-label={`Edit ${stream.name}`}>
              Edit
            </Button>
            <Button variant="subtle" color="red" size="xs" onClick={onDelete} aria-label={`Delete ${stream.name}`}>
              Delete
            </Button>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" verticalSpacing="sm">
          {facts.map((fact) => (
            <Fact key={fact.label} label={fact.label}>
              <Text size="sm" c={fact.known ? undefined : 'dimmed'}>
                {fact.value}
              </Text>
            </Fact>
          ))}
          <Fact label="Runs">{`${formatCalendarDate(stream.startDate)} – ${formatCalendarDate(stream.endDate)}`}</Fact>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
