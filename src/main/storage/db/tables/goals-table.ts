import type { Insertable, Selectable } from 'kysely';

/** A success-plan goal agreed with the customer. Null numbers are unknown, never zero. */
export interface GoalsTable {
  id: string;
  accountId: string;
  streamId: string | null;
  title: string;
  metricKey: string | null;
  unit: string;
  baseline: number | null;
  target: number | null;
  current: number | null;
  dueDate: string | null;
  /** YYYY-MM the goal started: a KPI-linked goal reads its baseline there; null means the month it was created. */
  startMonth: string | null;
  createdAt: string;
  updatedAt: string;
}

export const GOALS_TABLE = 'goals';
export type GoalRow = Selectable<GoalsTable>;
export type NewGoalRow = Insertable<GoalsTable>;
