import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import type { StreamAnswer } from '../../../../shared/framework/answers';
import type { PaymentEnvironmentKey, ValueOrientationKey } from '../../../../shared/framework/keys';
import { ORIENTATION_LABELS } from '../../framework-labels';
import { ChoiceGroup, type Choice } from '../../ui/ChoiceGroup';
import { FieldsetCard } from '../../ui/FieldsetCard';
import { suggestOrientation } from '../wizard-prefill';
import { useWizardStore } from '../wizard-store';

const CHOICES: Choice<ValueOrientationKey>[] = [
  { value: 'generating_revenue', label: ORIENTATION_LABELS.generating_revenue, description: 'New income the buyer did not have before, e.g. billable services.' },
  { value: 'reducing_costs', label: ORIENTATION_LABELS.reducing_costs, description: 'Avoided cost or utilisation, e.g. fewer admissions on a capitated budget.' },
  { value: 'both', label: ORIENTATION_LABELS.both, description: 'Different lines of business or stakeholders see it on different sides.' },
  { value: 'unknown', label: ORIENTATION_LABELS.unknown, description: 'It becomes the first question to ask the buyer.' },
];

/** Step 4: revenue or cost reduction per stream, pre-filled from the rules, overridable with a note. */
export function OrientationStep() {
  const answers = useWizardStore((state) => state.answers);
  if (answers.streams.length === 0) {
    return <Text c="dimmed">Add a revenue stream in step 1 first; orientation is answered per stream.</Text>;
  }
  return (
    <Stack gap="md">
      {answers.streams.map((stream) => (
        <StreamOrientation key={stream.id} stream={stream} accountEnvironments={answers.paymentEnvironments} />
      ))}
    </Stack>
  );
}

function StreamOrientation({ stream, accountEnvironments }: { stream: StreamAnswer; accountEnvironments: PaymentEnvironmentKey[] }) {
  const id = stream.id!;
  const note = useWizardStore((state) => state.orientationNotes[id] ?? '');
  const chosen = useWizardStore((state) => Boolean(state.chosen.orientation[id]));
  const { setOrientation, setOrientationNote } = useWizardStore.getState();
  const suggestion = suggestOrientation(stream, accountEnvironments);
  const label = stream.label ?? 'This stream';
  const differs = suggestion !== null && stream.orientation !== suggestion.orientation;

  return (
    <FieldsetCard legend={label} testId="wizard-orientation">
      <Stack gap="sm">
        {suggestion ? (
          <Paper bg="var(--mantine-color-indigo-0)" p="sm" radius="md" data-testid="orientation-suggestion">
            <Group gap="xs" mb={4}>
              <Text size="sm" fw={600}>
                The framework suggests: {ORIENTATION_LABELS[suggestion.orientation].toLowerCase()}
              </Text>
              <Badge size="xs" variant="light" color={suggestion.source === 'framework' ? 'indigo' : 'gray'} radius="sm">
                {suggestion.source === 'framework' ? 'Stated by the framework' : 'Default rule'}
              </Badge>
            </Group>
            <Text size="xs">{suggestion.reason}</Text>
          </Paper>
        ) : (
          <Text size="sm" c="dimmed">
            No suggestion until you say how this stream is paid (step 1).
          </Text>
        )}
        <ChoiceGroup
          label={`How does the buyer experience ${label}?`}
          value={stream.orientation}
          onChange={(value) => setOrientation(id, suggestion && value === suggestion.orientation ? 'suggested' : value)}
          choices={CHOICES}
          columns={2}
          tagFor={(value) =>
            suggestion?.orientation === value ? (
              <Badge size="xs" variant="outline" radius="sm">
                Suggested
              </Badge>
            ) : null
          }
        />
        {stream.orientation === 'unknown' && (
          <Alert color="orange" variant="light" title="This becomes an open question" data-testid="orientation-open-question">
            “Does the buyer experience {label} as generating revenue or as reducing their costs?” It is the first conversation to have: the answer
            decides who holds budget, which metrics belong in the QBR and how your champion sells the renewal.
          </Alert>
        )}
        {differs && (
          <Textarea
            label={stream.orientation === 'unknown' ? 'Why is it unclear?' : 'Why does the buyer see it differently?'}
            description="Kept with the assessment, so next quarter you know why the framework was overruled"
            autosize
            minRows={2}
            maxRows={5}
            maxLength={2000}
            value={note}
            onChange={(event) => setOrientationNote(id, event.currentTarget.value)}
          />
        )}
        {chosen && suggestion && (
          <Button variant="subtle" size="xs" w="fit-content" onClick={() => setOrientation(id, 'suggested')}>
            Use the framework's suggestion
          </Button>
        )}
      </Stack>
    </FieldsetCard>
  );
}
