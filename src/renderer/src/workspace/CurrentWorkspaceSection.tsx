import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import { isTeamWorkspaceLocation } from '../../../shared/api/schemas/team-workspace-schemas';
import { SectionCard } from '../ui/SectionCard';
import { useTeamConnectStore } from './team-connect-store';
import { useWorkspaceStore } from './workspace-store';

const SYNC_TITLES = {
  'cloud-sync': 'This file is in a cloud-sync folder',
  network: 'This file is on a network share',
} as const;

/** Which file this window works in, a warning when its folder is unsafe for SQLite, and switching files. */
export function CurrentWorkspaceSection() {
  const current = useWorkspaceStore((state) => state.current);
  const busy = useWorkspaceStore((state) => state.busy);
  const start = useWorkspaceStore((state) => state.start);
  if (!current) return null;
  const canSwitch = current.canSwitch;
  const isTeam = current.path !== null && isTeamWorkspaceLocation(current.path);

  return (
    <SectionCard
      title="Current workspace"
      description="Each client engagement can have its own workspace file, or a team shares one on a server; everything you do is saved in the one open now."
      testId="current-workspace"
      actions={
        <Group gap="sm" justify="flex-end" style={{ flexShrink: 0, maxWidth: '60%' }}>
          <Button variant="default" onClick={() => void start('open')} loading={busy === 'open'} disabled={!canSwitch || (busy !== null && busy !== 'open')}>
            Open another workspace…
          </Button>
          <Button variant="default" onClick={() => void start('create')} loading={busy === 'create'} disabled={!canSwitch || (busy !== null && busy !== 'create')}>
            New workspace…
          </Button>
          <Button variant="default" onClick={() => useTeamConnectStore.getState().open()} disabled={!canSwitch || busy !== null}>
            Connect to a team workspace…
          </Button>
        </Group>
      }
    >
      <Group gap="xs" wrap="nowrap" align="baseline">
        {isTeam && (
          <Badge size="sm" variant="light" color="indigo" style={{ flexShrink: 0 }}>
            Team workspace
          </Badge>
        )}
        <Text ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="current-workspace-path">
          {current.path ?? 'No workspace is open'}
        </Text>
      </Group>
      {current.syncWarning && (
        <Alert color="yellow" variant="light" title={SYNC_TITLES[current.syncWarning.kind]} data-testid="sync-folder-warning">
          {current.syncWarning.message}
        </Alert>
      )}
      {!canSwitch && (
        <Text size="sm" c="dimmed">
          This session serves one workspace file, so it cannot switch to another.
        </Text>
      )}
    </SectionCard>
  );
}
