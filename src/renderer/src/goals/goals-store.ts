import { create } from 'zustand';
import type { Goal, GoalInput } from '../../../shared/api/schemas/goal-schemas';
import { accountRecordsStore, type AccountRecordsState } from '../api/account-records-store';
import { api } from '../api/client';
import { mapApiErrorToFields, type FieldErrors } from '../api/field-errors';
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

interface GoalsState extends AccountRecordsState<'goals', Goal, GoalFormValues, FieldErrors<GoalFormField>> {
  openEdit(goal: Goal): void;
  setValue(field: GoalFormField, value: string): void;
  submit(): Promise<Goal | null>;
  remove(goal: Goal): Promise<Goal>;
  restore(goal: Goal): Promise<Goal>;
}

/** An account's success-plan goals and their add/edit form. */
export const useGoalsStore = create<GoalsState>()((set, get) => {
  const records = accountRecordsStore(set, get, { listKey: 'goals', list: (accountId) => api.call('goals.list', { accountId }), emptyValues: EMPTY_VALUES });
  return {
    ...records.base,
    setValue: records.setValue,

    openEdit(goal) {
      records.openEdit(goal, {
        title: goal.title,
        streamId: goal.streamId ?? '',
        unit: goal.unit,
        baseline: numberText(goal.baseline),
        target: numberText(goal.target),
        current: numberText(goal.current),
        dueDate: goal.dueDate ?? '',
      });
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
      return records.save(
        accountId,
        () => (editing ? api.call('goals.update', { id: editing.id, patch: input }) : api.call('goals.create', { accountId, ...input })),
        (error) => mapApiErrorToFields(error, FIELDS),
      );
    },

    remove(goal) {
      return records.thenReload(goal.accountId, api.call('goals.delete', { id: goal.id }));
    },

    restore(goal) {
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
      return records.thenReload(goal.accountId, api.call('goals.create', input));
    },
  };
});
