import type { Kysely } from 'kysely';

/*
 * Version 6 (issue 17): the audit log — who changed which row, when, through which API method,
 * and which fields. A team workspace is written by many people; a file by one, but the log costs
 * little there and keeps both engines on one schema.
 * Frozen: never edit once shipped; add a new migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    // The row's updated_at after the write: the version a later write must carry.
    .addColumn('row_version', 'text', (c) => c.notNull())
    .addColumn('fields_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.createIndex('audit_log_row').on('audit_log').columns(['row_id', 'at']).execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}
