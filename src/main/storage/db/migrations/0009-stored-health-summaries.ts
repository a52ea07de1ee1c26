import { sql, type Kysely } from 'kysely';
import { sqlDialectOf } from '../sql-dialect';

/*
 * Version 9 (issue 14): the portfolio's health summaries kept in the workspace, so opening a big
 * book reads 2,000 small rows instead of recomputing 2,000 summaries from 650,000 observations.
 *
 * - `account_data_versions`: a counter per account that moves whenever anything a summary reads
 *   about the account changes — its row, its revenue streams, its stakeholders, any of its metric
 *   observations — by whatever connection or process (the app, an import job, the CLI, a second
 *   client of a team server). The database moves it, with triggers, in the writer's own
 *   transaction, so no writer can forget it.
 * - `account_health_summaries`: one summary per account, with the counter it was computed at and
 *   a key of what else it read (the settings, the day and the app version). It is served only
 *   while both still match.
 *
 * A bulk writer may suspend the triggers inside its own transaction and move the counters itself
 * (the CSV import does: a trigger per row would cost a third of its time): on SQLite by dropping
 * and re-creating the `metric_observations_version_*` triggers in that transaction, on PostgreSQL
 * by `SET LOCAL qbr.bulk_observation_write = 'on'`, which the statement-level triggers check.
 * Frozen: never edit once shipped; add a new migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account_data_versions')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('account_health_summaries')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('data_version', 'integer', (c) => c.notNull())
    .addColumn('inputs_key', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();

  if (sqlDialectOf(db) === 'postgres') {
    // Statement-level: one set-based bump per statement (an import chunk is one statement), in
    // account order, so two writers lock the counters alike.
    const bumpFrom = (rows: string, column: string) =>
      `INSERT INTO account_data_versions AS v (account_id, version)
         SELECT ${column}, 1 FROM ${rows} ORDER BY ${column}
         ON CONFLICT (account_id) DO UPDATE SET version = v.version + 1;`;
    const changed = (column: string) => `(SELECT ${column} FROM new_rows UNION SELECT ${column} FROM old_rows) AS changed`;
    const inserted = (column: string) => `(SELECT DISTINCT ${column} FROM new_rows) AS inserted`;
    const deleted = (column: string) => `(SELECT DISTINCT ${column} FROM old_rows) AS deleted`;
    const body = (column: string, bulkCheck: string) => `
      BEGIN
        ${bulkCheck}
        IF TG_OP = 'INSERT' THEN
          ${bumpFrom(inserted(column), column)}
        ELSIF TG_OP = 'UPDATE' THEN
          ${bumpFrom(changed(column), column)}
        ELSE
          ${bumpFrom(deleted(column), column)}
        END IF;
        RETURN NULL;
      END`;
    // Only the observations' trigger stands aside for a bulk writer that moves the counters itself.
    const bulkCheck = `IF current_setting('qbr.bulk_observation_write', true) = 'on' THEN RETURN NULL; END IF;`;
    await sql.raw(`CREATE FUNCTION bump_account_data_versions() RETURNS trigger LANGUAGE plpgsql AS $$${body('account_id', '')}$$`).execute(db);
    await sql.raw(`CREATE FUNCTION bump_account_data_versions_of_observations() RETURNS trigger LANGUAGE plpgsql AS $$${body('account_id', bulkCheck)}$$`).execute(db);
    await sql.raw(`CREATE FUNCTION bump_account_data_versions_of_accounts() RETURNS trigger LANGUAGE plpgsql AS $$${body('id', '')}$$`).execute(db);
    for (const table of ['accounts', 'revenue_streams', 'stakeholders', 'metric_observations']) {
      const bump = { accounts: 'bump_account_data_versions_of_accounts', metric_observations: 'bump_account_data_versions_of_observations' }[table] ?? 'bump_account_data_versions';
      await sql.raw(`CREATE TRIGGER ${table}_version_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${bump}()`).execute(db);
      await sql.raw(`CREATE TRIGGER ${table}_version_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${bump}()`).execute(db);
      await sql.raw(`CREATE TRIGGER ${table}_version_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${bump}()`).execute(db);
    }
  } else {
    // No conflict clause inside the triggers: an outer statement's own (an upsert, INSERT OR
    // REPLACE) would override it and turn the first write of an account into a constraint error.
    const bump = (id: string) =>
      `INSERT INTO account_data_versions (account_id, version) SELECT ${id}, 0 WHERE NOT EXISTS (SELECT 1 FROM account_data_versions WHERE account_id = ${id});
       UPDATE account_data_versions SET version = version + 1 WHERE account_id = ${id};`;
    for (const table of ['accounts', 'revenue_streams', 'stakeholders', 'metric_observations']) {
      const column = table === 'accounts' ? 'id' : 'account_id';
      await sql.raw(`CREATE TRIGGER ${table}_version_insert AFTER INSERT ON ${table} BEGIN ${bump(`NEW.${column}`)} END`).execute(db);
      await sql.raw(`CREATE TRIGGER ${table}_version_update AFTER UPDATE ON ${table} BEGIN ${bump(`NEW.${column}`)} ${bump(`OLD.${column}`)} END`).execute(db);
      await sql.raw(`CREATE TRIGGER ${table}_version_delete AFTER DELETE ON ${table} BEGIN ${bump(`OLD.${column}`)} END`).execute(db);
    }
  }
}
