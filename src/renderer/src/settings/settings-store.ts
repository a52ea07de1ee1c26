import { create } from 'zustand';
import type { AppSettings } from '../../../shared/api/schemas/settings-schemas';
import { api } from '../api/client';
import { mapApiErrorToFields, type FieldErrors } from '../api/field-errors';
import { errorMessage } from '../notify';

/** The general settings on the Settings screen (the deck brand and health weights have their own stores). */
export interface SettingsFormValues {
  csmName: string;
  /** A number once typed; '' while the field is empty. */
  backupsToKeep: number | '';
}
export type SettingsField = keyof SettingsFormValues;
const SETTINGS_FIELDS: readonly SettingsField[] = ['csmName', 'backupsToKeep'];

interface SettingsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadError: string | null;
  saved: SettingsFormValues | null;
  values: SettingsFormValues;
  fieldErrors: FieldErrors<SettingsField>;
  formError: string | null;
  saving: boolean;
  load(): Promise<void>;
  setValue<F extends SettingsField>(field: F, value: SettingsFormValues[F]): void;
  /** Saves the form; true when the backend accepted it. */
  save(): Promise<boolean>;
}

const BLANK: SettingsFormValues = { csmName: '', backupsToKeep: 10 };

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  status: 'idle',
  loadError: null,
  saved: null,
  values: BLANK,
  fieldErrors: {},
  formError: null,
  saving: false,

  async load() {
    set({ status: 'loading', loadError: null });
    try {
      const values = toFormValues(await api.call('settings.get', {}));
      set({ status: 'ready', saved: values, values, fieldErrors: {}, formError: null });
    } catch (error) {
      set({ status: 'error', loadError: errorMessage(error) });
    }
  },

  setValue(field, value) {
    set({ values: { ...get().values, [field]: value }, fieldErrors: { ...get().fieldErrors, [field]: undefined } });
  },

  async save() {
    const { values, saving } = get();
    if (saving) return false;
    const clientErrors = validate(values);
    if (Object.keys(clientErrors).length > 0) {
      set({ fieldErrors: clientErrors, formError: null });
      return false;
    }
    set({ saving: true, formError: null });
    try {
      const saved = toFormValues(
        await api.call('settings.update', {
          csmName: values.csmName.trim(),
          backupsToKeep: values.backupsToKeep as number,
        }),
      );
      set({ saving: false, saved, values: saved, fieldErrors: {} });
      return true;
    } catch (error) {
      const { fieldErrors, formError } = mapApiErrorToFields(error, SETTINGS_FIELDS);
      set({ saving: false, fieldErrors, formError });
      return false;
    }
  },
}));

function toFormValues(settings: AppSettings): SettingsFormValues {
  return { csmName: settings.csmName, backupsToKeep: settings.backupsToKeep };
}

function validate(values: SettingsFormValues): FieldErrors<SettingsField> {
  const errors: FieldErrors<SettingsField> = {};
  const backups = values.backupsToKeep;
  if (backups === '' || !Number.isInteger(backups) || backups < 1 || backups > 100) {
    errors.backupsToKeep = 'Keep between 1 and 100 backups';
  }
  return errors;
}

/** True when the form differs from what is saved. */
export function isSettingsDirty(state: Pick<SettingsState, 'saved' | 'values'>): boolean {
  const { saved, values } = state;
  return saved !== null && SETTINGS_FIELDS.some((field) => saved[field] !== values[field]);
}
