import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { formatTimestamp } from '../format';
import { SectionCard } from '../ui/SectionCard';
import { fileNameOf } from './file-path';
import { useWorkspaceStore } from './workspace-store';

/** Workspace files opened before, newest first, each with Open. */
export function RecentWorkspacesSection() {
  const recent = useWorkspaceStore((state) => state.recent);
  const busy = useWorkspaceStore((state) => state.busy);
  const canSwitch = useWorkspaceStore((state) => state.current?.canSwitch ?? false);
  const currentIsOpen = useWorkspaceStore((state) => state.current?.isOpen ?? false);
  const openRecent = useWorkspaceStore((state) => state.openRecent);

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
              <Table.Th w={120}>
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
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Open ${name}`}
                        onClick={() => void openRecent(entry.path)}
                        disabled={!canSwitch || !entry.exists || busy !== null}
                      >
                        Open
                      </Button>
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
