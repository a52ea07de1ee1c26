import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { isTeamWorkspaceLocation } from '../../../shared/api/schemas/team-workspace-schemas';
import { SectionCard } from '../ui/SectionCard';
import { BACKUP_REASON_LABELS, formatBackupTime, formatFileSize } from './backup-labels';
import { confirmRestoreBackup } from './confirm-restore-backup';
import { useWorkspaceStore } from './workspace-store';

/** Backups of the open workspace: make one now, or restore one (confirmed). */
export function BackupsSection() {
  const backups = useWorkspaceStore((state) => state.backups);
  const busy = useWorkspaceStore((state) => state.busy);
  const isOpen = useWorkspaceStore((state) => state.current?.isOpen ?? false);
  const backupNow = useWorkspaceStore((state) => state.backupNow);
  const path = useWorkspaceStore((state) => state.current?.path ?? null);

  if (path !== null && isTeamWorkspaceLocation(path)) {
    return (
      <SectionCard title="Backups" description="A team workspace lives on its server, not in a file beside you." testId="backups">
        <Text size="sm">
          The team server keeps the backups (pg_dump, point-in-time recovery), so the app makes none of a team workspace. To keep a copy of your own, use
          Export to JSON below.
        </Text>
      </SectionCard>
    );
  }

  return (
    <SectionCard
      title="Backups"
      description="Copies of this workspace in a backups folder beside it, made when you ask and automatically before upgrades and imports."
      testId="backups"
      actions={
        <Button onClick={() => void backupNow()} loading={busy === 'backup'} disabled={!isOpen || (busy !== null && busy !== 'backup')} style={{ flexShrink: 0 }}>
          Back up now
        </Button>
      }
    >
      {backups.length === 0 ? (
        <Text size="sm" c="dimmed">
          No backups of this workspace yet.
        </Text>
      ) : (
        <Table verticalSpacing="xs" aria-label="Backups" data-testid="backups-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Made</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th ta="right">Size</Table.Th>
              <Table.Th w={120}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.map((backup) => {
              const made = formatBackupTime(backup.createdAt);
              return (
                <Table.Tr key={backup.path} data-reason={backup.reason}>
                  <Table.Td>
                    <Text size="sm" title={backup.fileName}>
                      {made}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{BACKUP_REASON_LABELS[backup.reason]}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatFileSize(backup.sizeBytes)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button size="xs" variant="default" aria-label={`Restore the backup from ${made}`} disabled={busy !== null} onClick={() => confirmRestoreBackup(backup)}>
                      Restore…
                    </Button>
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
