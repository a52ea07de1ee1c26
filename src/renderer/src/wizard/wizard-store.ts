import { create } from 'zustand';
import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import type { AssessmentRecord } from '../../../shared/api/schemas/assessment-schemas';
import type { RevenueStream } from '../../../shared/api/schemas/stream-schemas';
import type { AssessmentResult } from '../../../shared/assessment/assessment-result';
import type { IdentificationAnswers, StreamAnswer } from '../../../shared/framework/answers';
import type { BehaviourChangerKey, PaymentEnvironmentKey, RevenueModelKey, RevenuePathKey, ValueOrientationKey } from '../../../shared/framework/keys';
import { api, ApiClientError } from '../api/client';
import { errorMessage } from '../notify';
import { alignWithStreams, applySuggestions, chosenFromSaved, freshAnswers, type ChosenByCsm } from './wizard-prefill';
import { LAST_STEP } from './wizard-steps';

/** Debounce between the last change and the draft autosave, in ms. */
export const AUTOSAVE_DELAY_MS = 800;

type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';
type ConflictAnswer = IdentificationAnswers['conflictingIncentives'];

interface WizardState {
  accountId: string | null;
  quarter: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  answers: IdentificationAnswers;
  /** Stream id → why the CSM's orientation differs from the framework's. */
  orientationNotes: Record<string, string>;
  chosen: ChosenByCsm;
  /** The recorded model each answered stream was pre-filled from, to notice a model change. */
  streamModels: Record<string, RevenueModelKey>;
  /** What was on disk for this quarter when the wizard opened. */
  openedFrom: { status: 'draft' | 'final'; updatedAt: string } | null;
  /** Changes not yet written to the draft. */
  dirty: boolean;
  saveState: SaveState;
  savedAt: string | null;
  saveError: string | null;
  step: number;
  result: AssessmentResult | null;
  resultState: 'idle' | 'loading' | 'ready' | 'error';
  resultError: string | null;
  /** The answers the shown result was computed from, to know when it is stale. */
  resultKey: string | null;
  finalizing: boolean;

  open(account: AccountSummary, quarter: string, streams: readonly RevenueStream[]): Promise<void>;
  /** Follows the account's streams after one is added or edited from the wizard. */
  syncStreams(streams: readonly RevenueStream[]): void;
  setStep(step: number): void;
  updateStream(id: string, patch: Partial<StreamAnswer>): void;
  setBehaviourChange(value: BehaviourChangerKey): void;
  setEnvironments(environments: PaymentEnvironmentKey[]): void;
  /** null: the stream follows the account's environments. */
  setStreamEnvironments(id: string, environments: PaymentEnvironmentKey[] | null): void;
  setOrientation(id: string, orientation: ValueOrientationKey | 'suggested'): void;
  setOrientationNote(id: string, note: string): void;
  setPath(id: string, path: RevenuePathKey | 'unknown' | 'suggested'): void;
  setConflicts(patch: Partial<ConflictAnswer>): void;
  evaluate(): Promise<void>;
  /** Saves the quarter's assessment; returns the saved record or null on failure (the error is in `saveError`). */
  finalize(): Promise<AssessmentRecord | null>;
  /** Writes pending changes now (leaving the wizard, switching quarter). */
  flush(): Promise<void>;
}

const EMPTY_ANSWERS: IdentificationAnswers = { streams: [], behaviourChange: 'unknown', paymentEnvironments: [], conflictingIncentives: { answer: 'unknown' } };

let autosaveTimer: ReturnType<typeof setTimeout> | null = null;
/** Saves run one after another so an older draft can never land after a newer one. */
let saveChain: Promise<void> = Promise.resolve();
/** Bumped on every change; a save only clears `dirty` if nothing changed while it ran. */
let revision = 0;
let openRequest = 0;

const stepStorageKey = (accountId: string, quarter: string) => `qbr.wizardStep.${accountId}.${quarter}`;

function rememberStep(accountId: string | null, quarter: string | null, step: number): void {
  if (!accountId || !quarter) return;
  try {
    localStorage.setItem(stepStorageKey(accountId, quarter), String(step));
  } catch {
    // Storage can be unavailable (private mode); resuming at the first step is fine.
  }
}

function rememberedStep(accountId: string, quarter: string): number {
  try {
    const step = Number(localStorage.getItem(stepStorageKey(accountId, quarter)));
    return Number.isInteger(step) && step >= 0 && step <= LAST_STEP ? step : 0;
  } catch {
    return 0;
  }
}

