import { create } from 'zustand';
import type { Goal, GoalInput } from '../../../shared/api/schemas/goal-schemas';
import { api } from '../api/client';
import { mapApiErrorToFields, type FieldErrors } from '../api/field-errors';
import { errorMessage } from '../notify';
import { numberText, parseOptionalNumber } from '../ui/optional-number';

/** The goal form as text; '' means not known. */
export interface GoalFormValues {
  title: string;
  streamId: string;
  unit: string;
  baseline: string;
  target: string;
  current: string;
  dueDate: string;
}
export type GoalFormField = keyof GoalFormValues;

const FIELDS: readonly GoalFormField[] = ['title', 'streamId', 'unit', 'baseline', 'target', 'current', 'dueDate'];
const EMPTY_VALUES: GoalFormValues = { title: '', streamId: '', unit: '', baseline: '', target: '', current: '', dueDate: '' };

interface GoalEditor {
  opened: boolean;
  editing: Goal | null;
  values: GoalFormValues;
  fieldErrors: FieldErrors<GoalFormField>;
  formError: string | null;
  submitting: boolean;
}

interface GoalsState {
  accountId: string | null;
  goals: Goal[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  editor: GoalEditor;
  load(accountId: string): Promise<void>;
  openCreate(): void;
  openEdit(goal: Goal): void;
  closeEditor(): void;
  setValue(field: GoalFormField, value: string): void;
  submit(): Promise<Goal | null>;
  remove(goal: Goal): Promise<Goal>;
  restore(goal: Goal): Promise<Goal>;
}

const CLOSED_EDITOR: GoalEditor = { opened: false, editing: null, values: EMPTY_VALUES, fieldErrors: {}, formError: null, submitting: false };

let latestRequest = 0;

/** An account's success-plan goals and their add/edit form. */
export const useGoalsStore = create<GoalsState>()((set, get) => ({
  accountId: null,
  goals: [],
  status: 'idle',
  error: null,
  editor: CLOSED_EDITOR,

  async load(accountId) {
    const request = ++latestRequest;
    const same = get().accountId === accountId;
    set({ accountId, status: same && get().status === 'ready' ? 'ready' : 'loading', error: null, ...(same ? {} : { goals: [] }) });
    try {
      const goals = await api.call('goals.list', { accountId });
      if (request !== latestRequest) return;
      set({ goals, status: 'ready' });
    } catch (error) {
      if (request !== latestRequest) return;
      set({ status: 'error', error: errorMessage(error) });
    }
  },

  openCreate() {
    set({ editor: { ...CLOSED_EDITOR, opened: true } });
  },

  openEdit(goal) {
    set({
      editor: {
        ...CLOSED_EDITOR,
        opened: true,
        editing: goal,
        values: {
          title: goal.title,
          streamId: goal.streamId ?? '',
          unit: goal.unit,
          baseline: numberText(goal.baseline),
          target: numberText(goal.target),
          current: numberText(goal.current),
          dueDate: goal.dueDate ?? '',
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
    if (!values.title.trim()) {
      set({ editor: { ...editor, fieldErrors: { title: 'Describe the goal, e.g. "Enrol 40% of eligible members"' } } });
      return null;
    }
    const input = {
      title: values.title,
      streamId: values.streamId || null,
      unit: values.unit.trim(),
      baseline: parseOptionalNumber(values.baseline) ?? null,
      target: parseOptionalNumber(values.target) ?? null,
      current: parseOptionalNumber(values.current) ?? null,
      dueDate: values.dueDate || null,
    };
    set({ editor: { ...editor, submitting: true, formError: null } });
    try {
      const saved = editing ? await api.call('goals.update', { id: editing.id, patch: input }) : await api.call('goals.create', { accountId, ...input });
      set({ editor: { ...get().editor, submitting: false, opened: false } });
      await get().load(accountId);
      return saved;
    } catch (error) {
      const { fieldErrors, formError } = mapApiErrorToFields(error, FIELDS);
      set({ editor: { ...get().editor, submitting: false, fieldErrors, formError } });
      return null;
    }
  },

  async remove(goal) {
    const removed = await api.call('goals.delete', { id: goal.id });
    await get().load(goal.accountId);
    return removed;
  },

  async restore(goal) {
    const input: GoalInput = {
      accountId: goal.accountId,
      streamId: goal.streamId,
      title: goal.title,
      metricKey: goal.metricKey,
      unit: goal.unit,
      baseline: goal.baseline,
      target: goal.target,
      current: goal.current,
      dueDate: goal.dueDate,
    };
    const restored = await api.call('goals.create', input);
    await get().load(goal.accountId);
    return restored;
  },
}));
