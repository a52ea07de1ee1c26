import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { formatTimestamp } from '../format';
import { SectionCard } from '../ui/SectionCard';
import { fileNameOf } from './file-path';
import { useWorkspaceStore } from './workspace-store';

/** Workspace files opened before, newest first, each with Open and (except the open one) Remove from the list. */
export function RecentWorkspacesSection() {
  const recent = useWorkspaceStore((state) => state.recent);
  const busy = useWorkspaceStore((state) => state.busy);
  const canSwitch = useWorkspaceStore((state) => state.current?.canSwitch ?? false);
  const currentIsOpen = useWorkspaceStore((state) => state.current?.isOpen ?? false);
  const openRecent = useWorkspaceStore((state) => state.openRecent);
  const forgetRecent = useWorkspaceStore((state) => state.forgetRecent);

  return (
    <SectionCard title="Recent workspaces" description="Workspace files opened on this computer, most recent first." testId="recent-workspaces">
      {recent.length === 0 ? (
        <Text size="sm" c="dimmed">
          No workspaces opened yet.
        </Text>
      ) : (
        <Table verticalSpacing="xs" aria-label="Recent workspaces">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th w={140}>Last opened</Table.Th>
              <Table.Th w={180}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {recent.map((entry) => {
              const name = fileNameOf(entry.path);
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
                          <Button size="xs" variant="default" aria-label={`Open ${name}`} onClick={() => void openRecent(entry.path)} disabled={!canSwitch || busy !== null}>
                            Open
                          </Button>
                        )}
                        <Button
                          size="xs"
                          variant="subtle"
                          color="gray"
                          aria-label={`Remove ${name} from the list`}
                          title="Removes the entry only; the file is not touched"
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
