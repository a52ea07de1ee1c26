import type { WorkspaceDb } from '../database';

/** Stored settings as key → parsed JSON value. Validation against the settings schema is the caller's job. */
export async function readSettingValues(db: WorkspaceDb): Promise<Record<string, unknown>> {
  const rows = await db.selectFrom('settings').select(['key', 'valueJson']).execute();
  return Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.valueJson) as unknown]));
}

export async function writeSettingValues(db: WorkspaceDb, values: Record<string, unknown>, updatedAt: string): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    await db
      .insertInto('settings')
      .values({ key, valueJson: JSON.stringify(value), updatedAt })
      .onConflict((oc) => oc.column('key').doUpdateSet({ valueJson: JSON.stringify(value), updatedAt }))
      .execute();
  }
}
