import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { BackupsSection } from './BackupsSection';
import { BringBackModal } from './BringBackModal';
import { CurrentWorkspaceSection } from './CurrentWorkspaceSection';
import { ImportWorkspaceModal } from './ImportWorkspaceModal';
import { OfflineSection } from './OfflineSection';
import { PathPromptModal } from './PathPromptModal';
import { TeamConnectModal } from './TeamConnectModal';
import { RecentWorkspacesSection } from './RecentWorkspacesSection';
import { TakeOutModal } from './TakeOutModal';
import { TransferSection } from './TransferSection';
import { useWorkspaceStore } from './workspace-store';
import { ScreenTitle } from '../ui/ScreenTitle';

/** The workspace: which file or team workspace is open, switching, backups, and whole-workspace export and import. */
export function WorkspaceScreen() {
  const status = useWorkspaceStore((state) => state.status);
  const loadError = useWorkspaceStore((state) => state.loadError);

  useEffect(() => {
    void useWorkspaceStore.getState().load();
  }, []);

  return (
    <Stack gap="lg" maw={920} pb="xl">
      <Stack gap={2}>
        <ScreenTitle>Workspace</ScreenTitle>
        <Text size="sm" c="dimmed">
          The file or team server your accounts are saved in, its backups, and moving it between computers.
        </Text>
      </Stack>

      {(status === 'idle' || status === 'loading') && (
        <Center h={200}>
          <Loader aria-label="Loading workspace details" />
        </Center>
      )}
      {status === 'error' && (
        <Alert color="red" variant="light" title="Couldn't load the workspace details">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{loadError}</Text>
            <Button size="xs" variant="default" onClick={() => void useWorkspaceStore.getState().load()}>
              Try again
            </Button>
          </Stack>
        </Alert>
      )}
      {status === 'ready' && (
        <>
          <CurrentWorkspaceSection />
          <RecentWorkspacesSection />
          <BackupsSection />
          <TransferSection />
          <OfflineSection />
        </>
      )}
      <PathPromptModal />
      <TeamConnectModal />
      <ImportWorkspaceModal />
      <TakeOutModal />
      <BringBackModal />
    </Stack>
  );
}
