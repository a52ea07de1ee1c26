import { Alert, Button, Group, Modal, Stack, type ModalProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

interface FormModalProps {
  opened: boolean;
  /** Heads the dialog and names its form for assistive technology. */
  title: string;
  size: ModalProps['size'];
  /** Closing by Esc, the close button or Cancel. */
  onClose(): void;
  /** Runs on Enter or the submit button; the browser's own submit is already prevented. */
  onSubmit(): Promise<unknown>;
  /** A problem no field could show; shown above the fields under `formErrorTitle`. */
  formError: string | null;
  formErrorTitle: string;
  submitting: boolean;
  submitLabel: string;
  children: ReactNode;
}

/** A dialog around an add/edit form: an alert for a form-level error, the fields, then Cancel and submit. */
export function FormModal({ opened, title, size, onClose, onSubmit, formError, formErrorTitle, submitting, submitLabel, children }: FormModalProps) {
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    void onSubmit();
  }

  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} closeButtonProps={{ 'aria-label': 'Cancel' }}>
      <form onSubmit={handleSubmit} noValidate aria-label={title}>
        <Stack gap="md">
          {formError && (
            <Alert color="red" variant="light" title={formErrorTitle}>
              {formError}
            </Alert>
          )}
          {children}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={submitting}>
              Cancel
            </Button>
            <Button type="submit" loading={submitting}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
