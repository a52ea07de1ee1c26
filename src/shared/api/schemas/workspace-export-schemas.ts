import { z } from 'zod';

/*
 * The whole-workspace export file (`qbr export`, Export in the app): one JSON document, versioned,
 * with a published JSON Schema generated from these zod schemas
 * (resources/schemas/workspace-export.schema.json; `npm run schemas` regenerates it and a test
 * fails when it is stale). Rows keep the database's own ids and timestamps so an export restores
 * exactly. Framework keys (segments, models, archetypes) are plain strings here so the published
 * schema stays stable as the catalog grows; the importer checks them against this app's catalog.
 */

/** Identifies the file type; a reader refuses anything else. */
export const WORKSPACE_EXPORT_FORMAT = 'qbr-workbench-workspace';
/**
 * The format version this app writes. 2 added the audit log (`auditLog`); a reader of version 2
 * still reads version 1 files (they restore with an empty audit log). Bumped when the layout
 * changes; READABLE_EXPORT_FORMAT_VERSIONS lists what this app reads.
 */
export const WORKSPACE_EXPORT_FORMAT_VERSION = 2;
/** Every format version this app restores. */
export const READABLE_EXPORT_FORMAT_VERSIONS: readonly number[] = [1, 2];

const id = z.string().min(1).max(64);
const key = z.string().min(1).max(100);
const timestamp = z.string().min(1).max(40).describe('ISO 8601 timestamp as stored, e.g. 2026-11-15T10:00:00.000Z');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('Calendar date, YYYY-MM-DD');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).describe('Calendar month, YYYY-MM');
const jsonValue = z.json().describe('Any JSON value, stored as written');
// Bounds are looser than the API's own, so anything the API accepted can always be exported.
const text = (max: number) => z.string().max(max);

export const exportedAccountSchema = z
  .object({
    id,
    name: z.string().min(1).max(1_000),
    customerSegment: key,
    buyerType: key,
    notes: text(20_000),
    renewalDate: isoDate.nullable(),
    contractStartDate: isoDate.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    /** Set while the account is in the trash. */
    deletedAt: timestamp.nullable(),
  })
  .strict();

