import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { RevenueStream } from '../../../shared/api/schemas/stream-schemas';
import { countOf } from '../format';
import { notifyError, notifySuccess } from '../notify';
import { useStreamsStore } from './streams-store';

/**
 * Deleting a stream also deletes its monthly metric values and cannot be undone, so the
 * confirmation counts them first and says so.
 */
export async function confirmDeleteStream(stream: RevenueStream): Promise<void> {
  const count = await useStreamsStore.getState().countMonthlyValues(stream.id);
  const consequence =
    count === null
      ? 'Any monthly metric values recorded against it will be removed too.'
      : count === 0
        ? 'No monthly metric values are recorded against it.'
        : `${countOf(count, 'monthly metric value')} recorded against it will be removed too.`;
  modals.openConfirmModal({
    title: 'Delete this revenue stream?',
    children: (
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="delete-stream-consequence">
        <Text span fw={600} inherit>
          {stream.name}
        </Text>{' '}
        will be removed from this account. {consequence} This can't be undone.
      </Text>
    ),
    labels: { confirm: 'Delete stream', cancel: 'Cancel' },
    confirmProps: { color: 'red' },
    onConfirm: () => void remove(stream),
  });
}

async function remove(stream: RevenueStream): Promise<void> {
  try {
    const removed = await useStreamsStore.getState().remove(stream);
    notifySuccess('Revenue stream deleted', removed > 0 ? `${stream.name} and ${countOf(removed, 'monthly value')}` : stream.name);
  } catch (error) {
    notifyError("Couldn't delete the revenue stream", error);
  }
}
