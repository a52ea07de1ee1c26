import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useAppStore } from './app-store';

/** Asks before leaving a screen with unsaved edits: save them, drop them, or stay. */
export function UnsavedChangesModal() {
  const pending = useAppStore((state) => state.pendingScreen);
  const guard = useAppStore((state) => state.leaveGuard);
  const resolve = useAppStore((state) => state.resolvePendingNavigation);
  const [saving, setSaving] = useState(false);
  const sections = pending && guard ? guard.unsavedSections() : [];

  async function save() {
    setSaving(true);
    await resolve('save');
    setSaving(false);
  }

  return (
    <Modal opened={pending !== null} onClose={() => void resolve('stay')} title="Save your changes?" size="md">
      <Stack gap="md">
        <Text size="sm" data-testid="unsaved-sections">
          You changed {sections.length === 1 ? `the ${sections[0]} section` : `these sections: ${sections.join(', ')}`} without saving. Save before you
          leave, or leave without saving and lose the changes.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => void resolve('stay')} disabled={saving}>
            Keep editing
          </Button>
          <Button variant="light" color="red" onClick={() => void resolve('discard')} disabled={saving}>
            Leave without saving
          </Button>
          <Button onClick={() => void save()} loading={saving} data-autofocus>
            Save and leave
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
