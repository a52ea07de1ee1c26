import { goalStanding, type GoalMeasures, type GoalStatusKey } from '../../../shared/goals/goal-status';

export interface GoalStatus {
  key: GoalStatusKey;
  label: string;
  color: string;
  /** Share of the way from baseline to target, 0-1; null without a baseline, current value or target. */
  progress: number | null;
}

/** How the goals tab shows each standing: badge text and Mantine colour. */
const STATUS_LOOK: Record<GoalStatusKey, { label: string; color: string }> = {
  no_target: { label: 'No target set', color: 'gray' },
  not_measured: { label: 'No current value', color: 'gray' },
  met: { label: 'Met', color: 'teal' },
  missed: { label: 'Missed', color: 'red' },
  moving_away: { label: 'Moving away', color: 'orange' },
  behind_pace: { label: 'Behind pace', color: 'orange' },
  in_progress: { label: 'In progress', color: 'blue' },
};

/** Where a goal stands (the shared rule in src/shared/goals), with the label and colour the goals tab shows. */
export function goalStatus(goal: GoalMeasures, today: string): GoalStatus {
  const { key, progress } = goalStanding(goal, today);
  return { key, ...STATUS_LOOK[key], progress };
}
