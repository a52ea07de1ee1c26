import type { Kysely } from 'kysely';
import type { AccountsTable } from './tables/accounts-table';
import type { AuditLogTable } from './tables/audit-log-table';
import type { AssessmentsTable } from './tables/assessments-table';
import type { CommitmentsTable } from './tables/commitments-table';
import type { DecksTable } from './tables/decks-table';
import type { DeckDraftsTable } from './tables/deck-drafts-table';
import type { GoalsTable } from './tables/goals-table';
import type { AccountDataVersionsTable, AccountHealthSummariesTable } from './tables/health-summaries-tables';
import type { MetricObservationsTable } from './tables/metric-observations-table';
import type { RevenueStreamsTable } from './tables/revenue-streams-table';
import type { SettingsTable } from './tables/settings-table';
import type { StakeholdersTable } from './tables/stakeholders-table';
import type { TakeOutBaseTable, TakeOutOriginTable } from './tables/take-out-tables';
import type { AccountOwnersTable, UsersTable } from './tables/users-table';

/** The workspace schema as Kysely sees it (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface Database {
  accounts: AccountsTable;
  revenueStreams: RevenueStreamsTable;
  stakeholders: StakeholdersTable;
  assessments: AssessmentsTable;
  goals: GoalsTable;
  metricObservations: MetricObservationsTable;
  decks: DecksTable;
  deckDrafts: DeckDraftsTable;
  commitments: CommitmentsTable;
  settings: SettingsTable;
  auditLog: AuditLogTable;
  takeOutOrigin: TakeOutOriginTable;
  takeOutBase: TakeOutBaseTable;
  users: UsersTable;
  accountOwners: AccountOwnersTable;
  accountDataVersions: AccountDataVersionsTable;
  accountHealthSummaries: AccountHealthSummariesTable;
}

export type WorkspaceDb = Kysely<Database>;
