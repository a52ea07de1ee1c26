import { create } from 'zustand';
import type { DeckBrandSettings } from '../../../shared/api/schemas/brand-schemas';
import type { AppSettings } from '../../../shared/api/schemas/settings-schemas';
import { api } from '../api/client';
import { mapApiErrorToFields, type FieldErrors } from '../api/field-errors';
import { chooseOpenPath } from '../api/file-dialogs';
import { errorMessage } from '../notify';
import { readLogoFile } from './logo-file';

/*
 * The "Deck brand" section: who the decks are from and how they look. Values are edited here, can be
 * filled from the company's .pptx template for review, and are saved together in one settings update.
 */

/** The brand as the form holds it: colours as '#RRGGBB' and '' wherever the deck default applies. */
export interface BrandFormValues {
  companyName: string;
  primaryColor: string;
  secondaryColor: string;
  fontHeading: string;
  fontBody: string;
  /** PNG as base64 without a data: prefix; null for no logo. */
  logoPng: string | null;
}
export type BrandField = keyof BrandFormValues | 'templatePath';
const BRAND_FIELDS: readonly BrandField[] = ['companyName', 'primaryColor', 'secondaryColor', 'fontHeading', 'fontBody', 'logoPng', 'templatePath'];
const VALUE_FIELDS = BRAND_FIELDS.filter((field): field is keyof BrandFormValues => field !== 'templatePath');

const HEX_COLOR = /^#?[0-9A-Fa-f]{6}$/;
const BLANK: BrandFormValues = { companyName: '', primaryColor: '', secondaryColor: '', fontHeading: '', fontBody: '', logoPng: null };

interface BrandSettingsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadError: string | null;
  saved: BrandFormValues | null;
  values: BrandFormValues;
  fieldErrors: FieldErrors<BrandField>;
  formError: string | null;
  saving: boolean;
  templatePath: string;
  readingTemplate: boolean;
  /** What reading the template filled in, until the next save or read. */
  templateNote: string | null;
  load(): Promise<void>;
  setValue<F extends keyof BrandFormValues>(field: F, value: BrandFormValues[F]): void;
  /** Reads a PNG chosen in the file input; refuses other files and ones over about 512 KB, inline. */
  setLogoFile(file: File | null): Promise<void>;
  setTemplatePath(path: string): void;
  /** Asks for the template with the native open dialog (desktop app only), then reads it. */
  chooseTemplate(): Promise<void>;
  /** Fills the fields from the template's theme, for review; nothing is saved yet. */
  readTemplate(): Promise<void>;
  /** Saves company name and brand; true when the backend accepted them. */
  save(): Promise<boolean>;
}

export const useBrandSettingsStore = create<BrandSettingsState>()((set, get) => ({
  status: 'idle',
  loadError: null,
  saved: null,
  values: BLANK,
  fieldErrors: {},
  formError: null,
  saving: false,
  templatePath: '',
  readingTemplate: false,
  templateNote: null,

  async load() {
    set({ status: 'loading', loadError: null });
    try {
      const values = toFormValues(await api.call('settings.get', {}));
      set({ status: 'ready', saved: values, values, fieldErrors: {}, formError: null, templateNote: null });
    } catch (error) {
      set({ status: 'error', loadError: errorMessage(error) });
    }
  },

  setValue(field, value) {
    set({ values: { ...get().values, [field]: value }, fieldErrors: { ...get().fieldErrors, [field]: undefined } });
  },

  async setLogoFile(file) {
    if (!file) return;
    const read = await readLogoFile(file);
    if ('problem' in read) set({ fieldErrors: { ...get().fieldErrors, logoPng: read.problem } });
    else get().setValue('logoPng', read.base64);
  },

  setTemplatePath(templatePath) {
    set({ templatePath, fieldErrors: { ...get().fieldErrors, templatePath: undefined } });
  },

  async chooseTemplate() {
    try {
      const chosen = await chooseOpenPath({ title: "Your company's PowerPoint template", filters: [{ name: 'PowerPoint', extensions: ['pptx', 'potx'] }] });
      if (!chosen) return;
      get().setTemplatePath(chosen);
      await get().readTemplate();
    } catch (error) {
      set({ fieldErrors: { ...get().fieldErrors, templatePath: errorMessage(error) } });
    }
  },

  async readTemplate() {
    const filePath = get().templatePath.trim();
    if (!filePath) {
      set({ fieldErrors: { ...get().fieldErrors, templatePath: 'Enter the full path of a .pptx file' } });
      return;
    }
    set({ readingTemplate: true, templateNote: null });
    try {
      const found = await api.call('decks.readBrandFromTemplate', { filePath });
      const filled = fromBrand(found);
      const names = FOUND_LABELS.filter(([field]) => filled[field] !== undefined).map(([, label]) => label);
      set({
        readingTemplate: false,
        values: { ...get().values, ...filled },
        fieldErrors: {},
        templateNote:
          names.length === 0
            ? `${fileNameOf(filePath)} has no colours, fonts or logo this app can use; nothing changed.`
            : `Filled from ${fileNameOf(filePath)}: ${names.join(', ')}. Review, then save.`,
      });
    } catch (error) {
      set({ readingTemplate: false, fieldErrors: { ...get().fieldErrors, templatePath: errorMessage(error) } });
    }
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
      const saved = toFormValues(await api.call('settings.update', { companyName: values.companyName.trim(), brand: toBrand(values) }));
      set({ saving: false, saved, values: saved, fieldErrors: {}, templateNote: null });
      return true;
    } catch (error) {
      const { fieldErrors, formError } = mapApiErrorToFields(error, BRAND_FIELDS);
      set({ saving: false, fieldErrors, formError });
      return false;
    }
  },
}));

