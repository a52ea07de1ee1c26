import { Paper, Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import { identify } from '../../../../shared/framework/identify';
import type { BehaviourChangerKey } from '../../../../shared/framework/keys';
import { EngagementGateList } from '../../assessments/EngagementGateList';
import { BEHAVIOUR_CHANGER_LABELS } from '../../framework-labels';
import { ChoiceGroup, type Choice } from '../../ui/ChoiceGroup';
import { useWizardStore } from '../wizard-store';

const CHOICES: Choice<BehaviourChangerKey>[] = [
  { value: 'patients', label: BEHAVIOUR_CHANGER_LABELS.patients, description: 'They must use a device or app. The gate is activation (days 0-30) and adherence (days 30-365).' },
  { value: 'clinicians', label: BEHAVIOUR_CHANGER_LABELS.clinicians, description: 'They must adopt a new workflow. The gate is change management.' },
  { value: 'both', label: BEHAVIOUR_CHANGER_LABELS.both, description: 'B2B2C: both gates at once, managed together.' },
  { value: 'unknown', label: BEHAVIOUR_CHANGER_LABELS.unknown, description: "The gate is inferred from the revenue model, and the question stays open." },
];

/** Step 2: who must change behaviour, with the engagement gate it implies shown as the answer changes. */
export function BehaviourStep() {
  const answers = useWizardStore((state) => state.answers);
  const identification = useMemo(() => identify(answers), [answers]);
  return (
    <Stack gap="lg">
      <ChoiceGroup label="Who must change behaviour?" value={answers.behaviourChange} onChange={(value) => useWizardStore.getState().setBehaviourChange(value)} choices={CHOICES} />
      <Paper withBorder p="md" bg="var(--mantine-color-indigo-0)" aria-live="polite" data-testid="wizard-gates">
        <Stack gap="xs">
          <Title order={4} size="h6">
            Engagement gate{identification.engagementGates.length === 1 ? '' : 's'}
          </Title>
          <EngagementGateList gates={identification.engagementGates} empty="No gate yet: answer who must change, or say how the streams are paid." />
        </Stack>
      </Paper>
    </Stack>
  );
}
