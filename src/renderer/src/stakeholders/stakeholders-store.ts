import { create } from 'zustand';
import type { Stakeholder, StakeholderInput } from '../../../shared/api/schemas/stakeholder-schemas';
import type { ArchetypeKey } from '../../../shared/framework/keys';
import { api } from '../api/client';
import { mapApiErrorToFields, type FieldErrors } from '../api/field-errors';
import { errorMessage } from '../notify';

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

interface StakeholderEditor {
  opened: boolean;
  editing: Stakeholder | null;
  values: StakeholderFormValues;
  fieldErrors: FieldErrors<StakeholderFormField>;
  formError: string | null;
  submitting: boolean;
}

interface StakeholdersState {
  accountId: string | null;
  stakeholders: Stakeholder[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  editor: StakeholderEditor;
  load(accountId: string): Promise<void>;
  openCreate(): void;
  openEdit(person: Stakeholder): void;
  closeEditor(): void;
  setValue<F extends StakeholderFormField>(field: F, value: StakeholderFormValues[F]): void;
  submit(): Promise<Stakeholder | null>;
  /** Deletes a person; returns the removed record so Undo can re-create it. */
  remove(person: Stakeholder): Promise<Stakeholder>;
  /** Re-creates a removed person (with a new id). */
  restore(person: Stakeholder): Promise<Stakeholder>;
}

const CLOSED_EDITOR: StakeholderEditor = { opened: false, editing: null, values: EMPTY_VALUES, fieldErrors: {}, formError: null, submitting: false };

let latestRequest = 0;

/** An account's stakeholder map and its add/edit form. */
export const useStakeholdersStore = create<StakeholdersState>()((set, get) => ({
  accountId: null,
  stakeholders: [],
  status: 'idle',
  error: null,
  editor: CLOSED_EDITOR,

  async load(accountId) {
    const request = ++latestRequest;
    const same = get().accountId === accountId;
    set({ accountId, status: same && get().status === 'ready' ? 'ready' : 'loading', error: null, ...(same ? {} : { stakeholders: [] }) });
    try {
      const stakeholders = await api.call('stakeholders.list', { accountId });
      if (request !== latestRequest) return;
      set({ stakeholders, status: 'ready' });
    } catch (error) {
      if (request !== latestRequest) return;
      set({ status: 'error', error: errorMessage(error) });
    }
  },

  openCreate() {
    set({ editor: { ...CLOSED_EDITOR, opened: true } });
  },

  openEdit(person) {
    set({
      editor: {
        ...CLOSED_EDITOR,
        opened: true,
        editing: person,
        values: {
          personName: person.personName,
          title: person.title,
          email: person.email,
          archetype: person.archetype,
          successDefinition: person.successDefinition,
          communicationPreference: person.communicationPreference,
          lastEngagedOn: person.lastEngagedOn ?? '',
          isExecutiveSponsor: person.isExecutiveSponsor,
          isBudgetHolder: person.isBudgetHolder,
        },
      },
    });
  },

  closeEditor() {
    if (get().editor.submitting) return;
    set({ editor: { ...get().editor, opened: false } });
  },

  setValue(field, value) {
    const { editor } = get();
    set({ editor: { ...editor, values: { ...editor.values, [field]: value }, fieldErrors: { ...editor.fieldErrors, [field]: undefined } } });
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
    set({ editor: { ...editor, submitting: true, formError: null } });
    try {
      const saved = editing ? await api.call('stakeholders.update', { id: editing.id, patch: input }) : await api.call('stakeholders.create', { accountId, ...input });
      set({ editor: { ...get().editor, submitting: false, opened: false } });
      await get().load(accountId);
      return saved;
    } catch (error) {
      const { fieldErrors, formError } = mapApiErrorToFields(error, FIELDS);
      set({ editor: { ...get().editor, submitting: false, fieldErrors, formError } });
      return null;
    }
  },

  async remove(person) {
    const removed = await api.call('stakeholders.delete', { id: person.id });
    await get().load(person.accountId);
    return removed;
  },

  async restore(person) {
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
    const restored = await api.call('stakeholders.create', input);
    await get().load(person.accountId);
    return restored;
  },
}));