export const exportedRevenueStreamSchema = z
  .object({
    id,
    accountId: id,
    name: text(1_000),
    revenueModel: key,
    paymentEnvironment: key.nullable(),
    terms: jsonValue,
    startDate: isoDate.nullable(),
    endDate: isoDate.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

export const exportedStakeholderSchema = z
  .object({
    id,
    accountId: id,
    archetype: key,
    personName: text(1_000),
    title: text(1_000),
    email: text(1_000),
    communicationPreference: text(20_000),
    successDefinition: text(20_000),
    lastEngagedOn: isoDate.nullable(),
    isExecutiveSponsor: z.boolean(),
    isBudgetHolder: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

export const exportedAssessmentSchema = z
  .object({
    id,
    accountId: id,
    quarter: z.string().min(1).max(20),
    status: key,
    answers: jsonValue,
    revenueModels: jsonValue,
    orientations: jsonValue,
    paymentEnvironments: jsonValue,
    engagementGates: jsonValue,
    result: jsonValue,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

export const exportedGoalSchema = z
  .object({
    id,
    accountId: id,
    streamId: id.nullable(),
    title: text(1_000),
    metricKey: key.nullable(),
    unit: text(1_000),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    current: z.number().nullable(),
    dueDate: isoDate.nullable(),
    /** Added in workspace schema 5; absent in older exports (then the month the goal was created). */
    startMonth: month.nullable().default(null),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

export const exportedMetricObservationSchema = z
  .object({
    accountId: id,
    /** '' for an account-level value. */
    streamId: z.string().max(64),
    metricKey: key,
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).describe('Calendar month, YYYY-MM'),
    value: z.number(),
    source: text(1_000),
    updatedAt: timestamp,
  })
  .strict();

export const exportedDeckSchema = z
  .object({
    id,
    accountId: id,
    deckType: key,
    quarter: z.string().min(1).max(20),
    audience: jsonValue,
    filePath: text(4_096),
    planFingerprint: text(1_000),
    createdAt: timestamp,
  })
  .strict();

/** One entry of the commitments ledger (workspace schema 5). */
export const exportedCommitmentSchema = z
  .object({
    id,
    accountId: id,
    kind: key,
    text: text(1_000),
    ownerSide: key,
    ownerName: text(1_000),
    stakeholderId: id.nullable(),
    dueDate: isoDate.nullable(),
    quarterRaised: z.string().min(1).max(20),
    deckId: id.nullable(),
    proposalKey: text(1_000).nullable(),
    status: key,
    outcomeNote: text(20_000),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

/** A deck builder draft: choices and the CSM's slide edits, which next quarter's deck starts from. */
export const exportedDeckDraftSchema = z
  .object({
    accountId: id,
    deckType: key,
    audience: jsonValue,
    quarter: z.string().min(1).max(20),
    edits: jsonValue,
    audienceChosen: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

export const exportedSettingSchema = z.object({ key, value: jsonValue, updatedAt: timestamp }).strict();

/** One audit log entry (workspace schema 6, export format 2): who wrote which row, when, through which API method. */
export const exportedAuditEntrySchema = z
  .object({
    id,
    at: timestamp,
    actor: text(1_000),
    method: text(200),
    tableName: text(200),
    rowId: text(1_000),
    /** The row's updatedAt after the write: its version. */
    rowVersion: timestamp,
    /** The field names the write set. */
    fields: z.array(z.string().max(200)),
    /** The account the row belongs to (schema 8; absent in older exports). */
    accountId: id.nullable().optional(),
    /** The row's name when it was written (schema 8; absent in older exports). */
    rowLabel: text(1_000).nullable().optional(),
  })
  .strict();

/** The export file. Arrays are in primary-key order, so two exports of the same data are byte-identical. */
export const workspaceExportSchema = z
  .object({
    format: z.literal(WORKSPACE_EXPORT_FORMAT),
    /** 2 (this app writes 2; 1, without the audit log, still restores). */
    formatVersion: z.union([z.literal(1), z.literal(WORKSPACE_EXPORT_FORMAT_VERSION)]),
    /** The workspace schema version (PRAGMA user_version) the data was exported from. */
    schemaVersion: z.number().int().min(1),
    appVersion: z.string().max(50),
    exportedAt: timestamp,
    accounts: z.array(exportedAccountSchema),
    revenueStreams: z.array(exportedRevenueStreamSchema),
    stakeholders: z.array(exportedStakeholderSchema),
    assessments: z.array(exportedAssessmentSchema),
    goals: z.array(exportedGoalSchema),
    metricObservations: z.array(exportedMetricObservationSchema),
    decks: z.array(exportedDeckSchema),
    /** Added in workspace schema 5; absent in older exports. */
    commitments: z.array(exportedCommitmentSchema).default([]),
    /** Added in workspace schema 5; absent in older exports. */
    deckDrafts: z.array(exportedDeckDraftSchema).default([]),
    settings: z.array(exportedSettingSchema),
    /** Added in export format 2; absent in format 1 files. */
    auditLog: z.array(exportedAuditEntrySchema).default([]),
  })
  .strict()
  .meta({
    title: 'QBR Workbench workspace export',
    description: 'Every account, revenue stream, stakeholder, assessment, goal, metric observation, deck record, commitment, deck draft, setting and audit log entry of one QBR Workbench workspace.',
  });
export type WorkspaceExport = z.infer<typeof workspaceExportSchema>;

/** The tables an export carries, in the order they are written on import (parents first). */
export const EXPORT_TABLE_KEYS = [
  'accounts',
  'revenueStreams',
  'stakeholders',
  'assessments',
  'goals',
  'metricObservations',
  'decks',
  'commitments',
  'deckDrafts',
  'settings',
  'auditLog',
] as const;
export type ExportTableKey = (typeof EXPORT_TABLE_KEYS)[number];

/** The JSON Schema published in resources/schemas/workspace-export.schema.json. */
export function workspaceExportJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(workspaceExportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema: generated.$schema, $id: 'https://qbrworkbench.example/schemas/workspace-export-v2.schema.json', ...generated };
}

export const IMPORT_MODES = ['merge', 'replace'] as const;
/** merge: add new rows and update rows with the same id, keep the rest. replace: the workspace becomes exactly the file. */
export type ImportMode = (typeof IMPORT_MODES)[number];

export const MERGE_CONFLICT_RULES = ['keep-newer', 'take-file'] as const;
/**
 * What a merge does with a row both sides have but that differs: keep-newer (default) compares
 * updatedAt and keeps the newer copy, and never revives an account deleted here since; take-file
 * makes the file's copy win (the old behaviour), reviving too.
 */
export type MergeConflictRule = (typeof MERGE_CONFLICT_RULES)[number];

const tableChangeSchema = z.object({
  added: z.number().int().nonnegative(),
  /** Rows the import overwrites with the file's copy. */
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  /** Merge: rows that differ but are kept as they are here, because this workspace's copy is newer (or deleted since). */
  kept: z.number().int().nonnegative(),
});
export type TableChange = z.infer<typeof tableChangeSchema>;

/** One existing row a merge would overwrite, revive, or keep because it is newer here. */
export const rowChangeSchema = z.object({
  table: z.enum(EXPORT_TABLE_KEYS),
  /** The row's key as the database holds it (an id; for observations account/stream/metric/month). */
  key: z.string(),
  /** What a person recognises it by: an account's name, a stakeholder's, a metric and month. */
  label: z.string(),
  /** overwrite: the file's copy differs; revive: the file has it live, it was deleted here since. */
  change: z.enum(['overwrite', 'revive']),
  fileUpdatedAt: z.string(),
  workspaceUpdatedAt: z.string(),
  /** What the import does: take the file's copy, or keep this workspace's. */
  resolution: z.enum(['take-file', 'keep-workspace']),
});
export type RowChange = z.infer<typeof rowChangeSchema>;

/** What an import would change, per table, and why it cannot go ahead if it cannot. */
export const importPreviewSchema = z.object({
  mode: z.enum(IMPORT_MODES),
  tables: z.object(Object.fromEntries(EXPORT_TABLE_KEYS.map((k) => [k, tableChangeSchema])) as Record<ExportTableKey, typeof tableChangeSchema>),
  /** Reasons the import would fail (name clashes, rows pointing at missing accounts, unknown keys); empty when it can go ahead. */
  problems: z.array(z.string()),
  /** Merge: how differing rows are settled. */
  conflicts: z.enum(MERGE_CONFLICT_RULES),
  /** Merge: every existing row the file differs from, and what the import does with it (the first 1,000). */
  rowChanges: z.array(rowChangeSchema),
  /** How many more such rows there are beyond the listed ones. */
  rowChangesOmitted: z.number().int().nonnegative(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
