import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { notifySuccess } from '../notify';
import { useStreamsStore } from '../streams/streams-store';
import { OptionalNumberInput } from '../ui/OptionalNumberInput';
import { useGoalsStore } from './goals-store';

/** Add or edit a success-plan goal; any number may stay empty (unknown). */
export function GoalFormModal() {
  const { opened, editing, values, fieldErrors, formError, submitting } = useGoalsStore((state) => state.editor);
  const streams = useStreamsStore((state) => state.streams);
  const { closeEditor, setValue, submit } = useGoalsStore.getState();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const saved = await submit();
    if (saved) notifySuccess(editing ? 'Goal saved' : 'Goal added', saved.title);
  }

  const title = editing ? 'Edit goal' : 'Add goal';
  const unit = values.unit.trim();
  return (
    <Modal opened={opened} onClose={closeEditor} title={title} size="lg" closeButtonProps={{ 'aria-label': 'Cancel' }}>
      <form onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={title}>
        <Stack gap="md">
          {formError && (
            <Alert color="red" variant="light" title="Couldn't save this goal">
              {formError}
            </Alert>
          )}
          <TextInput label="Goal" required data-autofocus maxLength={300} value={values.title} onChange={(event) => setValue('title', event.currentTarget.value)} error={fieldErrors.title} />
          <SimpleGrid cols={2} spacing="md">
            <Select
              label="Revenue stream"
              placeholder="Whole account"
              data={streams.map((stream) => ({ value: stream.id, label: stream.name }))}
              value={values.streamId || null}
              onChange={(next) => setValue('streamId', next ?? '')}
              clearable
              comboboxProps={{ withinPortal: true }}
              error={fieldErrors.streamId}
            />
            <TextInput label="Unit" placeholder="e.g. %, patients, $" maxLength={200} value={values.unit} onChange={(event) => setValue('unit', event.currentTarget.value)} error={fieldErrors.unit} />
            <OptionalNumberInput label="Baseline" description={unit ? `In ${unit}` : 'Where it started'} value={values.baseline} onChange={(text) => setValue('baseline', text)} allowNegative error={fieldErrors.baseline} />
            <OptionalNumberInput label="Target" description={unit ? `In ${unit}` : 'What success is'} value={values.target} onChange={(text) => setValue('target', text)} allowNegative error={fieldErrors.target} />
            <OptionalNumberInput label="Current" description="Latest measured value" value={values.current} onChange={(text) => setValue('current', text)} allowNegative error={fieldErrors.current} />
            <TextInput type="date" label="Due" value={values.dueDate} onChange={(event) => setValue('dueDate', event.currentTarget.value)} error={fieldErrors.dueDate} />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={closeEditor} disabled={submitting}>
              Cancel
            </Button>
            <Button type="submit" loading={submitting}>
              {editing ? 'Save goal' : 'Add goal'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
