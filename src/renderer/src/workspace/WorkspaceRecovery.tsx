import { Alert, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { describeBackup } from './backup-labels';
import { confirmRestoreBackup } from './confirm-restore-backup';
import { PathPromptModal } from './PathPromptModal';
import { RecentWorkspacesSection } from './RecentWorkspacesSection';
import { useWorkspaceStore } from './workspace-store';

/**
 * Shown at start-up instead of the app when the workspace could not be opened (damaged, from a
 * newer app, not a workspace): what went wrong, restoring the newest good backup where there is
 * one, or opening or creating another workspace. The file itself has not been touched.
 */
export function WorkspaceRecovery() {
  const status = useWorkspaceStore((state) => state.status);
  const loadError = useWorkspaceStore((state) => state.loadError);
  const current = useWorkspaceStore((state) => state.current);
  const busy = useWorkspaceStore((state) => state.busy);
  const start = useWorkspaceStore((state) => state.start);

  useEffect(() => {
    void useWorkspaceStore.getState().load();
  }, []);

  const backup = current?.newestGoodBackup ?? null;
  const isDamaged = current?.problem?.code === 'workspace_corrupt' || current?.problem?.code === 'migration_failed';

  return (
    <Center mih="100%" p="xl" bg="var(--mantine-color-gray-0)">
      <Stack maw={760} w="100%" gap="lg">
        <Paper withBorder shadow="sm" p="xl" component="section" aria-labelledby="workspace-recovery-title" data-testid="workspace-recovery">
          <Stack gap="md">
            <Title order={1} size="h2" id="workspace-recovery-title">
              {isDamaged ? 'This workspace is damaged' : "This workspace can't be opened"}
            </Title>
            {status !== 'ready' && status !== 'error' && <Loader size="sm" aria-label="Checking the workspace" />}
            {status === 'error' && (
              <Alert color="red" variant="light" title="Couldn't ask the backend what went wrong">
                {loadError}
              </Alert>
            )}
            {current?.path && (
              <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="recovery-path">
                {current.path}
              </Text>
            )}
            {current?.problem && (
              <Alert color="red" variant="light" title="What went wrong" data-testid="recovery-problem">
                {current.problem.message}
              </Alert>
            )}
            <Text size="sm">What you can do now:</Text>

            {backup ? (
              <Paper withBorder p="md" bg="var(--mantine-color-body)">
                <Stack gap="xs">
                  <Text size="sm" fw={600}>
                    Restore the newest good backup
                  </Text>
                  <Text size="sm" c="dimmed" data-testid="newest-good-backup">
                    {describeBackup(backup)}. It passed its integrity check. The damaged file is kept aside in the backups folder.
                  </Text>
                  <Button
                    w="fit-content"
                    onClick={() => confirmRestoreBackup(backup, { currentIsDamaged: true })}
                    loading={busy === 'restore'}
                    disabled={busy !== null && busy !== 'restore'}
                  >
                    Restore newest good backup
                  </Button>
                </Stack>
              </Paper>
            ) : (
              isDamaged && (
                <Text size="sm" c="dimmed">
                  No good backup of this workspace was found beside it, so it cannot be restored here.
                </Text>
              )
            )}

            <Group gap="sm">
              <Button variant={backup ? 'default' : 'filled'} onClick={() => void start('open')} loading={busy === 'open'} disabled={busy !== null && busy !== 'open'}>
                Open another workspace…
              </Button>
              <Button variant="default" onClick={() => void start('create')} loading={busy === 'create'} disabled={busy !== null && busy !== 'create'}>
                New workspace…
              </Button>
            </Group>
          </Stack>
        </Paper>
        {status === 'ready' && <RecentWorkspacesSection />}
      </Stack>
      <PathPromptModal />
    </Center>
  );
}