const FOUND_LABELS: readonly [keyof BrandFormValues, string][] = [
  ['primaryColor', 'primary colour'],
  ['secondaryColor', 'secondary colour'],
  ['fontHeading', 'heading font'],
  ['fontBody', 'body font'],
  ['logoPng', 'logo'],
];

function toFormValues(settings: AppSettings): BrandFormValues {
  return { ...BLANK, companyName: settings.companyName, ...fromBrand(settings.brand) };
}

/** The fields a brand sets, in form shape; absent where it sets nothing. */
function fromBrand(brand: DeckBrandSettings): Partial<BrandFormValues> {
  const out: Partial<BrandFormValues> = {};
  if (brand.primaryColor && HEX_COLOR.test(brand.primaryColor)) out.primaryColor = `#${brand.primaryColor.replace('#', '').toUpperCase()}`;
  if (brand.secondaryColor && HEX_COLOR.test(brand.secondaryColor)) out.secondaryColor = `#${brand.secondaryColor.replace('#', '').toUpperCase()}`;
  if (brand.fontHeading) out.fontHeading = brand.fontHeading;
  if (brand.fontBody) out.fontBody = brand.fontBody;
  if (brand.logoPng) out.logoPng = brand.logoPng;
  return out;
}

/** The settings shape: hex without '#', blanks left out so the deck defaults apply. */
function toBrand(values: BrandFormValues): DeckBrandSettings {
  const color = (value: string) => (value.trim() ? value.trim().replace('#', '').toUpperCase() : undefined);
  const brand: DeckBrandSettings = {
    primaryColor: color(values.primaryColor),
    secondaryColor: color(values.secondaryColor),
    fontHeading: values.fontHeading.trim() || undefined,
    fontBody: values.fontBody.trim() || undefined,
    logoPng: values.logoPng ?? undefined,
  };
  return Object.fromEntries(Object.entries(brand).filter(([, value]) => value !== undefined)) as DeckBrandSettings;
}

function validate(values: BrandFormValues): FieldErrors<BrandField> {
  const errors: FieldErrors<BrandField> = {};
  for (const field of ['primaryColor', 'secondaryColor'] as const) {
    const value = values[field].trim();
    if (value && !HEX_COLOR.test(value)) errors[field] = 'Use a 6-digit hex colour, like #1F4E79';
  }
  for (const field of ['fontHeading', 'fontBody'] as const) {
    if (values[field].trim().length > 100) errors[field] = 'Use a font name of at most 100 characters';
  }
  if (values.companyName.trim().length > 200) errors.companyName = 'Use at most 200 characters';
  return errors;
}

function fileNameOf(filePath: string): string {
  return filePath.split(/[\\/]/).pop() || filePath;
}

/** True when the brand form differs from what is saved. */
export function isBrandDirty(state: Pick<BrandSettingsState, 'saved' | 'values'>): boolean {
  const { saved, values } = state;
  return saved !== null && VALUE_FIELDS.some((field) => saved[field] !== values[field]);
}
