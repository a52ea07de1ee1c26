import { Alert, Badge, Button, Group, List, Paper, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useEffect } from 'react';
import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import { useWorkspaceChanges } from '../api/workspace-changes';
import { useAccountStore } from '../account/account-store';
import { useAppStore } from '../app/app-store';
import { currentQuarter } from '../dates';
import { usePortfolioFactsStore } from '../portfolio/portfolio-facts-store';
import { useStakeholdersStore } from '../stakeholders/stakeholders-store';
import { useStreamsStore } from '../streams/streams-store';
import { setupFactsOf, setupProgress, type SetupStep, type SetupStepKey } from './setup-checklist';

/**
 * "Get ready for the first QBR": the five setup steps in the order that works, with why each comes
 * where it does and a button for the next one. Shown on the overview until every step is done.
 */
export function SetupChecklistCard({ account }: { account: AccountSummary }) {
  const facts = usePortfolioFactsStore((state) => state.facts);
  const dataVersion = useWorkspaceChanges((state) => state.version);

  useEffect(() => {
    void usePortfolioFactsStore.getState().refreshIfStale();
  }, [dataVersion]);

  const setupFacts = setupFactsOf(account, facts?.get(account.id));
  if (!setupFacts) return null;
  const progress = setupProgress(setupFacts);
  if (progress.complete) return null;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="setup-checklist-title" data-testid="setup-checklist">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={3} size="h5" id="setup-checklist-title">
              Get ready for the first QBR
            </Title>
            <Text size="sm" c="dimmed">
              Work through these in order: each step feeds the next.
            </Text>
          </Stack>
          <Badge variant="light" radius="sm" size="lg" style={{ flexShrink: 0 }} data-testid="setup-checklist-count">
            {progress.doneCount} of {progress.total} done
          </Badge>
        </Group>
        <Progress value={(progress.doneCount / progress.total) * 100} size="sm" aria-label={`Setup ${progress.doneCount} of ${progress.total} done`} />
        {progress.assessedWithoutStakeholders && (
          <Alert color="orange" variant="light" p="xs" data-testid="setup-assessed-without-people">
            The saved assessment has nobody in its value map. Map the stakeholders, then save the assessment again.
          </Alert>
        )}
        <List spacing="sm" listStyleType="none" aria-label="Setup steps">
          {progress.steps.map((step, index) => (
            <List.Item key={step.key} data-step={step.key} data-done={step.done}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon size={24} radius="xl" variant={step.done ? 'filled' : 'light'} color={step.done ? 'teal' : 'gray'} aria-hidden="true">
                  <Text size="xs" fw={700}>
                    {step.done ? '✓' : index + 1}
                  </Text>
                </ThemeIcon>
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" fw={600} td={step.done ? 'line-through' : undefined} c={step.done ? 'dimmed' : undefined}>
                    {step.label}
                    <Text span size="sm" c="dimmed" fw={400}>
                      {step.done ? ' — done' : ''}
                    </Text>
                  </Text>
                  {!step.done && (
                    <Text size="xs" c="dimmed">
                      {step.why}
                    </Text>
                  )}
                </Stack>
                {!step.done && step.key === progress.next?.key && <StepAction step={step} account={account} />}
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}

const ACTION_LABELS: Record<SetupStepKey, string> = {
  streams: 'Add a revenue stream',
  stakeholders: 'Add a stakeholder',
  metrics: 'Go to Metrics',
  assessment: 'Start the assessment',
  deck: 'Build the deck',
};

/** The button that starts the next step where it is done. */
function StepAction({ step, account }: { step: SetupStep; account: AccountSummary }) {
  const showTab = useAccountStore((state) => state.showTab);
  const navigate = useAppStore((state) => state.navigate);
  function run() {
    switch (step.key) {
      case 'streams':
        showTab('streams');
        useStreamsStore.getState().openCreate();
        return;
      case 'stakeholders':
        showTab('stakeholders');
        useStakeholdersStore.getState().openCreate();
        return;
      case 'metrics':
        showTab('metrics');
        return;
      case 'assessment':
        navigate({ name: 'wizard', accountId: account.id, quarter: currentQuarter() });
        return;
      case 'deck':
        showTab('decks');
        return;
    }
  }
  return (
    <Button size="xs" onClick={run} style={{ flexShrink: 0 }}>
      {ACTION_LABELS[step.key]}
    </Button>
  );
}
