/*
 * Where a success-plan goal stands: one rule for the goals tab and the deck's goals slide. Each
 * caller words the status its own way (labels and colours live with the caller).
 */

import { daysBetween } from '../calendar';

export type GoalStatusKey = 'met' | 'in_progress' | 'behind_pace' | 'moving_away' | 'missed' | 'not_measured' | 'no_target';

/** A goal is judged on pace once this share of its time (start month to due date) has gone. */
const PACE_FROM_ELAPSED = 0.5;
/** Behind pace: less than this share of the progress its elapsed time would have it make. */
const PACE_SHARE = 0.5;

/** The numbers a goal's standing is read from; null is unknown, never zero. */
export interface GoalMeasures {
  baseline: number | null;
  target: number | null;
  current: number | null;
  /** YYYY-MM-DD, or null when the goal has no due date. */
  dueDate: string | null;
  /** YYYY-MM the goal started (its baseline's month); without it the goal is not judged on pace. */
  startMonth?: string | null;
}

export interface GoalStanding {
  key: GoalStatusKey;
  /** Share of the way from baseline to target, 0-1; null without a baseline, current value or target. */
  progress: number | null;
}

/**
 * A goal's standing on `today` (YYYY-MM-DD). A target below its baseline makes it a "lower is better"
 * goal. Missing numbers are reported as missing, never treated as zero. Past half its time (start
 * month to due date), a goal that has made less than half the progress its time would have it make
 * is behind pace: short of the target without having missed it yet, and off track.
 *
 * @example goalStanding({ baseline: 0, target: 10, current: 5, dueDate: null }, '2026-01-01') // { key: 'in_progress', progress: 0.5 }
 */
export function goalStanding(goal: GoalMeasures, today: string): GoalStanding {
  const { baseline, target, current, dueDate } = goal;
  if (target === null) return { key: 'no_target', progress: null };
  if (current === null) return { key: 'not_measured', progress: null };
  const lowerIsBetter = baseline !== null && target < baseline;
  const met = lowerIsBetter ? current <= target : current >= target;
  const progress = baseline !== null && target !== baseline ? Math.max(0, Math.min(1, (current - baseline) / (target - baseline))) : null;
  if (met) return { key: 'met', progress: 1 };
  if (dueDate !== null && dueDate < today) return { key: 'missed', progress };
  const movedAway = baseline !== null && (lowerIsBetter ? current > baseline : current < baseline);
  if (movedAway) return { key: 'moving_away', progress: 0 };
  const elapsed = elapsedShare(goal.startMonth ?? null, dueDate, today);
  if (progress !== null && elapsed !== null && elapsed >= PACE_FROM_ELAPSED && progress < elapsed * PACE_SHARE) return { key: 'behind_pace', progress };
  return { key: 'in_progress', progress };
}

/** Share of the time from the start month's first day to the due date gone by `today`, or null without both. */
function elapsedShare(startMonth: string | null, dueDate: string | null, today: string): number | null {
  if (!startMonth || !dueDate) return null;
  const span = daysBetween(`${startMonth}-01`, dueDate);
  return span > 0 ? daysBetween(`${startMonth}-01`, today) / span : null;
}

/**
 * The numbers a goal is judged by: a KPI-linked goal's current value is the engine's, and its
 * baseline the engine's at the start month (the stored baseline only where the engine has none);
 * a free-text goal keeps what was typed. The deck's goals slide and the goals tab both read this.
 */
export function goalNumbers(stored: { baseline: number | null; current: number | null }, reading: { baseline: number | null; current: number | null } | null): { baseline: number | null; current: number | null } {
  if (!reading) return { baseline: stored.baseline, current: stored.current };
  return { baseline: reading.baseline ?? stored.baseline, current: reading.current };
}
