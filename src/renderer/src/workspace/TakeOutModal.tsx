import { Button, Modal, MultiSelect, Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { DialogFooter } from '../ui/DialogFooter';
import { FilePathInput } from './FilePathInput';
import { useOfflineStore } from './offline-store';

/** Take accounts offline: choose accounts and the new file's path. */
export function TakeOutModal() {
  const { opened, accountIds, path, pathError, formError, busy, accounts } = useOfflineStore((state) => state.takeOut);
  const { closeTakeOut, setTakeOut, takeOutNow } = useOfflineStore.getState();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    void takeOutNow();
  }

  return (
    <Modal opened={opened} onClose={closeTakeOut} title="Take accounts offline" size="lg" centered>
      <form onSubmit={handleSubmit} noValidate aria-label="Take accounts offline">
        <Stack gap="md">
          <MultiSelect
            label="Accounts"
            description="Each with every stream, stakeholder, assessment, goal, metric value, deck record, commitment and draft."
            placeholder={accountIds.length ? undefined : 'Choose accounts'}
            data={accounts}
            value={accountIds}
            onChange={(ids) => setTakeOut({ accountIds: ids })}
            searchable
            clearable
            nothingFoundMessage="No account by that name"
            data-autofocus
            comboboxProps={{ withinPortal: true }}
          />
          <FilePathInput
            label="New laptop file"
            description="The full path of a new workspace file; an existing file is never replaced."
            placeholder="/Users/you/Documents/laptop.qbr"
            value={path}
            onChange={(value) => setTakeOut({ path: value })}
            error={pathError}
          />
          <DialogFooter error={formError} errorTitle="Nothing was taken out" onCancel={closeTakeOut} cancelDisabled={busy}>
            <Button type="submit" loading={busy} disabled={accountIds.length === 0}>
              Take out {accountIds.length > 0 ? `${accountIds.length} account${accountIds.length === 1 ? '' : 's'}` : ''}
            </Button>
          </DialogFooter>
        </Stack>
      </form>
    </Modal>
  );
}
