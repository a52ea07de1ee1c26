import type { Insertable, Selectable } from 'kysely';

/** The framework assessment of one account for one quarter (e.g. "2026Q3"). */
export interface AssessmentsTable {
  id: string;
  accountId: string;
  quarter: string;
  /** 'draft' while the wizard is in progress, 'final' once saved as the quarter's assessment. */
  status: string;
  answersJson: string;
  /** Identified model(s), ranked, with reasons. */
  revenueModelsJson: string;
  /** Orientation per stream and per stakeholder. */
  orientationsJson: string;
  paymentEnvironmentsJson: string;
  engagementGatesJson: string;
  /** The full result (value map, gaps, readiness, open questions) as computed when saved. */
  resultJson: string;
  createdAt: string;
  updatedAt: string;
}

export const ASSESSMENTS_TABLE = 'assessments';
export type AssessmentRow = Selectable<AssessmentsTable>;
export type NewAssessmentRow = Insertable<AssessmentsTable>;
