import { Alert, Anchor, Box, Button, Center, Group, Loader, Select, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useMemo, useRef } from 'react';
import { useAccountStore } from '../account/account-store';
import { useAppStore } from '../app/app-store';
import { WIDE_WINDOW_QUERY } from '../app/window-size';
import { useAssessmentsStore } from '../assessments/assessments-store';
import { currentQuarter, formatQuarter, shiftQuarter } from '../dates';
import { formatTimestamp } from '../format';
import { notifySuccess } from '../notify';
import { StreamFormModal } from '../streams/StreamFormModal';
import { useStreamsStore } from '../streams/streams-store';
import { stepSummary } from './step-summaries';
import { BehaviourStep } from './steps/BehaviourStep';
import { EnvironmentStep } from './steps/EnvironmentStep';
import { IncentivesStep } from './steps/IncentivesStep';
import { OrientationStep } from './steps/OrientationStep';
import { PathStep } from './steps/PathStep';
import { ResultStep } from './steps/ResultStep';
import { StreamsStep } from './steps/StreamsStep';
import { useWizardStore } from './wizard-store';
import { LAST_STEP, WIZARD_STEPS, type WizardStepKey } from './wizard-steps';
import { ScreenTitle } from '../ui/ScreenTitle';

const STEP_CONTENT: Record<WizardStepKey, () => React.JSX.Element> = {
  streams: StreamsStep,
  behaviour: BehaviourStep,
  environment: EnvironmentStep,
  orientation: OrientationStep,
  path: PathStep,
  incentives: IncentivesStep,
  result: ResultStep,
};

