import { create } from 'zustand';
import type { DeckOutline, DeckRecord } from '../../../shared/api/schemas/deck-schemas';
import type { RevenueStream } from '../../../shared/api/schemas/stream-schemas';
import type { Stakeholder } from '../../../shared/api/schemas/stakeholder-schemas';
import { NO_DECK_EDITS, type DeckPlanEdits } from '../../../shared/deck-plan/deck-edits';
import type { DeckType } from '../../../shared/deck-plan/deck-plan-types';
import type { ArchetypeKey } from '../../../shared/framework/keys';
import { api, ApiClientError } from '../api/client';
import { chooseSavePath } from '../api/file-dialogs';
import { errorMessage } from '../notify';
import { missingFolderOf } from '../api/missing-folder';
import { defaultAudience } from './audience-options';
import { deckFileName, joinPath } from './deck-file-path';
import { defaultDeckQuarter } from './deck-quarters';
import { editCount } from './outline-edits';
import { acceptedCommitments, useCommitmentReviewStore } from './commitment-review-store';
import type { CarriedEdits } from '../../../shared/api/schemas/deck-draft-schemas';

/*
 * The per-account deck builder: the choices (quarter, deck type, audience), the CSM's edits, the
 * outline planned for them, the export and the decks already written. One builder is open at a
 * time. Choices and edits are saved as a draft in the workspace (decks.saveDraft) a moment after
 * each change, so a reload or a restart reopens the account's last draft; switching to a quarter,
 * deck type or audience that has a draft of its own brings that draft's edits back.
 */

/** Wait after the last change before planning again, so typing or clicking through options plans once. */
const PLAN_DEBOUNCE_MS = 300;
/** Wait after the last change before saving the draft. */
const DRAFT_DEBOUNCE_MS = 400;

/** Why the last export failed; `missingFolder` when the folder does not exist yet and can be created. */
export type ExportProblem = { code: string; message: string; missingFolder?: string };

/** The deck just written, for "Deck saved" with Open and Show in folder. */
export interface ExportedDeck {
  deckId: string;
  filePath: string;
  slideCount: number;
}

interface DeckBuilderState {
  accountId: string | null;
  accountName: string;
  /** Loading the account, its stakeholders, streams and decks. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  stakeholders: Stakeholder[];
  streams: RevenueStream[];

  quarter: string;
  deckType: DeckType;
  audience: ArchetypeKey[];
  /** Set once the CSM picks the audience themselves, so changing the deck type no longer replaces it. */
  audienceChosen: boolean;
  edits: DeckPlanEdits;
  /** Whether the choices and edits on screen are saved as the account's draft. */
  draftStatus: 'idle' | 'saving' | 'saved' | 'error';
  draftError: string | null;
  /** Set when the edits on screen came from an earlier quarter's draft (decks.lastQuarterEdits). */
  carriedEdits: Omit<CarriedEdits, 'edits'> | null;

  /** The plan for the choices without edits: the builder arranges it by the edits itself. */
  outline: DeckOutline | null;
  /** The plan with the edits, as it will be exported: slide count and fingerprint. */
  editedOutline: DeckOutline | null;
  planStatus: 'idle' | 'planning' | 'ready' | 'error';
  planError: string | null;

  decks: DeckRecord[];
  decksError: string | null;

  outputPath: string;
  /** Set once the CSM types a path; from then on changing the choices leaves it alone. */
  outputPathChosen: boolean;
  exporting: boolean;
  /** The file exists: ask before replacing it. */
  conflict: { filePath: string; message: string } | null;
  exportProblem: ExportProblem | null;
  /** The last deck written in this builder; cleared when the choices change. */
  lastExport: ExportedDeck | null;

  open(accountId: string, options: { today: string; filesFolder: string | null }): Promise<void>;
  setQuarter(quarter: string): void;
  setDeckType(deckType: DeckType): void;
  setAudience(audience: ArchetypeKey[]): void;
  updateEdits(change: (edits: DeckPlanEdits) => DeckPlanEdits): void;
  resetEdits(): void;
  setOutputPath(path: string): void;
  /** Asks for the output path with the native save dialog (desktop app only); keeps the path when cancelled. */
  chooseOutputPath(): Promise<void>;
  /**
   * Writes the deck; without `overwrite` an existing file turns into a question (`conflict`), and
   * without `createFolder` a missing folder into an offer to create it (`exportProblem.missingFolder`).
   */
  exportDeck(overwrite?: boolean, createFolder?: boolean): Promise<void>;
  dismissConflict(): void;
  loadDecks(): Promise<void>;
}

let planTimer: ReturnType<typeof setTimeout> | null = null;
/** Increases with every planning request so a slow, older answer never replaces a newer one. */
let planSeq = 0;
/** The unedited outline must be planned again (the choices changed) on the next planning run. */
let baselineDue = false;
let workspaceFolder = '';
let draftTimer: ReturnType<typeof setTimeout> | null = null;
/** Increases with every change of quarter, deck type or audience, so a late draft lookup never lands on newer choices. */
let draftKeySeq = 0;

