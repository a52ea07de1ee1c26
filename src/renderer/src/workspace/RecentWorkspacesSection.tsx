import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { formatTimestamp } from '../format';
import { SectionCard } from '../ui/SectionCard';
import { isTeamWorkspaceLocation } from '../../../shared/api/schemas/team-workspace-schemas';
import { useTeamConnectStore } from './team-connect-store';
import { workspaceNameOf } from './team-location';
import { useWorkspaceStore } from './workspace-store';

/**
 * Workspaces opened before, newest first, each with Open and (except the open one) Remove from the
 * list. A team workspace is listed by its address without the password; Open uses the password
 * kept on this computer, or asks for it.
 */
export function RecentWorkspacesSection() {
  const recent = useWorkspaceStore((state) => state.recent);
  const busy = useWorkspaceStore((state) => state.busy);
  const canSwitch = useWorkspaceStore((state) => state.current?.canSwitch ?? false);
  const currentIsOpen = useWorkspaceStore((state) => state.current?.isOpen ?? false);
  const openRecent = useWorkspaceStore((state) => state.openRecent);
  const forgetRecent = useWorkspaceStore((state) => state.forgetRecent);

  return (
    <SectionCard title="Recent workspaces" description="Workspace files and team workspaces opened on this computer, most recent first." testId="recent-workspaces">
      {recent.length === 0 ? (
        <Text size="sm" c="dimmed">
          No workspaces opened yet.
        </Text>
      ) : (
        <Table verticalSpacing="xs" aria-label="Recent workspaces">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Workspace</Table.Th>
              <Table.Th w={140}>Last opened</Table.Th>
              <Table.Th w={180}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {recent.map((entry) => {
              const name = workspaceNameOf(entry.path);
              const isTeam = isTeamWorkspaceLocation(entry.path);
              const open = () => void (isTeam ? useTeamConnectStore.getState().reopen(entry.path) : openRecent(entry.path));
              return (
                <Table.Tr key={entry.path} data-path={entry.path}>
                  <Table.Td>
                    <Stack gap={0}>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm" fw={600}>
                          {name}
                        </Text>
                        {entry.isCurrent && (
                          <Badge size="xs" variant="light" color={currentIsOpen ? 'teal' : 'red'}>
                            {currentIsOpen ? 'Open now' : "Couldn't open"}
                          </Badge>
                        )}
                        {isTeam && (
                          <Badge size="xs" variant="light" color="indigo">
                            Team
                          </Badge>
                        )}
                        {entry.passwordKept && (
                          <Badge size="xs" variant="light" color="gray">
                            Password saved
                          </Badge>
                        )}
                        {!entry.exists && (
                          <Badge size="xs" variant="light" color="gray">
                            File missing
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                        {entry.path}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatTimestamp(entry.openedAt)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {!entry.isCurrent && (
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        {entry.exists && (
                          <Button size="xs" variant="default" aria-label={`Open ${name}`} onClick={open} disabled={!canSwitch || busy !== null}>
                            Open
                          </Button>
                        )}
                        <Button
                          size="xs"
                          variant="subtle"
                          color="gray"
                          aria-label={`Remove ${name} from the list`}
                          title={isTeam ? 'Removes the entry and its saved password; the team workspace is not touched' : 'Removes the entry only; the file is not touched'}
                          onClick={() => void forgetRecent(entry.path)}
                          disabled={busy !== null}
                        >
                          Remove
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}