/** The guided assessment for one account and one quarter: seven revisitable steps, autosaved as a draft. */
export function AssessmentWizard({ accountId, quarter }: { accountId: string; quarter: string }) {
  const account = useAccountStore((state) => (state.accountId === accountId ? state.account : null));
  const accountStatus = useAccountStore((state) => state.status);
  const streamsReady = useStreamsStore((state) => state.accountId === accountId && state.status === 'ready');
  const streams = useStreamsStore((state) => state.streams);
  const history = useAssessmentsStore((state) => (state.accountId === accountId ? state.history : []));
  const wizard = useWizardStore();
  const navigate = useAppStore((state) => state.navigate);
  const wideWindow = useMediaQuery(WIDE_WINDOW_QUERY, true, { getInitialValueInEffect: false });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openedKey = useRef<string | null>(null);
  const previousStep = useRef<number | null>(null);

  useEffect(() => {
    void useAccountStore.getState().load(accountId);
    void useStreamsStore.getState().load(accountId);
    void useAssessmentsStore.getState().load(accountId);
  }, [accountId]);

  useEffect(() => {
    const key = `${accountId}/${quarter}`;
    if (!account || !streamsReady || openedKey.current === key) return;
    openedKey.current = key;
    void useWizardStore.getState().open(account, quarter, useStreamsStore.getState().streams);
  }, [account, streamsReady, accountId, quarter]);

  // A stream added or edited from step 1 joins the answers.
  useEffect(() => {
    if (streamsReady && wizard.status === 'ready' && wizard.accountId === accountId) useWizardStore.getState().syncStreams(streams);
  }, [streams]); // eslint-disable-line react-hooks/exhaustive-deps

  // Leaving the wizard writes what is pending, so nothing typed is lost.
  useEffect(() => () => void useWizardStore.getState().flush(), []);

  // Focus follows the step, so keyboard and screen-reader users land on the new question.
  useEffect(() => {
    if (wizard.status !== 'ready') return;
    if (previousStep.current !== null && previousStep.current !== wizard.step) headingRef.current?.focus();
    previousStep.current = wizard.step;
  }, [wizard.step, wizard.status]);

  const quarterOptions = useMemo(() => {
    const now = currentQuarter();
    const quarters = new Set([shiftQuarter(now, 1), now, ...[1, 2, 3, 4].map((back) => shiftQuarter(now, -back)), ...history.map((entry) => entry.quarter), quarter]);
    return [...quarters].sort().reverse().map((value) => {
      const saved = history.find((entry) => entry.quarter === value);
      return { value, label: `${formatQuarter(value)}${saved ? (saved.status === 'final' ? ' · saved' : ' · draft') : ''}${value === now ? ' · current' : ''}` };
    });
  }, [history, quarter]);

  const backToAccount = () => {
    useAccountStore.getState().showTab('assessments');
    navigate({ name: 'account', accountId });
  };

  async function saveAssessment() {
    const record = await useWizardStore.getState().finalize();
    if (!record) return;
    notifySuccess(`${formatQuarter(quarter)} assessment saved`, account?.name);
    void useAssessmentsStore.getState().load(accountId);
    void useAssessmentsStore.getState().open(quarter);
    backToAccount();
  }

  if (accountStatus === 'not_found' || accountStatus === 'error' || wizard.status === 'error') {
    return (
      <Stack maw={640} gap="md">
        <Alert color="red" variant="light" title="Couldn't open the assessment">
          {wizard.error ?? useAccountStore.getState().error}
        </Alert>
        <Button variant="default" w="fit-content" onClick={() => navigate({ name: 'portfolio' })}>
          Back to portfolio
        </Button>
      </Stack>
    );
  }
  if (!account || wizard.status !== 'ready' || wizard.accountId !== accountId || wizard.quarter !== quarter) {
    return (
      <Center h="100%">
        <Loader aria-label="Opening the assessment" />
      </Center>
    );
  }

  const step = WIZARD_STEPS[wizard.step]!;
  const Content = STEP_CONTENT[step.key];
  const onLastStep = wizard.step === LAST_STEP;

  return (
    <Stack h="100%" gap="md" maw={1200}>
      <Stack gap={6}>
        <Anchor component="button" size="sm" onClick={backToAccount} w="fit-content">
          ← {account.name}
        </Anchor>
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <ScreenTitle>Quarterly assessment</ScreenTitle>
            <Text size="sm" c="dimmed" lineClamp={1}>
              {account.name}
            </Text>
          </Stack>
          <Group gap="md" align="flex-end" wrap="nowrap">
            <SaveStatus />
            <Select
              label="Quarter"
              w={200}
              data={quarterOptions}
              value={quarter}
              allowDeselect={false}
              onChange={(next) => {
                if (!next || next === quarter) return;
                void useWizardStore
                  .getState()
                  .flush()
                  .then(() => navigate({ name: 'wizard', accountId, quarter: next }));
              }}
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
        </Group>
        {wizard.openedFrom && <ResumeNotice status={wizard.openedFrom.status} updatedAt={wizard.openedFrom.updatedAt} quarter={quarter} />}
      </Stack>

      <Group align="flex-start" gap={wideWindow ? 'xl' : 'lg'} wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Box w={wideWindow ? 250 : 200} style={{ flexShrink: 0 }} component="nav" aria-label="Assessment steps">
          <Stepper active={wizard.step} onStepClick={(index) => wizard.setStep(index)} orientation="vertical" size="sm" allowNextStepsSelect>
            {WIZARD_STEPS.map((candidate, index) => {
              const summary = stepSummary(candidate.key, wizard.answers);
              return (
                <Stepper.Step
                  key={candidate.key}
                  label={candidate.label}
                  description={summary}
                  aria-label={`Step ${index + 1}: ${candidate.label}. ${summary}`}
                  aria-current={index === wizard.step ? 'step' : undefined}
                />
              );
            })}
          </Stepper>
        </Box>

        <Stack gap="md" style={{ flex: 1, minWidth: 0, height: '100%' }}>
          {/* Focusable so the keyboard can scroll a step with no controls, such as the result. */}
          <Box style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} pr={4} pb="md" tabIndex={0}>
            <Stack gap="md" component="section" aria-labelledby="wizard-step-heading">
              <Stack gap={4}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.04em' }}>
                  Step {wizard.step + 1} of {WIZARD_STEPS.length}
                </Text>
                <Title order={3} id="wizard-step-heading" ref={headingRef} tabIndex={-1} style={{ outlineOffset: 4 }}>
                  {step.title}
                </Title>
                <Text size="sm" c="dimmed">
                  {step.description}
                </Text>
              </Stack>
              <Content />
            </Stack>
          </Box>
          {/* Actions sit on the left: toasts appear bottom-right and must never cover Next or Save. */}
          <Group justify="space-between" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Group gap="sm">
              <Button variant="default" onClick={() => wizard.setStep(wizard.step - 1)} disabled={wizard.step === 0}>
                Back
              </Button>
              {onLastStep ? (
                <Button onClick={() => void saveAssessment()} loading={wizard.finalizing} disabled={wizard.resultState !== 'ready'}>
                  Save as the {formatQuarter(quarter)} assessment
                </Button>
              ) : (
                <Button onClick={() => wizard.setStep(wizard.step + 1)}>Next: {WIZARD_STEPS[wizard.step + 1]!.label}</Button>
              )}
            </Group>
            {wizard.saveError && onLastStep && (
              <Text size="sm" c="red" role="alert">
                {wizard.saveError}
              </Text>
            )}
          </Group>
        </Stack>
      </Group>
      <StreamFormModal />
    </Stack>
  );
}

function SaveStatus() {
  const { saveState, savedAt, saveError, openedFrom, dirty } = useWizardStore();
  let text: string;
  let color: string | undefined = 'dimmed';
  if (saveState === 'pending' || saveState === 'saving') text = 'Saving draft…';
  else if (saveState === 'error') {
    text = `Draft not saved: ${saveError ?? 'unknown error'}`;
    color = 'red';
  } else if (saveState === 'saved' && savedAt) text = openedFrom?.status === 'final' && !dirty ? `Saved ${formatTimestamp(savedAt)}` : `Draft saved ${new Date(savedAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;
  else text = 'Changes are saved as a draft as you go';
  return (
    <Text size="xs" c={color} aria-live="polite" data-testid="wizard-save-status" pb={8}>
      {text}
    </Text>
  );
}

function ResumeNotice({ status, updatedAt, quarter }: { status: 'draft' | 'final'; updatedAt: string; quarter: string }) {
  return status === 'draft' ? (
    <Alert color="blue" variant="light" py="xs" data-testid="wizard-resumed">
      Picking up your draft from {formatTimestamp(updatedAt)}. Every step can be revisited from the list on the left.
    </Alert>
  ) : (
    <Alert color="teal" variant="light" py="xs" data-testid="wizard-resumed">
      The {formatQuarter(quarter)} assessment was saved on {formatTimestamp(updatedAt)}. Changes are kept as a draft until you save it again.
    </Alert>
  );
}
