import type { ImportMapping } from '../../../shared/api/schemas/import-schemas';
import type { WorkspaceDb } from '../../storage/db/database';
import { loadAppSettings, saveAppSettings } from '../../storage/settings/app-settings';

/** Header layouts remembered; beyond this the least recently confirmed is forgotten. */
const MAPPINGS_KEPT = 50;

/** Mappings confirmed in earlier imports, by header fingerprint (settings key `importMappings`). */
export async function loadRememberedMappings(db: WorkspaceDb): Promise<Record<string, ImportMapping>> {
  return (await loadAppSettings(db)).importMappings;
}

/** Remembers the mapping used for a header layout, most recent last, so the next export from that source maps itself. */
export async function rememberImportMapping(db: WorkspaceDb, fingerprint: string, mapping: ImportMapping, now: Date): Promise<void> {
  const current = { ...(await loadRememberedMappings(db)) };
  delete current[fingerprint];
  current[fingerprint] = mapping;
  const keys = Object.keys(current);
  for (const key of keys.slice(0, Math.max(0, keys.length - MAPPINGS_KEPT))) delete current[key];
  await saveAppSettings(db, { importMappings: current }, now);
}