/** The one assessment being worked on: answers, suggestions, autosave and the computed result. */
export const useWizardStore = create<WizardState>()((set, get) => {
  /** Applies a change to the answers, re-runs the suggestions and schedules the autosave. */
  function change(update: (state: WizardState) => Partial<Pick<WizardState, 'answers' | 'orientationNotes' | 'chosen'>>): void {
    const state = get();
    if (state.status !== 'ready') return;
    const next = update(state);
    const chosen = next.chosen ?? state.chosen;
    const answers = applySuggestions(next.answers ?? state.answers, chosen);
    revision += 1;
    set({ ...next, answers, chosen, dirty: true, saveState: 'pending', saveError: null });
    scheduleAutosave();
  }

  function scheduleAutosave(): void {
    if (autosaveTimer) clearTimeout(autosaveTimer);
    autosaveTimer = setTimeout(() => {
      autosaveTimer = null;
      void saveDraft();
    }, AUTOSAVE_DELAY_MS);
  }

  function saveDraft(): Promise<void> {
    saveChain = saveChain.then(async () => {
      const { accountId, quarter, answers, orientationNotes, dirty } = get();
      if (!dirty || !accountId || !quarter) return;
      const savedRevision = revision;
      set({ saveState: 'saving' });
      try {
        const record = await api.call('assessments.saveDraft', { accountId, quarter, answers, orientationNotes: cleanNotes(orientationNotes) });
        if (get().accountId !== accountId || get().quarter !== quarter) return;
        const unchanged = savedRevision === revision;
        set({ dirty: !unchanged, saveState: unchanged ? 'saved' : 'pending', savedAt: record.updatedAt });
      } catch (error) {
        set({ saveState: 'error', saveError: errorMessage(error) });
      }
    });
    return saveChain;
  }

  function updateStreamAnswer(answers: IdentificationAnswers, id: string, patch: Partial<StreamAnswer>): IdentificationAnswers {
    return { ...answers, streams: answers.streams.map((stream) => (stream.id === id ? { ...stream, ...patch } : stream)) };
  }

  return {
    accountId: null,
    quarter: null,
    status: 'idle',
    error: null,
    answers: EMPTY_ANSWERS,
    orientationNotes: {},
    chosen: { orientation: {}, path: {} },
    streamModels: {},
    openedFrom: null,
    dirty: false,
    saveState: 'idle',
    savedAt: null,
    saveError: null,
    step: 0,
    result: null,
    resultState: 'idle',
    resultError: null,
    resultKey: null,
    finalizing: false,

    async open(account, quarter, streams) {
      const request = ++openRequest;
      await get().flush();
      set({ accountId: account.id, quarter, status: 'loading', error: null, result: null, resultState: 'idle', resultKey: null, dirty: false, saveState: 'idle', saveError: null });
      let record: AssessmentRecord | null = null;
      try {
        record = await api.call('assessments.get', { accountId: account.id, quarter });
      } catch (error) {
        if (!(error instanceof ApiClientError && error.code === 'not_found')) {
          if (request === openRequest) set({ status: 'error', error: errorMessage(error) });
          return;
        }
      }
      if (request !== openRequest) return;
      const streamModels = Object.fromEntries(streams.map((stream) => [stream.id, stream.revenueModel]));
      const fresh = freshAnswers(account, streams);
      // The account is the record for who it is; the saved answers are the record for what the CSM said.
      const saved = record
        ? { ...alignWithStreams(record.answers, streams, {}), accountName: account.name, customerSegment: account.customerSegment, buyerType: account.buyerType }
        : fresh;
      const chosen = record ? chosenFromSaved(record.answers) : { orientation: {}, path: {} };
      set({
        status: 'ready',
        answers: applySuggestions(saved, chosen),
        orientationNotes: record?.orientationNotes ?? {},
        chosen,
        streamModels,
        openedFrom: record ? { status: record.status, updatedAt: record.updatedAt } : null,
        savedAt: record?.updatedAt ?? null,
        step: record ? rememberedStep(account.id, quarter) : 0,
      });
    },

    syncStreams(streams) {
      const { status, answers, streamModels } = get();
      if (status !== 'ready') return;
      const aligned = alignWithStreams(answers, streams, streamModels);
      const nextModels = Object.fromEntries(streams.map((stream) => [stream.id, stream.revenueModel]));
      set({ streamModels: nextModels });
      if (JSON.stringify(aligned.streams) !== JSON.stringify(answers.streams)) {
        // A stream answered afresh starts from the framework's suggestions again.
        change((state) => {
          const chosen: ChosenByCsm = { orientation: { ...state.chosen.orientation }, path: { ...state.chosen.path } };
          for (const stream of streams) {
            if (streamModels[stream.id] && streamModels[stream.id] !== stream.revenueModel) {
              delete chosen.orientation[stream.id];
              delete chosen.path[stream.id];
            }
          }
          return { answers: { ...aligned, paymentEnvironments: mergeEnvironments(aligned.paymentEnvironments, streams) }, chosen };
        });
      }
    },

    setStep(step) {
      const clamped = Math.max(0, Math.min(LAST_STEP, step));
      set({ step: clamped });
      rememberStep(get().accountId, get().quarter, clamped);
    },

    updateStream(id, patch) {
      change((state) => ({ answers: updateStreamAnswer(state.answers, id, patch) }));
    },

    setBehaviourChange(value) {
      change((state) => ({ answers: { ...state.answers, behaviourChange: value } }));
    },

    setEnvironments(environments) {
      change((state) => ({ answers: { ...state.answers, paymentEnvironments: environments } }));
    },

    setStreamEnvironments(id, environments) {
      change((state) => ({
        answers: {
          ...state.answers,
          streams: state.answers.streams.map((stream) => {
            if (stream.id !== id) return stream;
            const { paymentEnvironments: _old, ...rest } = stream;
            return environments ? { ...rest, paymentEnvironments: environments } : rest;
          }),
        },
      }));
    },

    setOrientation(id, orientation) {
      change((state) => {
        const chosen = { ...state.chosen, orientation: { ...state.chosen.orientation } };
        if (orientation === 'suggested') {
          delete chosen.orientation[id];
          const orientationNotes = { ...state.orientationNotes };
          delete orientationNotes[id];
          return { chosen, orientationNotes };
        }
        chosen.orientation[id] = true;
        return { chosen, answers: updateStreamAnswer(state.answers, id, { orientation }) };
      });
    },

    setOrientationNote(id, note) {
      change((state) => ({ orientationNotes: { ...state.orientationNotes, [id]: note } }));
    },

    setPath(id, path) {
      change((state) => {
        const chosen = { ...state.chosen, path: { ...state.chosen.path } };
        if (path === 'suggested') {
          delete chosen.path[id];
          return { chosen };
        }
        chosen.path[id] = true;
        return { chosen, answers: updateStreamAnswer(state.answers, id, { pathToRevenue: path }) };
      });
    },

    setConflicts(patch) {
      change((state) => ({ answers: { ...state.answers, conflictingIncentives: { ...state.answers.conflictingIncentives, ...patch } } }));
    },

    async evaluate() {
      const { accountId, quarter, answers, orientationNotes } = get();
      if (!accountId || !quarter) return;
      const key = JSON.stringify({ answers, orientationNotes });
      set({ resultState: 'loading', resultError: null });
      try {
        const result = await api.call('assessments.evaluate', { accountId, quarter, answers, orientationNotes: cleanNotes(orientationNotes) });
        if (get().accountId !== accountId || get().quarter !== quarter) return;
        set({ result, resultState: 'ready', resultKey: key });
      } catch (error) {
        set({ resultState: 'error', resultError: errorMessage(error) });
      }
    },

    async finalize() {
      const { accountId, quarter, finalizing } = get();
      if (!accountId || !quarter || finalizing) return null;
      if (autosaveTimer) clearTimeout(autosaveTimer);
      autosaveTimer = null;
      set({ finalizing: true, saveError: null });
      // Let any draft save in flight land first, so it cannot overwrite the final record afterwards.
      await saveChain;
      const { answers, orientationNotes } = get();
      try {
        const record = await api.call('assessments.finalize', { accountId, quarter, answers, orientationNotes: cleanNotes(orientationNotes) });
        set({
          finalizing: false,
          dirty: false,
          saveState: 'saved',
          savedAt: record.updatedAt,
          openedFrom: { status: 'final', updatedAt: record.updatedAt },
          result: record.result,
          resultKey: JSON.stringify({ answers, orientationNotes }),
        });
        return record;
      } catch (error) {
        set({ finalizing: false, saveState: 'error', saveError: errorMessage(error) });
        return null;
      }
    },

    async flush() {
      if (autosaveTimer) {
        clearTimeout(autosaveTimer);
        autosaveTimer = null;
      }
      if (get().dirty) await saveDraft();
      else await saveChain;
    },
  };
});

/** Notes are only kept where something was written. */
function cleanNotes(notes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(notes).filter(([, note]) => note.trim() !== '').map(([id, note]) => [id, note.trim().slice(0, 2000)]));
}

/** Environments recorded on newly added streams join the account-level answer. */
function mergeEnvironments(current: PaymentEnvironmentKey[], streams: readonly RevenueStream[]): PaymentEnvironmentKey[] {
  const merged = new Set(current);
  for (const stream of streams) if (stream.paymentEnvironment) merged.add(stream.paymentEnvironment);
  return [...merged];
}
