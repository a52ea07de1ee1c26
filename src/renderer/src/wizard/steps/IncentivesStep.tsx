import { Badge, Blockquote, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { IdentificationAnswers } from '../../../../shared/framework/answers';
import type { IncentiveConflict } from '../../../../shared/framework/hybrid-conflicts';
import { identify } from '../../../../shared/framework/identify';
import { useStreamsStore } from '../../streams/streams-store';
import { ChoiceGroup, type Choice } from '../../ui/ChoiceGroup';
import { useWizardStore } from '../wizard-store';

type ConflictAnswer = IdentificationAnswers['conflictingIncentives'];

const ANSWER_CHOICES: Choice<ConflictAnswer['answer']>[] = [
  { value: 'yes', label: 'Yes, they pull in different directions', description: 'That makes this a hybrid: the trade-off is put to the buyer.' },
  { value: 'no', label: 'No', description: 'The streams reward the same work.' },
  { value: 'unknown', label: "Don't know yet", description: 'It stays an open question when the streams could conflict.' },
];

const PRIORITY_CHOICES: Choice<NonNullable<ConflictAnswer['buyerPriority']>>[] = [
  { value: 'broad_enrollment', label: 'Broad enrolment', description: 'Engagement visibility and the base renewal case.' },
  { value: 'high_risk_targeting', label: 'Target the highest-risk members', description: 'Savings potential, with a lower headline engagement rate.' },
  { value: 'undecided', label: "The buyer hasn't decided", description: 'The trade-off question stays open.' },
];

const KIND_LABELS: Record<IncentiveConflict['kind'], string> = { trade_off: 'Trade-off for the buyer', sequencing: 'Sequencing', framing: 'Framing per stakeholder' };

/** Step 6: conflicting incentives between streams, the trade-off question, and the buyer's answer when known. */
export function IncentivesStep() {
  const answers = useWizardStore((state) => state.answers);
  const { setConflicts } = useWizardStore.getState();
  const identification = useMemo(() => identify(answers), [answers]);
  const conflicts = identification.incentiveConflicts;
  const conflict = answers.conflictingIncentives;
  const tradeOffs = conflicts.filter((item) => item.kind === 'trade_off');
  const breadthVsTargeting = tradeOffs.some((item) => item.key === 'breadth_vs_targeting');
  const hybridStream = useStreamsStore((state) => state.streams.find((stream) => stream.revenueModel === 'hybrid'));

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" bg="var(--mantine-color-indigo-0)" aria-live="polite" data-testid="wizard-conflicts">
        <Stack gap="sm">
          <Title order={4} size="h6">
            {conflicts.length === 0 ? 'The framework sees no conflict between these streams' : `The framework sees ${conflicts.length === 1 ? 'one tension' : `${conflicts.length} tensions`} between these streams`}
          </Title>
          {conflicts.length === 0 && (
            <Text size="sm" c="dimmed">
              {answers.streams.length < 2 ? 'With a single revenue stream there is usually nothing to trade off.' : 'These streams reward the same work, as far as the framework can tell.'}
            </Text>
          )}
          {conflicts.map((item) => (
            <ConflictCard key={item.key} conflict={item} />
          ))}
        </Stack>
      </Paper>

      <ChoiceGroup
        label="Do the revenue streams create conflicting incentives?"
        description={hybridStream ? `${hybridStream.name} is recorded as a hybrid contract, so this started as Yes. Change it if the parts don't pull apart.` : undefined}
        value={conflict.answer}
        onChange={(value) => setConflicts({ answer: value })}
        choices={ANSWER_CHOICES}
      />

      {(conflict.answer === 'yes' || tradeOffs.length > 0) && (
        <Stack gap="md">
          {breadthVsTargeting && (
            <ChoiceGroup
              label="What did the buyer choose?"
              value={conflict.buyerPriority ?? null}
              onChange={(value) => setConflicts({ buyerPriority: value })}
              choices={PRIORITY_CHOICES}
            />
          )}
          <Textarea
            label="The buyer's answer"
            description="What they said when you put the trade-off to them, verbatim or summarised. Leave it empty until you have asked; it stays an open question until then."
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            value={conflict.buyerAnswer ?? ''}
            onChange={(event) => setConflicts({ buyerAnswer: event.currentTarget.value })}
          />
        </Stack>
      )}
    </Stack>
  );
}

function ConflictCard({ conflict }: { conflict: IncentiveConflict }) {
  return (
    <Paper withBorder p="sm" data-testid="conflict" data-conflict-key={conflict.key}>
      <Stack gap={6}>
        <Group gap="xs">
          <Badge size="sm" variant="light" color={conflict.kind === 'trade_off' ? 'orange' : 'gray'} radius="sm">
            {KIND_LABELS[conflict.kind]}
          </Badge>
        </Group>
        <Text size="sm">{conflict.description}</Text>
        {conflict.tradeOffQuestion && (
          <Blockquote p="xs" pl="sm" color="indigo" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
            <Text span size="xs" fw={600} c="dimmed" display="block" mb={4}>
              Ask the buyer's executive team
            </Text>
            {conflict.tradeOffQuestion}
          </Blockquote>
        )}
        {conflict.options.length > 0 && (
          <Table verticalSpacing={4} fz="xs" aria-label="Options and what each strengthens or weakens">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Option</Table.Th>
                <Table.Th>Strengthens</Table.Th>
                <Table.Th>Weakens</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {conflict.options.map((option) => (
                <Table.Tr key={option.key}>
                  <Table.Td fw={500}>{option.label}</Table.Td>
                  <Table.Td>{option.strengthens}</Table.Td>
                  <Table.Td>{option.weakens}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed">
          {conflict.csGuidance}
        </Text>
      </Stack>
    </Paper>
  );
}
