import type { DeckPlanGoal } from './deck-plan-types';

/*
 * Where a success-plan goal stands. The same rule the goals tab shows (src/renderer/src/goals/
 * goal-status.ts); kept here too because src/shared may not import the renderer.
 */

export type GoalStatusKey = 'met' | 'in_progress' | 'moving_away' | 'missed' | 'not_measured' | 'no_target';

export interface GoalStanding {
  key: GoalStatusKey;
  label: string;
  /** Share of the way from baseline to target, 0-1; null without baseline, current or target. */
  progress: number | null;
}

/** A goal's standing; a target below its baseline makes it a "lower is better" goal. */
export function goalStanding(goal: Pick<DeckPlanGoal, 'baseline' | 'target' | 'current' | 'dueDate'>, today: string): GoalStanding {
  const { baseline, target, current, dueDate } = goal;
  if (target === null) return { key: 'no_target', label: 'No target set', progress: null };
  if (current === null) return { key: 'not_measured', label: 'Not measured', progress: null };
  const lowerIsBetter = baseline !== null && target < baseline;
  const met = lowerIsBetter ? current <= target : current >= target;
  const progress = baseline !== null && target !== baseline ? Math.max(0, Math.min(1, (current - baseline) / (target - baseline))) : null;
  if (met) return { key: 'met', label: 'Met', progress: 1 };
  if (dueDate !== null && dueDate < today) return { key: 'missed', label: 'Missed', progress };
  const movedAway = baseline !== null && (lowerIsBetter ? current > baseline : current < baseline);
  if (movedAway) return { key: 'moving_away', label: 'Moving away', progress: 0 };
  return { key: 'in_progress', label: 'In progress', progress };
}
