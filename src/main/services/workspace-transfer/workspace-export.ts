import fs from 'node:fs';
import path from 'node:path';
import { ApiFailure } from '../../../shared/api/errors';
import type { z } from 'zod';
import {
  EXPORT_TABLE_KEYS,
  exportedAccountSchema,
  exportedAssessmentSchema,
  exportedAuditEntrySchema,
  exportedCommitmentSchema,
  exportedDeckDraftSchema,
  exportedDeckSchema,
  exportedGoalSchema,
  exportedMetricObservationSchema,
  exportedRevenueStreamSchema,
  exportedSettingSchema,
  exportedStakeholderSchema,
  WORKSPACE_EXPORT_FORMAT,
  WORKSPACE_EXPORT_FORMAT_VERSION,
  type ExportTableKey,
  type WorkspaceExport,
} from '../../../shared/api/schemas/workspace-export-schemas';
import { withReadSnapshot, type WorkspaceRows } from '../../storage/db/repositories/workspace-rows-repository';
import { replaceFileAtomic } from '../../storage/files/atomic-write';
import type { Workspace } from '../../storage/workspace/open-workspace';

type ExportRows = { [T in ExportTableKey]: WorkspaceExport[T] };

/** Database rows → export rows: JSON columns parsed, 0/1 flags as booleans. */
export function rowsToExport(rows: WorkspaceRows): ExportRows {
  return {
    accounts: rows.accounts.map((r) => ({
      id: r.id,
      name: r.name,
      customerSegment: r.customerSegment,
      buyerType: r.buyerType,
      notes: r.notes,
      renewalDate: r.renewalDate,
      contractStartDate: r.contractStartDate,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      deletedAt: r.deletedAt,
    })),
    revenueStreams: rows.revenueStreams.map((r) => ({
      id: r.id,
      accountId: r.accountId,
      name: r.name,
      revenueModel: r.revenueModel,
      paymentEnvironment: r.paymentEnvironment,
      terms: parseJsonColumn(r.termsJson, 'revenue_streams.terms_json', r.id),
      startDate: r.startDate,
      endDate: r.endDate,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
    stakeholders: rows.stakeholders.map((r) => ({
      id: r.id,
      accountId: r.accountId,
      archetype: r.archetype,
      personName: r.personName,
      title: r.title,
      email: r.email,
      communicationPreference: r.communicationPreference,
      successDefinition: r.successDefinition,
      lastEngagedOn: r.lastEngagedOn,
      isExecutiveSponsor: r.isExecutiveSponsor !== 0,
      isBudgetHolder: r.isBudgetHolder !== 0,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
    assessments: rows.assessments.map((r) => ({
      id: r.id,
      accountId: r.accountId,
      quarter: r.quarter,
      status: r.status,
      answers: parseJsonColumn(r.answersJson, 'assessments.answers_json', r.id),
      revenueModels: parseJsonColumn(r.revenueModelsJson, 'assessments.revenue_models_json', r.id),
      orientations: parseJsonColumn(r.orientationsJson, 'assessments.orientations_json', r.id),
      paymentEnvironments: parseJsonColumn(r.paymentEnvironmentsJson, 'assessments.payment_environments_json', r.id),
      engagementGates: parseJsonColumn(r.engagementGatesJson, 'assessments.engagement_gates_json', r.id),
      result: parseJsonColumn(r.resultJson, 'assessments.result_json', r.id),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
    goals: rows.goals.map((r) => ({
      id: r.id,
      accountId: r.accountId,
      streamId: r.streamId,
      title: r.title,
      metricKey: r.metricKey,
      unit: r.unit,
      baseline: r.baseline,
      target: r.target,
      current: r.current,
      dueDate: r.dueDate,
      startMonth: r.startMonth,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
    metricObservations: rows.metricObservations.map((r) => ({
      accountId: r.accountId,
      streamId: r.streamId,
      metricKey: r.metricKey,
      month: r.month,
      value: r.value,
      source: r.source,
      updatedAt: r.updatedAt,
    })),
    decks: rows.decks.map((r) => ({
      id: r.id,
      accountId: r.accountId,
      deckType: r.deckType,
      quarter: r.quarter,
      audience: parseJsonColumn(r.audienceJson, 'decks.audience_json', r.id),
      filePath: r.filePath,
      planFingerprint: r.planFingerprint,
      createdAt: r.createdAt,
    })),
    commitments: rows.commitments.map((r) => ({
      id: r.id,
      accountId: r.accountId,
      kind: r.kind,
      text: r.text,
      ownerSide: r.ownerSide,
      ownerName: r.ownerName,
      stakeholderId: r.stakeholderId,
      dueDate: r.dueDate,
      quarterRaised: r.quarterRaised,
      deckId: r.deckId,
      proposalKey: r.proposalKey,
      status: r.status,
      outcomeNote: r.outcomeNote,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
    deckDrafts: rows.deckDrafts.map((r) => ({
      accountId: r.accountId,
      deckType: r.deckType,
      audience: parseJsonColumn(r.audienceJson, 'deck_drafts.audience_json', `${r.accountId}/${r.quarter}`),
      quarter: r.quarter,
      edits: parseJsonColumn(r.editsJson, 'deck_drafts.edits_json', `${r.accountId}/${r.quarter}`),
      audienceChosen: r.audienceChosen !== 0,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
    settings: rows.settings.map((r) => ({ key: r.key, value: parseJsonColumn(r.valueJson, 'settings.value_json', r.key), updatedAt: r.updatedAt })),
    auditLog: rows.auditLog.map(({ fieldsJson, ...r }) => ({ ...r, fields: parseJsonColumn(fieldsJson, 'audit_log.fields_json', r.id) as string[] })),
  };
}

/** Export rows → database rows; the inverse of rowsToExport. */
export function exportToRows(data: ExportRows): WorkspaceRows {
  return {
    accounts: data.accounts.map((r) => ({ ...r })),
    revenueStreams: data.revenueStreams.map(({ terms, ...r }) => ({ ...r, termsJson: JSON.stringify(terms) })),
    stakeholders: data.stakeholders.map((r) => ({ ...r, isExecutiveSponsor: r.isExecutiveSponsor ? 1 : 0, isBudgetHolder: r.isBudgetHolder ? 1 : 0 })),
    assessments: data.assessments.map(({ answers, revenueModels, orientations, paymentEnvironments, engagementGates, result, ...r }) => ({
      ...r,
      answersJson: JSON.stringify(answers),
      revenueModelsJson: JSON.stringify(revenueModels),
      orientationsJson: JSON.stringify(orientations),
      paymentEnvironmentsJson: JSON.stringify(paymentEnvironments),
      engagementGatesJson: JSON.stringify(engagementGates),
      resultJson: JSON.stringify(result),
    })),
    goals: data.goals.map((r) => ({ ...r })),
    metricObservations: data.metricObservations.map((r) => ({ ...r })),
    decks: data.decks.map(({ audience, ...r }) => ({ ...r, audienceJson: JSON.stringify(audience) })),
    commitments: data.commitments.map((r) => ({ ...r })),
    deckDrafts: data.deckDrafts.map(({ audience, edits, audienceChosen, ...r }) => ({ ...r, audienceJson: JSON.stringify(audience), editsJson: JSON.stringify(edits), audienceChosen: audienceChosen ? 1 : 0 })),
    settings: data.settings.map(({ value, ...r }) => ({ ...r, valueJson: JSON.stringify(value) })),
    auditLog: data.auditLog.map(({ fields, accountId, rowLabel, ...r }) => ({ ...r, fieldsJson: JSON.stringify(fields), accountId: accountId ?? null, rowLabel: rowLabel ?? null })),
  };
}

export interface ExportMeta {
  schemaVersion: number;
  appVersion: string;
  exportedAt: Date;
}

export interface ExportFileResult {
  path: string;
  counts: Record<ExportTableKey, number>;
}

/** Export rows are written to disk in blocks of about this many characters, with a yield between blocks. */
const WRITE_BLOCK_CHARS = 1 << 20;

/** Row schema per table: every row is checked before it is written (so every export can be imported again) and when it is read back. */
export const EXPORT_ROW_SCHEMAS: { [T in ExportTableKey]: z.ZodType<WorkspaceExport[T][number]> } = {
  accounts: exportedAccountSchema,
  revenueStreams: exportedRevenueStreamSchema,
  stakeholders: exportedStakeholderSchema,
  assessments: exportedAssessmentSchema,
  goals: exportedGoalSchema,
  metricObservations: exportedMetricObservationSchema,
  decks: exportedDeckSchema,
  commitments: exportedCommitmentSchema,
  deckDrafts: exportedDeckDraftSchema,
  settings: exportedSettingSchema,
  auditLog: exportedAuditEntrySchema,
};

const NO_ROWS: WorkspaceRows = { accounts: [], revenueStreams: [], stakeholders: [], assessments: [], goals: [], metricObservations: [], decks: [], commitments: [], deckDrafts: [], settings: [], auditLog: [] };

/**
 * Exports the open workspace (a file or a team database) to `outPath` atomically, streaming: rows
 * are read from a read snapshot (one consistent moment of the workspace), each checked against its export schema
 * and written in blocks, so a workspace of millions of observations never becomes one string or
 * one array in memory. The file is byte for byte what JSON.stringify(document, null, 2) would give.
 */
export async function writeWorkspaceExportFile(workspace: Workspace, outPath: string, meta: Omit<ExportMeta, 'schemaVersion'>): Promise<ExportFileResult> {
  const absolute = path.resolve(outPath);
  if (absolute === workspace.path) throw new ApiFailure('invalid_input', 'The export cannot overwrite the workspace file itself.');
  const counts = Object.fromEntries(EXPORT_TABLE_KEYS.map((table) => [table, 0])) as Record<ExportTableKey, number>;
  // One consistent moment of the workspace: a read transaction on a file, REPEATABLE READ on a team database.
  await withReadSnapshot(workspace, (snapshot) =>
    replaceFileAtomic(absolute, async (tempPath) => {
      const file = await fs.promises.open(tempPath, 'wx');
      try {
        let block = '';
        const flush = async () => {
          if (block.length === 0) return;
          await file.write(block);
          block = '';
        };
        const header = {
          format: WORKSPACE_EXPORT_FORMAT,
          formatVersion: WORKSPACE_EXPORT_FORMAT_VERSION,
          schemaVersion: workspace.schemaVersion,
          appVersion: meta.appVersion,
          exportedAt: meta.exportedAt.toISOString(),
        };
        block += `{\n${Object.entries(header).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(',\n')}`;
        for (const table of EXPORT_TABLE_KEYS) {
          block += `,\n  ${JSON.stringify(table)}: [`;
          let first = true;
          for await (const row of snapshot.tableRows(table)) {
            const exported = exportRow(table, row);
            block += `${first ? '' : ','}\n    ${JSON.stringify(exported, null, 2).replace(/\n/g, '\n    ')}`;
            first = false;
            counts[table] += 1;
            if (block.length >= WRITE_BLOCK_CHARS) await flush();
          }
          block += first ? ']' : '\n  ]';
        }
        block += '\n}\n';
        await flush();
        await file.sync();
      } finally {
        await file.close();
      }
    }),
  );
  return { path: absolute, counts };
}

/** One database row as its export row, checked against the export schema. */
function exportRow<T extends ExportTableKey>(table: T, row: WorkspaceRows[T][number]): WorkspaceExport[T][number] {
  const converted = rowsToExport({ ...NO_ROWS, [table]: [row] } as WorkspaceRows)[table][0];
  const parsed = EXPORT_ROW_SCHEMAS[table].safeParse(converted);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiFailure('internal', `The workspace holds a value the export format cannot carry (${table}.${issue?.path.join('.')}: ${issue?.message}).`, {
      issues: parsed.error.issues.slice(0, 10).map((i) => ({ path: [table, ...i.path.map(String)], message: i.message })),
    });
  }
  return parsed.data;
}

/** Rows per table in an export document. */
export function countRows(document: ExportRows): Record<ExportTableKey, number> {
  return {
    accounts: document.accounts.length,
    revenueStreams: document.revenueStreams.length,
    stakeholders: document.stakeholders.length,
    assessments: document.assessments.length,
    goals: document.goals.length,
    metricObservations: document.metricObservations.length,
    decks: document.decks.length,
    commitments: document.commitments.length,
    deckDrafts: document.deckDrafts.length,
    settings: document.settings.length,
    auditLog: document.auditLog.length,
  };
}

function parseJsonColumn(text: string, column: string, rowKey: string): WorkspaceExport['settings'][number]['value'] {
  try {
    return JSON.parse(text) as WorkspaceExport['settings'][number]['value'];
  } catch {
    throw new ApiFailure('internal', `${column} of ${rowKey} is not valid JSON, so the workspace cannot be exported as it is.`);
  }
}
