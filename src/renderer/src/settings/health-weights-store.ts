import { create } from 'zustand';
import { REVENUE_MODELS, type RevenueModelKey } from '../../../shared/framework/keys';
import { DEFAULT_HEALTH_WEIGHTS, type HealthComponentKey, type HealthWeightOverrides } from '../../../shared/metrics/health/health-weights';
import { api, ApiClientError } from '../api/client';
import { errorMessage } from '../notify';

/*
 * The "Health score weights" section: per revenue model, the user's weight for each component over
 * the documented default. Only weights that differ from the default are saved, so a later change of
 * a default still reaches every component the user never touched.
 */

/** Typed weights per model and component; '' (or absent) means "use the default". */
export type WeightDrafts = Partial<Record<RevenueModelKey, Partial<Record<HealthComponentKey, number | ''>>>>;
/** Inline errors by `${model}.${component}`, and by model for rules about the whole model. */
export type WeightErrors = Partial<Record<string, string>>;

interface HealthWeightsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadError: string | null;
  saved: HealthWeightOverrides;
  drafts: WeightDrafts;
  errors: WeightErrors;
  formError: string | null;
  saving: boolean;
  load(): Promise<void>;
  setWeight(model: RevenueModelKey, component: HealthComponentKey, weight: number | ''): void;
  /** Clears every override in the form; saving then restores the documented defaults. */
  resetToDefaults(): void;
  /** Saves the overrides; true when the backend accepted them. */
  save(): Promise<boolean>;
}

export const useHealthWeightsStore = create<HealthWeightsState>()((set, get) => ({
  status: 'idle',
  loadError: null,
  saved: {},
  drafts: {},
  errors: {},
  formError: null,
  saving: false,

  async load() {
    set({ status: 'loading', loadError: null });
    try {
      const { healthWeights } = await api.call('settings.get', {});
      set({ status: 'ready', saved: healthWeights, drafts: healthWeights, errors: {}, formError: null });
    } catch (error) {
      set({ status: 'error', loadError: errorMessage(error) });
    }
  },

  setWeight(model, component, weight) {
    const drafts = get().drafts;
    set({
      drafts: { ...drafts, [model]: { ...drafts[model], [component]: weight } },
      errors: { ...get().errors, [`${model}.${component}`]: undefined, [model]: undefined },
      formError: null,
    });
  },

  resetToDefaults() {
    set({ drafts: {}, errors: {}, formError: null });
  },

  async save() {
    const { drafts, saving } = get();
    if (saving) return false;
    const errors = validate(drafts);
    if (Object.keys(errors).length > 0) {
      set({ errors, formError: null });
      return false;
    }
    set({ saving: true, formError: null });
    try {
      const { healthWeights } = await api.call('settings.update', { healthWeights: toOverrides(drafts) });
      set({ saving: false, saved: healthWeights, drafts: healthWeights, errors: {} });
      return true;
    } catch (error) {
      set({ saving: false, ...placeServerError(error) });
      return false;
    }
  },
}));

/** The weight in effect for a component: the typed one, else the default. */
export function effectiveWeight(drafts: WeightDrafts, model: RevenueModelKey, component: HealthComponentKey): number {
  const typed = drafts[model]?.[component];
  return typeof typed === 'number' ? typed : (DEFAULT_HEALTH_WEIGHTS[model][component] ?? 0);
}

/** Components a model's score is built from, in the documented order. */
export function componentsOf(model: RevenueModelKey): HealthComponentKey[] {
  return Object.keys(DEFAULT_HEALTH_WEIGHTS[model]) as HealthComponentKey[];
}

/** Only the weights that differ from the defaults. */
export function toOverrides(drafts: WeightDrafts): HealthWeightOverrides {
  const overrides: HealthWeightOverrides = {};
  for (const model of REVENUE_MODELS) {
    const changed = Object.fromEntries(
      componentsOf(model)
        .map((component) => [component, drafts[model]?.[component]] as const)
        .filter(([component, weight]) => typeof weight === 'number' && weight !== DEFAULT_HEALTH_WEIGHTS[model][component]),
    );
    if (Object.keys(changed).length > 0) overrides[model] = changed;
  }
  return overrides;
}

function validate(drafts: WeightDrafts): WeightErrors {
  const errors: WeightErrors = {};
  for (const model of REVENUE_MODELS) {
    for (const component of componentsOf(model)) {
      const weight = drafts[model]?.[component];
      if (typeof weight === 'number' && (!Number.isFinite(weight) || weight < 0 || weight > 100)) errors[`${model}.${component}`] = 'Use 0 to 100';
    }
    if (componentsOf(model).every((component) => effectiveWeight(drafts, model, component) <= 0)) {
      errors[model] = 'At least one component needs a weight above 0.';
    }
  }
  return errors;
}

/** Backend validation issues name ['healthWeights', model, component]; anything else goes above the form. */
function placeServerError(error: unknown): { errors: WeightErrors; formError: string | null } {
  const issues = error instanceof ApiClientError && error.code === 'invalid_input' ? (error.details as { issues?: { path?: unknown[]; message?: string }[] })?.issues : undefined;
  const placed: WeightErrors = {};
  for (const issue of issues ?? []) {
    const [, model, component] = Array.isArray(issue.path) ? issue.path : [];
    if (typeof model === 'string' && typeof component === 'string') placed[`${model}.${component}`] = issue.message ?? 'Invalid weight';
  }
  return Object.keys(placed).length > 0 ? { errors: placed, formError: null } : { errors: {}, formError: errorMessage(error) };
}

/** True when the form would save something other than what is saved. */
export function isWeightsDirty(state: Pick<HealthWeightsState, 'saved' | 'drafts'>): boolean {
  return JSON.stringify(toOverrides(state.drafts)) !== JSON.stringify(toOverrides(state.saved));
}
