import { sql, type Kysely } from 'kysely';
import { sqlDialectOf } from '../sql-dialect';

/**
 * Version 1: accounts and the people and contracts that belong to them, plus settings.
 * Frozen: never edit once shipped; add a new migration instead. (Issue 17 added the PostgreSQL
 * branch of the name index; what SQLite runs is unchanged.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('customer_segment', 'text', (c) => c.notNull())
    .addColumn('buyer_type', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('renewal_date', 'text')
    .addColumn('contract_start_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  // Names identify accounts in the CLI, so they are unique among live accounts, ignoring case.
  if (sqlDialectOf(db) === 'postgres') {
    await sql`CREATE UNIQUE INDEX accounts_live_name ON accounts (lower(name)) WHERE deleted_at IS NULL`.execute(db);
  } else {
    await sql`CREATE UNIQUE INDEX accounts_live_name ON accounts (name COLLATE NOCASE) WHERE deleted_at IS NULL`.execute(db);
  }

  await db.schema
    .createTable('revenue_streams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('revenue_model', 'text', (c) => c.notNull())
    // The buyer's upstream payment environment for this stream; null until the CSM knows it.
    .addColumn('payment_environment', 'text')
    .addColumn('terms_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('revenue_streams_account').on('revenue_streams').column('account_id').execute();

  await db.schema
    .createTable('stakeholders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('archetype', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('communication_preference', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('success_definition', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_engaged_on', 'text')
    .addColumn('is_executive_sponsor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_budget_holder', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stakeholders_account').on('stakeholders').column('account_id').execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
