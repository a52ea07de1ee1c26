import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useAppStore } from '../app/app-store';
import { SectionCard } from '../ui/SectionCard';
import { siblingPath } from './file-path';
import { useOfflineStore } from './offline-store';
import { useWorkspaceStore } from './workspace-store';

/** Offline laptops: take accounts out of this workspace into a file, or bring a taken-out file's changes back. */
export function OfflineSection() {
  const current = useWorkspaceStore((state) => state.current);
  const busy = useWorkspaceStore((state) => state.busy);
  const filesFolder = useAppStore((state) => state.info?.filesFolder ?? null);
  const origin = useOfflineStore((state) => state.origin);
  const isOpen = current?.isOpen ?? false;

  useEffect(() => {
    if (isOpen) void useOfflineStore.getState().loadOrigin();
  }, [isOpen, current?.path]);

  // Beside a workspace file; for a team workspace, in the folder files go to (the harness's --allow-dir).
  const here = current?.path ?? '';
  const defaultPath = /^(\/|[A-Za-z]:[\\/])/.test(here) ? siblingPath(here, 'laptop.qbr') : filesFolder ? siblingPath(`${filesFolder}/x`, 'laptop.qbr') : '';

  return (
    <SectionCard
      title="Offline laptops"
      description="Take some accounts out into a file of their own to work without a network, and bring the changes back afterwards, conflicts settled row by row."
      testId="workspace-offline"
    >
      {origin && (
        <Alert color="blue" variant="light" title="This workspace was taken out of another one" data-testid="take-out-origin">
          <Text size="sm">
            Taken out of{' '}
            <Text span ff="monospace" inherit style={{ overflowWrap: 'anywhere' }}>
              {origin.source}
            </Text>{' '}
            by {origin.takenBy} on {origin.takenAt.slice(0, 16).replace('T', ' ')} UTC ({origin.accountIds.length} account{origin.accountIds.length === 1 ? '' : 's'}).{' '}
            {origin.broughtBackAt
              ? `Its changes were brought back on ${origin.broughtBackAt.slice(0, 16).replace('T', ' ')} UTC.`
              : 'To bring your changes back, open that workspace and choose "Bring back a laptop file".'}
          </Text>
        </Alert>
      )}
      <Group gap="sm">
        <Button variant="default" onClick={() => void useOfflineStore.getState().openTakeOut(defaultPath)} disabled={!isOpen || busy !== null}>
          Take accounts offline…
        </Button>
        <Button variant="default" onClick={() => useOfflineStore.getState().openBringBack()} disabled={!isOpen || busy !== null}>
          Bring back a laptop file…
        </Button>
      </Group>
    </SectionCard>
  );
}
