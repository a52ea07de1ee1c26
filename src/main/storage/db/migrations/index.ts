import type { Kysely } from 'kysely';
import * as core from './0001-core';
import * as reviewsAndMetrics from './0002-reviews-and-metrics';
import * as deckDrafts from './0003-deck-drafts';
import * as observationMonthIndex from './0004-observation-month-index';
import * as commitmentsLedger from './0005-commitments-ledger';
import * as auditLog from './0006-audit-log';
import * as takeOut from './0007-take-out';
import * as usersAndOwners from './0008-users-and-owners';
import * as storedHealthSummaries from './0009-stored-health-summaries';

export interface Migration {
  /** Schema version after this migration; stored in PRAGMA user_version. */
  version: number;
  name: string;
  up(db: Kysely<any>): Promise<void>;
}

/** Every migration, in order. Registered in code so a bundler cannot lose them. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'core', up: core.up },
  { version: 2, name: 'reviews-and-metrics', up: reviewsAndMetrics.up },
  { version: 3, name: 'deck-drafts', up: deckDrafts.up },
  { version: 4, name: 'observation-month-index', up: observationMonthIndex.up },
  { version: 5, name: 'commitments-ledger', up: commitmentsLedger.up },
  { version: 6, name: 'audit-log', up: auditLog.up },
  { version: 7, name: 'take-out', up: takeOut.up },
  { version: 8, name: 'users-and-owners', up: usersAndOwners.up },
  { version: 9, name: 'stored-health-summaries', up: storedHealthSummaries.up },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
