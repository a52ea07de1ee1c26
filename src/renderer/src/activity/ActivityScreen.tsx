import { Stack, Text } from '@mantine/core';
import { ScreenTitle } from '../ui/ScreenTitle';
import { ActivityList } from './ActivityList';

/** The whole workspace's activity: every change saved, by whom and when, newest first. */
export function ActivityScreen() {
  return (
    <Stack gap="lg" maw={1100} pb="xl">
      <Stack gap={2}>
        <ScreenTitle>Activity</ScreenTitle>
        <Text c="dimmed" size="sm">
          Every change saved in this workspace — accounts, streams, stakeholders, goals, commitments, owners and users — with who made it.
        </Text>
      </Stack>
      <ActivityList accountId={null} />
    </Stack>
  );
}
