import { Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { BackupEntryDto } from '../../../shared/api/schemas/workspace-schemas';
import { describeBackup } from './backup-labels';
import { useWorkspaceStore } from './workspace-store';

/**
 * Restoring replaces the open workspace with a backup, so it is confirmed first; the confirmation
 * says that the current file is not deleted but kept aside in the backups folder.
 */
export function confirmRestoreBackup(backup: BackupEntryDto, options: { currentIsDamaged?: boolean } = {}): void {
  modals.openConfirmModal({
    title: 'Restore this backup?',
    children: (
      <Stack gap="xs" data-testid="restore-consequence">
        <Text size="sm">
          The workspace will be replaced by the backup from{' '}
          <Text span fw={600} inherit>
            {describeBackup(backup)}
          </Text>
          . Changes made since then will no longer be in the workspace.
        </Text>
        <Text size="sm">
          {options.currentIsDamaged ? 'The damaged file' : 'The current file'} is not deleted: it is kept aside in the backups folder,
          listed as "Kept aside before a restore", so you can go back to it.
        </Text>
      </Stack>
    ),
    labels: { confirm: 'Restore backup', cancel: 'Cancel' },
    confirmProps: { color: 'orange' },
    onConfirm: () => void useWorkspaceStore.getState().restore(backup),
  });
}
