import { create } from 'zustand';
import type { Goal, GoalInput } from '../../../shared/api/schemas/goal-schemas';
import { accountRecordsStore, type AccountRecordsState } from '../api/account-records-store';
import { api } from '../api/client';
import { mapApiErrorToFields, type FieldErrors } from '../api/field-errors';
import { numberText, parseOptionalNumber } from '../ui/optional-number';
import { findKpiDefinition } from '../../../shared/metrics/kpis/kpi-catalog';

/** The goal form as text; '' means not known. */
export interface GoalFormValues {
  title: string;
  streamId: string;
  unit: string;
  baseline: string;
  target: string;
  current: string;
  dueDate: string;
  /** The KPI that measures the goal ('' for a goal measured by hand). */
  metricKey: string;
  /** YYYY-MM the goal started (its KPI baseline month); '' for the month it is added. */
  startMonth: string;
}
export type GoalFormField = keyof GoalFormValues;

const FIELDS: readonly GoalFormField[] = ['title', 'streamId', 'unit', 'baseline', 'target', 'current', 'dueDate', 'metricKey', 'startMonth'];
const EMPTY_VALUES: GoalFormValues = { title: '', streamId: '', unit: '', baseline: '', target: '', current: '', dueDate: '', metricKey: '', startMonth: '' };

/**
 * A KPI kept as a 0-1 fraction is typed as a percent in the form: the factor from stored to typed.
 * The engine's own unit decides, so a target reads as the KPI table shows it.
 */
function typedScale(metricKey: string): number {
  return findKpiDefinition(metricKey)?.unit === 'fraction' ? 100 : 1;
}

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
        metricKey: goal.metricKey ?? '',
        startMonth: goal.startMonth ?? '',
      });
      // Typed numbers of a fraction KPI are percents.
      const scale = typedScale(goal.metricKey ?? '');
      if (scale !== 1) {
        const typed = (n: number | null) => numberText(n === null ? null : Math.round(n * scale * 1e6) / 1e6);
        const { editor } = get();
        set({ editor: { ...editor, values: { ...editor.values, baseline: typed(goal.baseline), target: typed(goal.target), current: typed(goal.current) } } });
      }
    },

    async submit() {
      const { editor, accountId } = get();
      if (editor.submitting || !accountId) return null;
      const { values, editing } = editor;
      if (!values.title.trim()) {
        set({ editor: { ...editor, fieldErrors: { title: 'Describe the goal, e.g. "Enrol 40% of eligible members"' } } });
        return null;
      }
      const scale = typedScale(values.metricKey);
      const stored = (text: string) => {
        const n = parseOptionalNumber(text) ?? null;
        return n === null ? null : n / scale;
      };
      const input = {
        title: values.title,
        streamId: values.streamId || null,
        unit: values.unit.trim(),
        baseline: stored(values.baseline),
        target: stored(values.target),
        current: stored(values.current),
        dueDate: values.dueDate || null,
        metricKey: values.metricKey || null,
        startMonth: values.startMonth || null,
      };
      return records.save(
        accountId,
        () => (editing ? api.call('goals.update', { id: editing.id, patch: input, expectedUpdatedAt: editing.updatedAt }) : api.call('goals.create', { accountId, ...input })),
        (error) => mapApiErrorToFields(error, FIELDS),
      );
    },

    remove(goal) {
      return records.thenReload(goal.accountId, api.call('goals.delete', { id: goal.id, expectedUpdatedAt: goal.updatedAt }));
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
        startMonth: goal.startMonth,
      };
      return records.thenReload(goal.accountId, api.call('goals.create', input));
    },
  };
});
