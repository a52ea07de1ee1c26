import { create } from 'zustand';
import type { Stakeholder, StakeholderInput } from '../../../shared/api/schemas/stakeholder-schemas';
import type { ArchetypeKey } from '../../../shared/framework/keys';
import { accountRecordsStore, type AccountRecordsState } from '../api/account-records-store';
import { api } from '../api/client';
import { mapApiErrorToFields, type FieldErrors } from '../api/field-errors';

export interface StakeholderFormValues {
  personName: string;
  title: string;
  email: string;
  archetype: ArchetypeKey | '';
  successDefinition: string;
  communicationPreference: string;
  lastEngagedOn: string;
  isExecutiveSponsor: boolean;
  isBudgetHolder: boolean;
}
export type StakeholderFormField = keyof StakeholderFormValues;

const FIELDS: readonly StakeholderFormField[] = [
  'personName',
  'title',
  'email',
  'archetype',
  'successDefinition',
  'communicationPreference',
  'lastEngagedOn',
  'isExecutiveSponsor',
  'isBudgetHolder',
];

const EMPTY_VALUES: StakeholderFormValues = {
  personName: '',
  title: '',
  email: '',
  archetype: '',
  successDefinition: '',
  communicationPreference: '',
  lastEngagedOn: '',
  isExecutiveSponsor: false,
  isBudgetHolder: false,
};

interface StakeholdersState extends AccountRecordsState<'stakeholders', Stakeholder, StakeholderFormValues, FieldErrors<StakeholderFormField>> {
  openEdit(person: Stakeholder): void;
  setValue<F extends StakeholderFormField>(field: F, value: StakeholderFormValues[F]): void;
  submit(): Promise<Stakeholder | null>;
  /** Deletes a person; returns the removed record so Undo can re-create it. */
  remove(person: Stakeholder): Promise<Stakeholder>;
  /** Re-creates a removed person (with a new id). */
  restore(person: Stakeholder): Promise<Stakeholder>;
}

/** An account's stakeholder map and its add/edit form. */
export const useStakeholdersStore = create<StakeholdersState>()((set, get) => {
  const records = accountRecordsStore(set, get, { listKey: 'stakeholders', list: (accountId) => api.call('stakeholders.list', { accountId }), emptyValues: EMPTY_VALUES });
  return {
    ...records.base,
    setValue: records.setValue,

    openEdit(person) {
      records.openEdit(person, {
        personName: person.personName,
        title: person.title,
        email: person.email,
        archetype: person.archetype,
        successDefinition: person.successDefinition,
        communicationPreference: person.communicationPreference,
        lastEngagedOn: person.lastEngagedOn ?? '',
        isExecutiveSponsor: person.isExecutiveSponsor,
        isBudgetHolder: person.isBudgetHolder,
      });
    },

    async submit() {
      const { editor, accountId } = get();
      if (editor.submitting || !accountId) return null;
      const { values, editing } = editor;
      const clientErrors: FieldErrors<StakeholderFormField> = {};
      if (!values.personName.trim()) clientErrors.personName = "Enter the person's name";
      if (!values.archetype) clientErrors.archetype = 'Choose the role this person plays in the framework';
      if (Object.keys(clientErrors).length > 0) {
        set({ editor: { ...editor, fieldErrors: clientErrors, formError: null } });
        return null;
      }
      const input = { ...values, archetype: values.archetype as ArchetypeKey, lastEngagedOn: values.lastEngagedOn || null };
      return records.save(
        accountId,
        () => (editing ? api.call('stakeholders.update', { id: editing.id, patch: input, expectedUpdatedAt: editing.updatedAt }) : api.call('stakeholders.create', { accountId, ...input })),
        (error) => mapApiErrorToFields(error, FIELDS),
      );
    },

    remove(person) {
      return records.thenReload(person.accountId, api.call('stakeholders.delete', { id: person.id, expectedUpdatedAt: person.updatedAt }));
    },

    restore(person) {
      const input: StakeholderInput = {
        accountId: person.accountId,
        archetype: person.archetype,
        personName: person.personName,
        title: person.title,
        email: person.email,
        communicationPreference: person.communicationPreference,
        successDefinition: person.successDefinition,
        lastEngagedOn: person.lastEngagedOn,
        isExecutiveSponsor: person.isExecutiveSponsor,
        isBudgetHolder: person.isBudgetHolder,
      };
      return records.thenReload(person.accountId, api.call('stakeholders.create', input));
    },
  };
});
