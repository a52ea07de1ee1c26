import { appSettingsSchema, DEFAULT_APP_SETTINGS, type AppSettings, type AppSettingsPatch } from '../../../shared/api/schemas/settings-schemas';
import { stripXmlIllegalCharactersDeep } from '../../../shared/text/xml-safe-text';
import type { WorkspaceDb } from '../db/database';
import { readSettingValues, writeSettingValues } from '../db/repositories/settings-repository';

/**
 * All settings with defaults filled in. A stored value that no longer fits its schema
 * (say, written by hand) falls back to the default for that key rather than failing the app.
 * Characters XML cannot carry, stored before the API refused them, are dropped on reading.
 */
export async function loadAppSettings(db: WorkspaceDb): Promise<AppSettings> {
  const stored = await readSettingValues(db);
  const settings: Record<string, unknown> = { ...DEFAULT_APP_SETTINGS };
  const shape = appSettingsSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  for (const [key, value] of Object.entries(stored)) {
    const field = shape[key];
    if (!field) continue;
    const parsed = field.safeParse(stripXmlIllegalCharactersDeep(value));
    if (parsed.success) settings[key] = parsed.data;
  }
  return appSettingsSchema.parse(settings);
}

/** Writes the given settings (already validated) and returns the full set. */
export async function saveAppSettings(db: WorkspaceDb, patch: AppSettingsPatch, now: Date): Promise<AppSettings> {
  await writeSettingValues(db, patch, now.toISOString());
  return loadAppSettings(db);
}
