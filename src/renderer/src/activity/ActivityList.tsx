import { Alert, Button, Center, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useWorkspaceChanges } from '../api/workspace-changes';
import { EmptyState } from '../ui/EmptyState';
import { activityFields, activityRow, activityTime, activityVerb } from './activity-labels';
import { useActivityStore } from './activity-store';

/**
 * Who changed what and when (the audit log), newest first: of one account, or with no account of
 * the whole workspace (then with an Account column). A plain table and buttons, so it reads and
 * pages from the keyboard and with a screen reader.
 */
export function ActivityList({ accountId }: { accountId: string | null }) {
  const { entries, hasMore, status, error, load, loadMore } = useActivityStore();
  const dataVersion = useWorkspaceChanges((state) => state.version);
  useEffect(() => {
    void load(accountId);
  }, [accountId, dataVersion, load]);

  if (status === 'loading' || status === 'idle') {
    return (
      <Center py="xl">
        <Loader aria-label="Loading activity" />
      </Center>
    );
  }
  if (status === 'error') {
    return (
      <Alert color="red" variant="light" title="Couldn't read the activity">
        {error}
      </Alert>
    );
  }
  if (entries.length === 0) {
    return (
      <EmptyState title="No changes recorded yet" testId="activity-empty" compact={accountId !== null}>
        Every change saved from now on — by you or a colleague — is listed here: who, when, what and which fields.
      </EmptyState>
    );
  }
  const wholeWorkspace = accountId === null;
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="activity-table" aria-label={wholeWorkspace ? 'Workspace activity' : 'Account activity'}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Who</Table.Th>
              <Table.Th scope="col">What</Table.Th>
              {wholeWorkspace && <Table.Th scope="col">Account</Table.Th>}
              <Table.Th scope="col">Fields</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{activityTime(entry.at)}</Table.Td>
                <Table.Td>{entry.actor}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {activityVerb(entry.method)} · {activityRow(entry)}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({entry.method})
                  </Text>
                </Table.Td>
                {wholeWorkspace && <Table.Td style={{ overflowWrap: 'anywhere' }}>{entry.accountName ?? '—'}</Table.Td>}
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{activityFields(entry.fields) || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {(hasMore || error) && (
        <Group>
          {hasMore && (
            <Button variant="default" onClick={() => void loadMore()}>
              Show older changes
            </Button>
          )}
          {error && (
            <Text size="sm" c="red">
              {error}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
