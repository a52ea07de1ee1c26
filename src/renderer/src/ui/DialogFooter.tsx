import { Alert, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

interface DialogFooterProps {
  /** What stopped the dialog's last attempt, if anything; shown above the buttons under `errorTitle`. */
  error?: string | null;
  errorTitle?: string;
  onCancel(): void;
  /** While the action runs, Cancel cannot leave it half done. */
  cancelDisabled: boolean;
  /** The dialog's own action button(s), after Cancel. */
  children: ReactNode;
}

/** The foot of a workspace dialog: what went wrong, then Cancel and the dialog's action. */
export function DialogFooter({ error, errorTitle, onCancel, cancelDisabled, children }: DialogFooterProps) {
  return (
    <>
      {error && (
        <Alert color="red" variant="light" title={errorTitle}>
          {error}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={cancelDisabled}>
          Cancel
        </Button>
        {children}
      </Group>
    </>
  );
}
