import type { Selectable } from 'kysely';

/** Application settings as key → JSON value; each key's shape is validated by the settings schema. */
export interface SettingsTable {
  key: string;
  valueJson: string;
  updatedAt: string;
}

export const SETTINGS_TABLE = 'settings';
export type SettingRow = Selectable<SettingsTable>;
