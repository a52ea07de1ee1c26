import type { Goal } from '../../../shared/api/schemas/goal-schemas';

export type GoalStatusKey = 'met' | 'in_progress' | 'moving_away' | 'missed' | 'not_measured' | 'no_target';

export interface GoalStatus {
  key: GoalStatusKey;
  label: string;
  color: string;
  /** Share of the way from baseline to target, 0-1; null without a baseline, current value or target. */
  progress: number | null;
}

/**
 * Where a goal stands. A goal whose target is below its baseline is a "lower is better" goal.
 * Missing numbers are reported as missing, never treated as zero.
 */
export function goalStatus(goal: Pick<Goal, 'baseline' | 'target' | 'current' | 'dueDate'>, today: string): GoalStatus {
  const { baseline, target, current, dueDate } = goal;
  if (target === null) return { key: 'no_target', label: 'No target set', color: 'gray', progress: null };
  if (current === null) return { key: 'not_measured', label: 'No current value', color: 'gray', progress: null };
  const lowerIsBetter = baseline !== null && target < baseline;
  const met = lowerIsBetter ? current <= target : current >= target;
  const progress = baseline !== null && target !== baseline ? Math.max(0, Math.min(1, (current - baseline) / (target - baseline))) : null;
  if (met) return { key: 'met', label: 'Met', color: 'teal', progress: 1 };
  if (dueDate !== null && dueDate < today) return { key: 'missed', label: 'Missed', color: 'red', progress };
  const movedAway = baseline !== null && (lowerIsBetter ? current > baseline : current < baseline);
  if (movedAway) return { key: 'moving_away', label: 'Moving away', color: 'orange', progress: 0 };
  return { key: 'in_progress', label: 'In progress', color: 'blue', progress };
}
