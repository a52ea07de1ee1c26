import fs from 'node:fs';
import path from 'node:path';
import { ApiFailure } from '../../../shared/api/errors';
import type { DeckOutline } from '../../../shared/api/schemas/deck-schemas';
import type { AppSettings } from '../../../shared/api/schemas/settings-schemas';
import { DEFAULT_BRAND, type BrandSettings, type DeckDocument } from '../../../shared/deck/deck-document';
import { applyDeckEdits, composeDeckPlan, deckDocumentFromPlan, planFingerprint, type DeckPlan, type DeckPlanEditsInput, type DeckType } from '../../../shared/deck-plan';
import { lintDeckPlan, type DeckLintFinding } from '../../../shared/deck-plan/deck-lint';
import type { ArchetypeKey } from '../../../shared/framework/keys';
import type { ServiceDeps } from '../service-deps';
import type { AcceptedCommitment } from '../../../shared/api/schemas/commitment-schemas';
import { recordAcceptedCommitments } from '../commitments/commitments-ledger';
import { insertDeck } from '../../storage/db/repositories/decks-repository';
import type { AccountRow } from '../../storage/db/tables/accounts-table';
import { paginateDeck } from '../../render/deck-pages';
import { writeFileAtomic } from '../../storage/files/atomic-write';
import { loadAppSettings } from '../../storage/settings/app-settings';
import { defaultQuarter, loadDeckPlanInput } from './deck-plan-inputs';

/*
 * Plans, renders and writes decks. Rendering is injected: the app and CLI render on a worker thread
 * so the main process never stalls; tests may render in-process.
 */

/** Turns a document into .pptx bytes. */
export type RenderDeckFn = (document: DeckDocument) => Promise<Buffer>;

export interface DeckServiceDeps extends ServiceDeps {
  render: RenderDeckFn;
}

export interface DeckJobRequest {
  audience: ArchetypeKey[];
  deckType: DeckType;
  quarter?: string | undefined;
  edits?: DeckPlanEditsInput | undefined;
  /** The proposals the CSM accepted: the slides say these, and an export saves them in the ledger. */
  commitments?: AcceptedCommitment[] | undefined;
}

/** A checked target and a planned deck, ready to render (see prepareExport). */
export interface PreparedExport {
  account: AccountRow;
  target: string;
  planned: PlannedDeck;
  /** Saved in the commitments ledger with the deck record. */
  commitments: AcceptedCommitment[];
}

export interface PlannedDeck {
  plan: DeckPlan;
  document: DeckDocument;
  fingerprint: string;
  /** What keeps the deck from being customer-ready (src/shared/deck-plan/deck-lint.ts); empty when nothing does. */
  lint: DeckLintFinding[];
}

/** The brand from settings over the defaults; the company name comes from the general settings. */
export function brandFromSettings(settings: AppSettings): BrandSettings {
  const { brand } = settings;
  return {
    ...DEFAULT_BRAND,
    companyName: settings.companyName,
    ...(brand.primaryColor ? { primaryColor: brand.primaryColor.toUpperCase() } : {}),
    ...(brand.secondaryColor ? { secondaryColor: brand.secondaryColor.toUpperCase() } : {}),
    ...(brand.fontHeading ? { fontHeading: brand.fontHeading } : {}),
    ...(brand.fontBody ? { fontBody: brand.fontBody } : {}),
    ...(brand.logoPng ? { logoPng: brand.logoPng } : {}),
  };
}

