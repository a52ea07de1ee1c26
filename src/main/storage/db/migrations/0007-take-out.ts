import type { Kysely } from 'kysely';

/*
 * Version 7 (issue 17, item 4): a workspace file made by taking accounts out of another workspace
 * (usually the team's PostgreSQL one) to work offline records where it came from and each taken
 * row as it was then — its version and content, the base a bring-back compares both sides with.
 * Both tables stay empty in every other workspace.
 * Frozen: never edit once shipped; add a new migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('take_out_origin')
    // One row: a workspace is taken out once, from one source.
    .addColumn('id', 'integer', (c) => c.primaryKey())
    // The source as shown: a file path, or a postgres:// URL with its password replaced by ***.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('taken_by', 'text', (c) => c.notNull())
    .addColumn('account_ids_json', 'text', (c) => c.notNull())
    // Set once the changes were brought back; a second bring-back is refused.
    .addColumn('brought_back_at', 'text')
    .execute();
  await db.schema
    .createTable('take_out_base')
    .addColumn('table_name', 'text', (c) => c.notNull())
    // The row's primary key as a JSON array of its key columns.
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    // The row's version at take-out (its updatedAt; a deck record's createdAt).
    .addColumn('version', 'text', (c) => c.notNull())
    // The whole row at take-out, as JSON (camelCase keys, database values).
    .addColumn('row_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('take_out_base_pk', ['table_name', 'row_key'])
    .execute();
}
