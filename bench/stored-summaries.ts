import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

/**
 * Forgets the health summaries a workspace keeps (migration 9), as the first open of a new day
 * finds them (each is keyed by its day): the next portfolio load computes every account again.
 */
export async function forgetStoredHealthSummaries(workspacePath: string): Promise<void> {
  if (/^postgres(ql)?:\/\//.test(workspacePath)) {
    const client = new pg.Client(workspacePath);
    await client.connect();
    try {
      await client.query('DELETE FROM account_health_summaries');
    } finally {
      await client.end();
    }
    return;
  }
  const sqlite = new SqliteDatabase(workspacePath);
  try {
    sqlite.exec('DELETE FROM account_health_summaries');
  } finally {
    sqlite.close();
  }
}
