import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { notifyError, notifySuccess } from '../notify';

const UNDO_WINDOW_MS = 10_000;

interface UndoNotice {
  /** Unique per removed item, so two removals show two toasts. */
  id: string;
  /** e.g. "Stakeholder removed". */
  title: string;
  /** The item's name, shown in the toast. */
  itemLabel: string;
  /** Brings the item back. */
  undo(): Promise<unknown>;
  /** e.g. "Stakeholder restored". */
  restoredTitle: string;
  /** e.g. "Couldn't restore the stakeholder". */
  failedTitle: string;
}

/** A toast after a removal that offers Undo for ten seconds. */
export function showUndoNotification(notice: UndoNotice): void {
  notifications.show({
    id: notice.id,
    title: notice.title,
    autoClose: UNDO_WINDOW_MS,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" truncate title={notice.itemLabel}>
          {notice.itemLabel}
        </Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            notifications.hide(notice.id);
            notice
              .undo()
              .then(() => notifySuccess(notice.restoredTitle, notice.itemLabel))
              .catch((error: unknown) => notifyError(notice.failedTitle, error));
          }}
        >
          Undo
        </Button>
      </Group>
    ),
  });
}
