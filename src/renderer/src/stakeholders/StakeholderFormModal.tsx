import { SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useAccountStore } from '../account/account-store';
import { useAssessmentsStore } from '../assessments/assessments-store';
import { useStreamsStore } from '../streams/streams-store';
import { suggestedRoles } from './suggested-roles';
import { notifySuccess } from '../notify';
import { FormModal } from '../ui/FormModal';
import { ArchetypeSelect } from './ArchetypeSelect';
import { useStakeholdersStore } from './stakeholders-store';

/** Add or edit a person on the stakeholder map. */
export function StakeholderFormModal() {
  const { opened, editing, values, fieldErrors, formError, submitting } = useStakeholdersStore((state) => state.editor);
  const { closeEditor, setValue, submit } = useStakeholdersStore.getState();
  const savedAssessment = useAssessmentsStore((state) => state.latestFinal?.result?.assessment ?? null);
  const account = useAccountStore((state) => state.account);
  const streams = useStreamsStore((state) => state.streams);
  const suggested = useMemo(() => suggestedRoles(savedAssessment, account, streams), [savedAssessment, account, streams]);

  async function handleSubmit() {
    const saved = await submit();
    if (saved) notifySuccess(editing ? 'Stakeholder saved' : 'Stakeholder added', saved.personName);
  }

  const title = editing ? 'Edit stakeholder' : 'Add stakeholder';
  return (
    <FormModal
      opened={opened}
      title={title}
      size="lg"
      onClose={closeEditor}
      onSubmit={handleSubmit}
      formError={formError}
      formErrorTitle="Couldn't save this person"
      submitting={submitting}
      submitLabel={editing ? 'Save changes' : 'Add stakeholder'}
    >
      <SimpleGrid cols={2} spacing="md">
        <TextInput label="Name" required data-autofocus maxLength={200} value={values.personName} onChange={(event) => setValue('personName', event.currentTarget.value)} error={fieldErrors.personName} />
        <TextInput label="Job title" maxLength={200} value={values.title} onChange={(event) => setValue('title', event.currentTarget.value)} error={fieldErrors.title} />
      </SimpleGrid>
      <ArchetypeSelect value={values.archetype} onChange={(next) => setValue('archetype', next)} suggested={suggested} error={fieldErrors.archetype} />
      <Textarea
        label="Their definition of success"
        description="In their own words: what would make this program a win for them?"
        autosize
        minRows={2}
        maxRows={6}
        maxLength={20_000}
        value={values.successDefinition}
        onChange={(event) => setValue('successDefinition', event.currentTarget.value)}
        error={fieldErrors.successDefinition}
      />
      <SimpleGrid cols={2} spacing="md">
        <TextInput
          label="Communication preference"
          placeholder="e.g. One page with numbers, monthly call"
          maxLength={200}
          value={values.communicationPreference}
          onChange={(event) => setValue('communicationPreference', event.currentTarget.value)}
          error={fieldErrors.communicationPreference}
        />
        <TextInput type="email" label="Email" maxLength={254} value={values.email} onChange={(event) => setValue('email', event.currentTarget.value)} error={fieldErrors.email} />
        <TextInput
          type="date"
          label="Last engaged"
          description="Leave empty if you haven't engaged them yet"
          value={values.lastEngagedOn}
          onChange={(event) => setValue('lastEngagedOn', event.currentTarget.value)}
          error={fieldErrors.lastEngagedOn}
        />
        <Stack gap="sm" justify="center">
          <Switch label="Executive sponsor" checked={values.isExecutiveSponsor} onChange={(event) => setValue('isExecutiveSponsor', event.currentTarget.checked)} />
          <Switch label="Budget holder" checked={values.isBudgetHolder} onChange={(event) => setValue('isBudgetHolder', event.currentTarget.checked)} />
        </Stack>
      </SimpleGrid>
    </FormModal>
  );
}
