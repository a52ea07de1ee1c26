import { Alert, Badge, Box, Button, Center, Loader, Stack, Tabs } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useWorkspaceChanges } from '../api/workspace-changes';
import { useAppStore } from '../app/app-store';
import { AssessmentsTab } from '../assessments/AssessmentsTab';
import { useAssessmentsStore } from '../assessments/assessments-store';
import { todayIsoDate } from '../dates';
import { GoalFormModal } from '../goals/GoalFormModal';
import { GoalsTab } from '../goals/GoalsTab';
import { useGoalsStore } from '../goals/goals-store';
import { AccountMetricsPanel } from '../metrics/AccountMetricsPanel';
import { useMetricsStore } from '../metrics/metrics-store';
import { engagementStatus } from '../stakeholders/engagement-flag';
import { StakeholderFormModal } from '../stakeholders/StakeholderFormModal';
import { StakeholdersTab } from '../stakeholders/StakeholdersTab';
import { useStakeholdersStore } from '../stakeholders/stakeholders-store';
import { StreamFormModal } from '../streams/StreamFormModal';
import { StreamsTab } from '../streams/StreamsTab';
import { useStreamsStore } from '../streams/streams-store';
import { AccountHeader } from './AccountHeader';
import { useAccountStore, type AccountTab } from './account-store';
import { DecksTab } from './DecksTab';
import { ActivityList } from '../activity/ActivityList';
import { OverviewTab } from './OverviewTab';

/** Loads everything the workspace tabs show for one account. */
export function loadAccountWorkspace(accountId: string): void {
  void useAccountStore.getState().load(accountId);
  void useStreamsStore.getState().load(accountId);
  void useStakeholdersStore.getState().load(accountId);
  void useGoalsStore.getState().load(accountId);
  void useAssessmentsStore.getState().load(accountId);
  void useMetricsStore.getState().load(accountId);
}

/** One account's workspace: header, then tabs for overview, streams, stakeholders, goals, metrics, assessments, decks and activity. */
export function AccountScreen({ accountId }: { accountId: string }) {
  const { account, status, error, tab, showTab } = useAccountStore();
  const streamCount = useStreamsStore((state) => state.streams.length);
  const stakeholders = useStakeholdersStore((state) => state.stakeholders);
  const goalCount = useGoalsStore((state) => state.goals.length);
  const navigate = useAppStore((state) => state.navigate);

  useEffect(() => {
    loadAccountWorkspace(accountId);
  }, [accountId]);

  // Any change saved on this account (a stream, a person, metrics, an import) feeds the header's
  // badges and the overview's facts and health: fetch the summary and insights again.
  const dataVersion = useWorkspaceChanges((state) => state.version);
  const shownVersion = useRef(dataVersion);
  useEffect(() => {
    if (shownVersion.current === dataVersion) return;
    shownVersion.current = dataVersion;
    void useAccountStore.getState().load(accountId);
    void useMetricsStore.getState().load(accountId);
  }, [dataVersion, accountId]);

  if (status === 'loading' || status === 'idle') {
    return (
      <Center h="100%">
        <Loader aria-label="Loading account" />
      </Center>
    );
  }
  if (!account || status === 'not_found' || status === 'error') {
    return (
      <Stack maw={640} gap="md">
        <Alert color={status === 'not_found' ? 'yellow' : 'red'} variant="light" title={status === 'not_found' ? 'Account not found' : "Couldn't open this account"}>
          {error}
        </Alert>
        <Button variant="default" w="fit-content" onClick={() => navigate({ name: 'portfolio' })}>
          Back to portfolio
        </Button>
      </Stack>
    );
  }

  const today = todayIsoDate();
  const quietKeyPeople = stakeholders.filter((person) => engagementStatus(person, today).flagged).length;
  const count = (n: number) => (n > 0 ? <Badge size="xs" variant="light" color="gray" radius="sm">{n}</Badge> : null);

  return (
    <Stack h="100%" gap="md" maw={1200}>
      <AccountHeader account={account} />
      <Tabs value={tab} onChange={(next) => next && showTab(next as AccountTab)} keepMounted={false} style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
        <Tabs.List aria-label="Account sections">
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          <Tabs.Tab value="streams" rightSection={count(streamCount)}>
            Revenue streams
          </Tabs.Tab>
          <Tabs.Tab
            value="stakeholders"
            rightSection={
              quietKeyPeople > 0 ? (
                <Badge size="xs" color="orange" radius="sm" aria-label={`${quietKeyPeople} not engaged in 90+ days`}>
                  {quietKeyPeople}
                </Badge>
              ) : (
                count(stakeholders.length)
              )
            }
          >
            Stakeholders
          </Tabs.Tab>
          <Tabs.Tab value="goals" rightSection={count(goalCount)}>
            Goals
          </Tabs.Tab>
          <Tabs.Tab value="metrics">Metrics</Tabs.Tab>
          <Tabs.Tab value="assessments">Assessments</Tabs.Tab>
          <Tabs.Tab value="decks">Decks</Tabs.Tab>
          <Tabs.Tab value="activity">Activity</Tabs.Tab>
        </Tabs.List>
        <Box style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} pt="md" pb="xl" pr={4}>
          <Tabs.Panel value="overview">
            <OverviewTab account={account} />
          </Tabs.Panel>
          <Tabs.Panel value="streams">
            <StreamsTab />
          </Tabs.Panel>
          <Tabs.Panel value="stakeholders">
            <StakeholdersTab />
          </Tabs.Panel>
          <Tabs.Panel value="goals">
            <GoalsTab />
          </Tabs.Panel>
          <Tabs.Panel value="metrics">
            <AccountMetricsPanel accountId={account.id} />
          </Tabs.Panel>
          <Tabs.Panel value="assessments">
            <AssessmentsTab account={account} />
          </Tabs.Panel>
          <Tabs.Panel value="decks">
            <DecksTab account={account} />
          </Tabs.Panel>
          <Tabs.Panel value="activity">
            <ActivityList accountId={account.id} />
          </Tabs.Panel>
        </Box>
      </Tabs>
      <StreamFormModal />
      <StakeholderFormModal />
      <GoalFormModal />
    </Stack>
  );
}
