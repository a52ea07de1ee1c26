import type { Stakeholder } from '../../../shared/api/schemas/stakeholder-schemas';
import { notifyError } from '../notify';
import { showUndoNotification } from '../ui/undo-notification';
import { useStakeholdersStore } from './stakeholders-store';

/** Removes at once and offers Undo, which re-creates the person from the record the API returned. */
export async function deleteStakeholderWithUndo(person: Stakeholder): Promise<void> {
  try {
    const removed = await useStakeholdersStore.getState().remove(person);
    showUndoNotification({
      id: `stakeholder-removed-${removed.id}`,
      title: 'Stakeholder removed',
      itemLabel: removed.personName,
      undo: () => useStakeholdersStore.getState().restore(removed),
      restoredTitle: 'Stakeholder restored',
      failedTitle: "Couldn't restore the stakeholder",
    });
  } catch (error) {
    notifyError("Couldn't remove the stakeholder", error);
  }
}
