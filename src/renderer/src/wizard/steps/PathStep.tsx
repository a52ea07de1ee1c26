import { Badge, Paper, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { StreamAnswer } from '../../../../shared/framework/answers';
import { identify } from '../../../../shared/framework/identify';
import type { RevenuePathKey } from '../../../../shared/framework/keys';
import { useAccountStore } from '../../account/account-store';
import { todayIsoDate } from '../../dates';
import { REVENUE_PATH_LABELS } from '../../framework-labels';
import { useStreamsStore } from '../../streams/streams-store';
import { ChoiceGroup, type Choice } from '../../ui/ChoiceGroup';
import { FieldsetCard } from '../../ui/FieldsetCard';
import { describeRunway } from '../runway';
import { expectedPathOf } from '../wizard-prefill';
import { useWizardStore } from '../wizard-store';

type PathChoice = RevenuePathKey | 'unknown';

const CHOICES: Choice<PathChoice>[] = [
  { value: 'monthly', label: REVENUE_PATH_LABELS.monthly, description: 'Engagement turns into revenue every month (e.g. RPM billing).' },
  { value: 'at_renewal', label: REVENUE_PATH_LABELS.at_renewal, description: 'Indirect until the renewal decision (e.g. PMPM, licences).' },
  { value: 'measurement_period_18_24_months', label: REVENUE_PATH_LABELS.measurement_period_18_24_months, description: 'Contingent on outcomes measured long after engagement (value-based).' },
  { value: 'unknown', label: REVENUE_PATH_LABELS.unknown, description: 'The usual path for the model is assumed, and the question stays open.' },
];

/** Step 5: the path from engagement to revenue per stream, and the runway it leaves before renewal or settlement. */
export function PathStep() {
  const answers = useWizardStore((state) => state.answers);
  const identification = useMemo(() => identify(answers), [answers]);
  const shortest = identification.findings.find((finding) => finding.code.startsWith('path_'));
  if (answers.streams.length === 0) {
    return <Text c="dimmed">Add a revenue stream in step 1 first; the path is answered per stream.</Text>;
  }
  return (
    <Stack gap="md">
      {answers.streams.map((stream) => (
        <StreamPath key={stream.id} stream={stream} />
      ))}
      {shortest && (
        <Paper withBorder p="md" bg="var(--mantine-color-indigo-0)" aria-live="polite">
          <Text size="sm">
            <Text span fw={600} inherit>
              Across the contract:{' '}
            </Text>
            {shortest.text}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}

function StreamPath({ stream }: { stream: StreamAnswer }) {
  const id = stream.id!;
  const account = useAccountStore((state) => state.account);
  const recorded = useStreamsStore((state) => state.streams.find((candidate) => candidate.id === id));
  const expected = expectedPathOf(stream);
  const { setPath } = useWizardStore.getState();
  const terms = (recorded?.terms ?? {}) as { measurementPeriodMonths?: number; claimsRunoutMonths?: number };
  const runway = describeRunway({
    path: stream.pathToRevenue,
    today: todayIsoDate(),
    renewalDate: account?.renewalDate ?? null,
    measurement: { periodMonths: terms.measurementPeriodMonths, claimsRunoutMonths: terms.claimsRunoutMonths, startDate: recorded?.startDate ?? account?.contractStartDate ?? null },
  });
  const label = stream.label ?? 'This stream';
  return (
    <FieldsetCard legend={label} testId="wizard-path">
      <Stack gap="sm">
        <ChoiceGroup
          label={`When does engagement on ${label} turn into revenue?`}
          value={stream.pathToRevenue}
          onChange={(value) => setPath(id, value === expected ? 'suggested' : value)}
          choices={CHOICES}
          columns={2}
          tagFor={(value) =>
            value === expected ? (
              <Badge size="xs" variant="outline" radius="sm">
                Usual for this model
              </Badge>
            ) : null
          }
        />
        <Paper bg="var(--mantine-color-gray-0)" p="sm" radius="md" data-testid="wizard-runway">
          <Text size="sm">
            <Text span fw={600} inherit>
              Runway:{' '}
            </Text>
            {runway}
          </Text>
        </Paper>
      </Stack>
    </FieldsetCard>
  );
}
