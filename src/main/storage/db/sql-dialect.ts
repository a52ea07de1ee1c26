import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder } from 'kysely';

/*
 * The few places where SQLite and PostgreSQL need different SQL, each as one small function, so a
 * repository reads the same on both engines. Everything else is plain Kysely, which both accept.
 */

/** Which engine a workspace lives in: a local file (SQLite) or a team server (PostgreSQL). */
export type SqlDialectName = 'sqlite' | 'postgres';

/**
 * The engine behind a Kysely instance (or transaction), read from its adapter.
 * @example sqlDialectOf(workspace.db) // → 'sqlite'
 */
export function sqlDialectOf(db: Kysely<any>): SqlDialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * An expression compared and sorted ignoring ASCII case on both engines: SQLite's NOCASE
 * collation (which can use the NOCASE index), PostgreSQL's lower() (which matches the lower(name)
 * index). Both fold ASCII letters only in this use; full Unicode folding is nameKey's job.
 */
export function caseFolded(db: Kysely<any>, expression: Expression<unknown> | RawBuilder<unknown>): RawBuilder<string> {
  return sqlDialectOf(db) === 'postgres' ? sql<string>`lower(${expression})` : sql<string>`${expression} COLLATE NOCASE`;
}

/** The distinct values of a column in a group, joined with commas (order unspecified). */
export function distinctCommaList(db: Kysely<any>, expression: Expression<unknown> | RawBuilder<unknown>): RawBuilder<string> {
  return sqlDialectOf(db) === 'postgres' ? sql<string>`string_agg(DISTINCT ${expression}, ',')` : sql<string>`group_concat(DISTINCT ${expression})`;
}

/** Column type for floating-point values: SQLite's REAL is 8 bytes; PostgreSQL's `real` is 4, so it takes double precision. */
export function floatColumnType(db: Kysely<any>): 'real' | 'double precision' {
  return sqlDialectOf(db) === 'postgres' ? 'double precision' : 'real';
}

/**
 * `expression LIKE pattern` ignoring ASCII case on both engines (SQLite's LIKE already does;
 * PostgreSQL needs ILIKE), with backslash as the escape character of `pattern`.
 */
export function likeIgnoringCase(db: Kysely<any>, expression: Expression<unknown> | RawBuilder<unknown>, pattern: string): RawBuilder<boolean> {
  return sqlDialectOf(db) === 'postgres' ? sql<boolean>`${expression} ILIKE ${pattern} ESCAPE '\\'` : sql<boolean>`${expression} LIKE ${pattern} ESCAPE '\\'`;
}