/** The deck's outline as the API returns it. */
export function deckOutline(planned: PlannedDeck): DeckOutline {
  const { plan } = planned;
  return {
    accountId: plan.accountId,
    accountName: plan.accountName,
    deckType: plan.deckType,
    quarter: plan.quarter,
    reportMonth: plan.reportMonth,
    audience: plan.audience.map((m) => ({ archetype: m.archetype, archetypeName: m.archetypeName, personName: m.personName, label: m.label })),
    orientation: plan.orientation,
    orientationReason: plan.orientationReason,
    assessmentStatus: plan.assessmentStatus,
    fingerprint: planned.fingerprint,
    renderedSlideCount: paginateDeck(planned.document).length,
    slides: plan.slides.map((slide) => ({
      id: slide.id,
      section: slide.section,
      kind: slide.content.kind,
      title: slide.content.title,
      subtitle: slide.content.subtitle ?? null,
      notes: slide.content.notes ?? null,
      reason: slide.reason,
      charts: slide.content.kind === 'chart' ? [slide.content.chart] : [],
    })),
    evidenceGaps: plan.evidenceGaps,
    missingProof: plan.missingProof.map(({ gaps: _gaps, ...proof }) => proof),
    notices: plan.notices,
    prepBrief: plan.prepBrief,
    lint: planned.lint,
    proposedCommitments: plan.proposedCommitments,
  };
}

/** The deck service of one workspace. */
export function createDeckService(deps: DeckServiceDeps) {
  const { workspace, now, newId, render } = deps;
  const today = () => now().toISOString().slice(0, 10);

  async function planFor(account: AccountRow, request: DeckJobRequest, settings?: AppSettings): Promise<PlannedDeck> {
    const loaded = settings ?? (await loadAppSettings(workspace.db));
    const input = await loadDeckPlanInput(workspace, account, { audience: request.audience, deckType: request.deckType, quarter: request.quarter ?? defaultQuarter(today()), today: today() }, loaded);
    const plan = applyDeckEdits(composeDeckPlan(request.commitments ? { ...input, agreedCommitments: request.commitments } : input), request.edits ?? {});
    return { plan, document: deckDocumentFromPlan(plan, brandFromSettings(loaded)), fingerprint: planFingerprint(plan), lint: lintDeckPlan(plan, input) };
  }

  /**
   * The first half of an export: checks the target and plans the deck (main thread, database
   * reads). A portfolio export plans the next deck while the worker renders this one.
   */
  async function prepareExport(account: AccountRow, request: DeckJobRequest, filePath: string, overwrite: boolean, settings?: AppSettings): Promise<PreparedExport> {
    const target = path.resolve(filePath);
    if (!overwrite && fs.existsSync(target)) {
      throw new ApiFailure('conflict', `${path.basename(target)} already exists. Choose another name, or confirm replacing it.`, { filePath: target });
    }
    return { account, target, planned: await planFor(account, request, settings), commitments: request.commitments ?? [] };
  }

  /** The second half: renders, writes the file atomically and records the deck. */
  async function finishExport({ account, target, planned, commitments }: PreparedExport) {
    const bytes = await render(planned.document);
    await writeFileAtomic(target, bytes);
    const deckId = newId();
    await insertDeck(workspace.db, {
      id: deckId,
      accountId: account.id,
      deckType: planned.plan.deckType,
      quarter: planned.plan.quarter,
      audienceJson: JSON.stringify(planned.plan.audience.map((m) => m.archetype)),
      filePath: target,
      planFingerprint: planned.fingerprint,
      createdAt: now().toISOString(),
    });
    const commitmentsSaved = await recordAcceptedCommitments(workspace.db, { now, newId }, { accountId: account.id, quarter: planned.plan.quarter, deckId }, commitments);
    return { deckId, filePath: target, slideCount: paginateDeck(planned.document).length, fingerprint: planned.fingerprint, commitmentsSaved };
  }

  /**
   * Renders and writes one deck, then records it. An existing file is a 'conflict' unless
   * `overwrite`; the write is atomic, so a failure leaves any existing file as it was.
   */
  async function exportDeck(account: AccountRow, request: DeckJobRequest, filePath: string, overwrite: boolean, settings?: AppSettings) {
    return finishExport(await prepareExport(account, request, filePath, overwrite, settings));
  }

  return { planFor, exportDeck, prepareExport, finishExport };
}

export type DeckService = ReturnType<typeof createDeckService>;
