import { sql, type Kysely } from 'kysely';
import { sqlDialectOf } from '../sql-dialect';

/*
 * Version 8 (issue 17, team semantics): the workspace's named users (a CSM or a manager), who owns
 * each account, and the audit log's account and row name so it can be read per account and by
 * name after the row is gone. Ownership is a table of its own, not an accounts column, so an
 * account row (and its export) stays as it was; a workspace with no users checks nothing.
 * Frozen: never edit once shipped; add a new migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // 'csm' or 'manager'.
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Names identify users (QBR_USER, --user), so they are unique ignoring case, in the database itself.
  if (sqlDialectOf(db) === 'postgres') {
    await sql`CREATE UNIQUE INDEX users_name ON users (lower(name))`.execute(db);
  } else {
    await sql`CREATE UNIQUE INDEX users_name ON users (name COLLATE NOCASE)`.execute(db);
  }
  await db.schema
    .createTable('account_owners')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('account_owners_user').on('account_owners').column('user_id').execute();

  await db.schema.alterTable('audit_log').addColumn('account_id', 'text').execute();
  // The row's name when it was written (an account's or stakeholder's name, a goal's title).
  await db.schema.alterTable('audit_log').addColumn('row_label', 'text').execute();
  await sql`UPDATE audit_log SET account_id = row_id WHERE table_name = 'accounts'`.execute(db);
  await sql`UPDATE audit_log SET row_label = (SELECT a.name FROM accounts a WHERE a.id = audit_log.row_id) WHERE table_name = 'accounts'`.execute(db);
  await db.schema.createIndex('audit_log_account').on('audit_log').columns(['account_id', 'at']).execute();
}
