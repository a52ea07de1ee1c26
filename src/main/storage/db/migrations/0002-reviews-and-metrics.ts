import { sql, type Kysely } from 'kysely';
import { floatColumnType, sqlDialectOf } from '../sql-dialect';

/**
 * Version 2: what a quarterly review is built from — assessments, success-plan goals,
 * monthly metric observations — and the record of decks exported.
 * Frozen: never edit once shipped; add a new migration instead. (Issue 17 added PostgreSQL's
 * column types and table options; what SQLite runs is unchanged.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  const real = floatColumnType(db);
  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('quarter', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('revenue_models_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('orientations_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('payment_environments_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('engagement_gates_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('result_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessments_account_quarter', ['account_id', 'quarter'])
    .execute();

  await db.schema
    .createTable('goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('stream_id', 'text', (c) => c.references('revenue_streams.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('metric_key', 'text')
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('baseline', real)
    .addColumn('target', real)
    .addColumn('current', real)
    .addColumn('due_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goals_account').on('goals').column('account_id').execute();

  // WITHOUT ROWID: the four-column key is how every read and upsert addresses a value.
  const tableOptions = sqlDialectOf(db) === 'postgres' ? sql`` : sql`WITHOUT ROWID`;
  await sql`
    CREATE TABLE metric_observations (
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      stream_id TEXT NOT NULL DEFAULT '',
      metric_key TEXT NOT NULL,
      month TEXT NOT NULL,
      value ${sql.raw(real.toUpperCase())} NOT NULL,
      source TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      PRIMARY KEY (account_id, stream_id, metric_key, month)
    ) ${tableOptions}`.execute(db);

  await db.schema
    .createTable('decks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('deck_type', 'text', (c) => c.notNull())
    .addColumn('quarter', 'text', (c) => c.notNull())
    .addColumn('audience_json', 'text', (c) => c.notNull())
    .addColumn('file_path', 'text', (c) => c.notNull())
    .addColumn('plan_fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decks_account').on('decks').column('account_id').execute();
}
