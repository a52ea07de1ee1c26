import { Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { api } from '../api/client';
import { notifyError, notifySuccess } from '../notify';
import { usePortfolioStore } from '../portfolio/portfolio-store';

const UNDO_WINDOW_MS = 10_000;

/**
 * Asks before deleting, then offers Undo for a while. Deleting only moves the account to the trash,
 * so Undo (`accounts.restore`) brings it back with everything it had.
 */
export function confirmDeleteAccount(account: { id: string; name: string }, onDeleted: () => void): void {
  modals.openConfirmModal({
    title: 'Delete this account?',
    children: (
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        <Text span fw={600} inherit>
          {account.name}
        </Text>{' '}
        will be removed from your portfolio, with its stakeholders, metrics and assessments. You can undo this right after.
      </Text>
    ),
    labels: { confirm: 'Delete account', cancel: 'Cancel' },
    confirmProps: { color: 'red' },
    onConfirm: () => void deleteWithUndo(account, onDeleted),
  });
}

async function deleteWithUndo(account: { id: string; name: string }, onDeleted: () => void): Promise<void> {
  try {
    await api.call('accounts.delete', { id: account.id });
  } catch (error) {
    notifyError("Couldn't delete the account", error);
    return;
  }
  onDeleted();
  void usePortfolioStore.getState().reload();

  const notificationId = `deleted-${account.id}`;
  notifications.show({
    id: notificationId,
    title: 'Account deleted',
    autoClose: UNDO_WINDOW_MS,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" truncate title={account.name}>
          {account.name}
        </Text>
        <Button size="compact-sm" variant="light" onClick={() => void undoDelete(account, notificationId)}>
          Undo
        </Button>
      </Group>
    ),
  });
}

async function undoDelete(account: { id: string; name: string }, notificationId: string): Promise<void> {
  notifications.hide(notificationId);
  try {
    await api.call('accounts.restore', { id: account.id });
    notifySuccess('Account restored', account.name);
    void usePortfolioStore.getState().reload();
  } catch (error) {
    notifyError("Couldn't restore the account", error);
  }
}