/** An account's deck choices, outline, drafts and export state as they start: at launch and when another account opens. */
function freshChoices() {
  return {
    deckType: 'qbr',
    audience: [],
    audienceChosen: false,
    edits: NO_DECK_EDITS,
    draftStatus: 'idle',
    draftError: null,
    carriedEdits: null,
    outline: null,
    editedOutline: null,
    planStatus: 'idle',
    planError: null,
    decks: [],
    decksError: null,
    outputPathChosen: false,
    conflict: null,
    exportProblem: null,
    lastExport: null,
  } satisfies Partial<DeckBuilderState>;
}

export const useDeckBuilderStore = create<DeckBuilderState>()((set, get) => {
  /** The output path that follows the choices until the CSM types their own. */
  const suggestedPath = (): string => {
    const { accountName, deckType, quarter, audience } = get();
    return joinPath(workspaceFolder, deckFileName({ accountName, deckType, quarter, audience }));
  };
  const followChoices = () => {
    if (!get().outputPathChosen) set({ outputPath: suggestedPath() });
  };

  /** Saves the choices and edits as the account's draft, debounced. */
  const scheduleDraftSave = () => {
    if (draftTimer) clearTimeout(draftTimer);
    set({ draftStatus: 'saving', draftError: null });
    draftTimer = setTimeout(() => {
      draftTimer = null;
      void saveDraft();
    }, DRAFT_DEBOUNCE_MS);
  };

  const saveDraft = async () => {
    const { accountId, deckType, audience, quarter, edits, audienceChosen } = get();
    if (!accountId || audience.length === 0) {
      set({ draftStatus: 'idle' });
      return;
    }
    try {
      await api.call('decks.saveDraft', { accountId, deckType, audience, quarter, edits, audienceChosen });
      if (get().accountId === accountId && draftTimer === null) set({ draftStatus: 'saved', draftError: null });
    } catch (error) {
      if (get().accountId === accountId) set({ draftStatus: 'error', draftError: errorMessage(error) });
    }
  };

  /**
   * After the quarter, deck type or audience changed: the draft saved for the new choices brings its
   * edits back; without one, the edits on screen carry over (they are keyed by slide id).
   */
  const choicesChanged = async () => {
    const seq = ++draftKeySeq;
    const { accountId, deckType, audience, quarter } = get();
    if (!accountId || audience.length === 0) return;
    try {
      const draft = await api.call('decks.getDraft', { accountId, deckType, audience, quarter });
      if (seq !== draftKeySeq || get().accountId !== accountId) return;
      if (draft) {
        set({ edits: draft.edits, carriedEdits: null });
        schedulePlan(false);
      } else {
        // A new quarter for the same audience and deck type starts from the latest earlier quarter's edits.
        const carried = await api.call('decks.lastQuarterEdits', { accountId, deckType, audience, quarter });
        if (seq !== draftKeySeq || get().accountId !== accountId) return;
        if (carried) {
          const { edits, ...about } = carried;
          set({ edits, carriedEdits: about });
          schedulePlan(false);
        } else set({ carriedEdits: null });
      }
    } catch {
      // Not finding a draft is no reason to stop: the edits on screen carry over.
    }
    if (seq === draftKeySeq) scheduleDraftSave();
  };

  /** Plans the unedited outline (choices changed) and the edited one (for the count), debounced. */
  const schedulePlan = (withBaseline: boolean) => {
    if (planTimer) clearTimeout(planTimer);
    baselineDue = baselineDue || withBaseline || get().outline === null;
    set({ planStatus: 'planning' });
    planTimer = setTimeout(() => {
      const due = baselineDue;
      baselineDue = false;
      void plan(due);
    }, PLAN_DEBOUNCE_MS);
  };

  const plan = async (baselineDue: boolean) => {
    const { accountId, audience, deckType, quarter, edits } = get();
    const withBaseline = baselineDue || get().outline === null;
    if (!accountId) return;
    const seq = ++planSeq;
    if (audience.length === 0) {
      set({ planStatus: 'error', planError: 'Choose at least one person in the room.', outline: null, editedOutline: null });
      return;
    }
    const request = { accountId, audience, deckType, quarter };
    try {
      const [outline, editedOutline] = await Promise.all([
        withBaseline ? api.call('decks.plan', request) : Promise.resolve(get().outline!),
        editCount(edits) > 0 ? api.call('decks.plan', { ...request, edits }) : null,
      ]);
      if (seq !== planSeq) return;
      set({ outline, editedOutline: editedOutline ?? outline, planStatus: 'ready', planError: null });
    } catch (error) {
      if (seq !== planSeq) return;
      set({ planStatus: 'error', planError: errorMessage(error), ...(withBaseline ? { outline: null, editedOutline: null } : {}) });
    }
  };

  return {
    accountId: null,
    accountName: '',
    status: 'idle',
    error: null,
    stakeholders: [],
    streams: [],
    quarter: '',
    ...freshChoices(),
    outputPath: '',
    exporting: false,

    async open(accountId, { today, filesFolder }) {
      workspaceFolder = filesFolder ?? '';
      const sameAccount = get().accountId === accountId && get().status === 'ready';
      if (!sameAccount) {
        planSeq++;
        set({
          accountId,
          status: 'loading',
          error: null,
          quarter: defaultDeckQuarter(today),
          ...freshChoices(),
        });
      }
      try {
        const [account, stakeholders, streams, draft] = await Promise.all([
          api.call('accounts.get', { id: accountId }),
          api.call('stakeholders.list', { accountId }),
          api.call('streams.list', { accountId }),
          sameAccount ? Promise.resolve(null) : api.call('decks.latestDraft', { accountId }),
        ]);
        if (get().accountId !== accountId) return;
        set({ accountName: account.name, stakeholders, streams, status: 'ready' });
        // The account's last draft: its choices and edits, as they were saved.
        if (draft) {
          set({ quarter: draft.quarter, deckType: draft.deckType, audience: draft.audience, audienceChosen: draft.audienceChosen, edits: draft.edits, draftStatus: 'saved' });
        }
        if (!get().audienceChosen) set({ audience: defaultAudience(stakeholders, streams, get().deckType) });
        followChoices();
        schedulePlan(true);
        void get().loadDecks();
      } catch (error) {
        if (get().accountId === accountId) set({ status: 'error', error: errorMessage(error) });
      }
    },

    setQuarter(quarter) {
      set({ quarter, exportProblem: null });
      followChoices();
      schedulePlan(true);
      void choicesChanged();
    },

    setDeckType(deckType) {
      const { audienceChosen, stakeholders, streams } = get();
      set({ deckType, exportProblem: null, ...(audienceChosen ? {} : { audience: defaultAudience(stakeholders, streams, deckType) }) });
      followChoices();
      schedulePlan(true);
      void choicesChanged();
    },

    setAudience(audience) {
      set({ audience, audienceChosen: true, exportProblem: null });
      followChoices();
      schedulePlan(true);
      void choicesChanged();
    },

    updateEdits(change) {
      set({ edits: change(get().edits) });
      schedulePlan(false);
      scheduleDraftSave();
    },

    resetEdits() {
      set({ edits: NO_DECK_EDITS });
      schedulePlan(false);
      scheduleDraftSave();
    },

    setOutputPath(outputPath) {
      set({ outputPath, outputPathChosen: outputPath.trim() !== '', exportProblem: null });
      if (outputPath.trim() === '') set({ outputPath: suggestedPath() });
    },

    async chooseOutputPath() {
      try {
        const chosen = await chooseSavePath({ title: 'Save deck as', defaultPath: get().outputPath, filters: [{ name: 'PowerPoint presentation', extensions: ['pptx'] }] });
        // Linux save dialogs do not add the extension the filter names.
        if (chosen) get().setOutputPath(chosen.toLowerCase().endsWith('.pptx') ? chosen : `${chosen}.pptx`);
      } catch (error) {
        set({ exportProblem: { code: error instanceof ApiClientError ? error.code : 'internal', message: errorMessage(error) } });
      }
    },

    async exportDeck(overwrite = false, createFolder = false) {
      const { accountId, audience, deckType, quarter, edits, outputPath, outline } = get();
      if (!accountId || get().exporting) return;
      // The proposals as the CSM accepted, edited or dropped them (CommitmentsReview).
      const commitments = acceptedCommitments(outline?.proposedCommitments ?? [], useCommitmentReviewStore.getState().choices);
      const filePath = outputPath.trim();
      if (!filePath.toLowerCase().endsWith('.pptx')) {
        set({ exportProblem: { code: 'invalid_input', message: 'The file name must end in .pptx.' } });
        return;
      }
      set({ exporting: true, conflict: null, exportProblem: null, lastExport: null });
      try {
        const result = await api.call('decks.export', { accountId, audience, deckType, quarter, edits, commitments, filePath, overwrite, createFolder });
        set({ exporting: false, lastExport: { deckId: result.deckId, filePath: result.filePath, slideCount: result.slideCount } });
        void get().loadDecks();
      } catch (error) {
        if (error instanceof ApiClientError && error.code === 'conflict') {
          set({ exporting: false, conflict: { filePath, message: error.message } });
          return;
        }
        const missingFolder = missingFolderOf(error);
        set({
          exporting: false,
          exportProblem: { code: error instanceof ApiClientError ? error.code : 'internal', message: errorMessage(error), ...(missingFolder ? { missingFolder } : {}) },
        });
      }
    },

    dismissConflict() {
      set({ conflict: null });
    },

    async loadDecks() {
      const accountId = get().accountId;
      if (!accountId) return;
      try {
        const decks = await api.call('decks.list', { accountId });
        if (get().accountId === accountId) set({ decks, decksError: null });
      } catch (error) {
        if (get().accountId === accountId) set({ decksError: errorMessage(error) });
      }
    },
  };
});
