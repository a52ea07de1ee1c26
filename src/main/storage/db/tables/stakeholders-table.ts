import type { Insertable, Selectable } from 'kysely';

/** A real person at the account, mapped to one framework archetype. */
export interface StakeholdersTable {
  id: string;
  accountId: string;
  archetype: string;
  personName: string;
  title: string;
  email: string;
  communicationPreference: string;
  /** The person's own words for what success means to them. */
  successDefinition: string;
  lastEngagedOn: string | null;
  /** 1 when this person is the executive sponsor. SQLite has no boolean type. */
  isExecutiveSponsor: number;
  /** 1 when this person holds the budget for renewal. */
  isBudgetHolder: number;
  createdAt: string;
  updatedAt: string;
}

export const STAKEHOLDERS_TABLE = 'stakeholders';
export type StakeholderRow = Selectable<StakeholdersTable>;
export type NewStakeholderRow = Insertable<StakeholdersTable>;
