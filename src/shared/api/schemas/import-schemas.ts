import { z } from 'zod';
import { idSchema } from './common';

/** A 0-based column position in the file's header row. */
const columnSchema = z.number().int().min(0).max(10_000);

/** Long files: one value per row, with account, stream, metric, month and value columns. */
export const longImportMappingSchema = z
  .object({
    format: z.literal('long'),
    /** Null when the account is forced for the whole file (`accountId` / `--account`). */
    account: columnSchema.nullable(),
    /** Null when every value is account level. */
    stream: columnSchema.nullable(),
    metric: columnSchema,
    month: columnSchema,
    value: columnSchema,
  })
  .strict();

/** Wide files: one row per account (and stream) and month, one column per metric. */
export const wideImportMappingSchema = z
  .object({
    format: z.literal('wide'),
    account: columnSchema.nullable(),
    stream: columnSchema.nullable(),
    month: columnSchema,
    metricColumns: z
      .array(z.object({ column: columnSchema, metricKey: z.string().min(1).max(100) }).strict())
      .min(1)
      .max(2_000),
  })
  .strict();

/** Which column of a CSV file holds what; columns are addressed by position so duplicate headers stay distinct. */
export const importMappingSchema = z.discriminatedUnion('format', [longImportMappingSchema, wideImportMappingSchema]);
export type ImportMapping = z.infer<typeof importMappingSchema>;
export type LongImportMapping = z.infer<typeof longImportMappingSchema>;
export type WideImportMapping = z.infer<typeof wideImportMappingSchema>;

/** Mappings the user confirmed, keyed by the header fingerprint of the file they were made for. */
export const rememberedImportMappingsSchema = z.record(z.string().max(100), importMappingSchema);

/** Where the CSV comes from: a path (Electron's file dialog, the CLI) or text (the browser harness's file picker). */
export const importSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4_096) }).strict(),
  z
    .object({
      kind: z.literal('text'),
      fileName: z.string().min(1).max(255),
      // The harness reads the whole file into memory; big files go through a path instead.
      text: z.string().max(64 * 1024 * 1024),
    })
    .strict(),
]);
export type ImportSource = z.infer<typeof importSourceSchema>;

export const decimalSeparatorSchema = z.enum(['.', ',']);
export const dayOrderSchema = z.enum(['dmy', 'mdy']);
export const importModeSchema = z.enum(['valid-rows', 'all-or-nothing']);
export type ImportMode = z.infer<typeof importModeSchema>;

const importRequestShape = {
  source: importSourceSchema,
  /** Forces every row into this account (the file's account column, if any, must then name one account only). */
  accountId: idSchema.optional(),
  /** Overrides the remembered or suggested mapping. */
  mapping: importMappingSchema.optional(),
  /** Overrides the decimal separator detected from the file. */
  decimalSeparator: decimalSeparatorSchema.optional(),
  /** Overrides the day order detected for slash dates (03/01/2026). */
  dayOrder: dayOrderSchema.optional(),
};

export const importPreviewInputSchema = z
  .object({ ...importRequestShape, maxErrors: z.number().int().min(0).max(1_000).optional() })
  .strict();
export type ImportPreviewInput = z.infer<typeof importPreviewInputSchema>;

export const importStartInputSchema = z.object({ ...importRequestShape, mode: importModeSchema }).strict();
export type ImportStartInput = z.infer<typeof importStartInputSchema>;

/** Row-level problems; each rejects the values of one line (or one cell of a wide row). */
export const IMPORT_ROW_ERROR_CODES = [
  'unknown_account',
  'account_conflict',
  'unknown_stream',
  'unknown_metric',
  'bad_month',
  'missing_value',
  'not_numeric',
  'negative_count',
  'percent_out_of_range',
  'out_of_range',
  'wrong_model',
  'duplicate',
  'ragged_row',
  'malformed_quotes',
] as const;
export type ImportRowErrorCode = (typeof IMPORT_ROW_ERROR_CODES)[number];

export const importRowErrorSchema = z.object({
  /** 1-based physical line in the file where the row starts. */
  line: z.number().int().min(1),
  /** The header of the offending column, when one column is to blame. */
  column: z.string().nullable(),
  code: z.enum(IMPORT_ROW_ERROR_CODES),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

/** Why a whole file was refused: nothing from it is imported. */
export const IMPORT_REFUSAL_CODES = ['phi', 'malformed', 'encoding', 'mapping', 'ambiguous_numbers', 'empty', 'unreadable', 'busy', 'internal'] as const;
export const importRefusalSchema = z.object({
  code: z.enum(IMPORT_REFUSAL_CODES),
  message: z.string(),
  line: z.number().int().min(1).nullable(),
  column: z.string().nullable(),
});
export type ImportRefusal = z.infer<typeof importRefusalSchema>;

export const importColumnRoleSchema = z.enum(['account', 'stream', 'metric', 'month', 'value', 'metric-column', 'ignored']);
export type ImportColumnRole = z.infer<typeof importColumnRoleSchema>;

/** What the mapping step shows for one header: its role, and for metric columns the key and other candidates. */
export const importColumnSchema = z.object({
  column: z.number().int(),
  header: z.string(),
  role: importColumnRoleSchema,
  metricKey: z.string().nullable(),
  /** Catalog keys the header could mean when it is ambiguous (e.g. "Enrolled members": PMPM or VBC). */
  candidates: z.array(z.string()),
});
export type ImportColumn = z.infer<typeof importColumnSchema>;

const countSchema = z.number().int().nonnegative();

/** Describes the file as read; shared by preview and result. */
const importFileShape = {
  fileName: z.string(),
  totalBytes: countSchema,
  encoding: z.string(),
  delimiter: z.string(),
  decimalSeparator: decimalSeparatorSchema,
  /** True when values such as "1.234" read two ways and the request did not choose: pass `decimalSeparator` to import. */
  decimalSeparatorAmbiguous: z.boolean(),
  dayOrder: dayOrderSchema.nullable(),
  /** True when the file starts with Excel's `sep=` line. */
  sepLine: z.boolean(),
  format: z.enum(['long', 'wide', 'unknown']),
  headers: z.array(z.string()),
  headerFingerprint: z.string(),
  mapping: importMappingSchema.nullable(),
  mappingOrigin: z.enum(['given', 'remembered', 'suggested', 'none']),
  columns: z.array(importColumnSchema),
  warnings: z.array(z.string()),
  /** How many row errors there were in all; `rowErrors` holds the first few. */
  errorCount: countSchema,
  rowErrors: z.array(importRowErrorSchema),
};

export const importPreviewSchema = z.object({
  ...importFileShape,
  /** Set when the file would be refused whole (PHI, unclosed quote, no usable mapping...). */
  refusal: importRefusalSchema.nullable(),
  counts: z.object({
    /** Data rows read (header and blank lines excluded). */
    rows: countSchema,
    /** Values found: one per long row, one per filled metric cell of a wide row. */
    values: countSchema,
    valid: countSchema,
    rejected: countSchema,
    wouldAdd: countSchema,
    wouldUpdate: countSchema,
    unchanged: countSchema,
  }),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  ...importFileShape,
  mode: importModeSchema,
  /** False when nothing was written (all-or-nothing with errors, or no valid value). */
  committed: z.boolean(),
  counts: z.object({
    rows: countSchema,
    values: countSchema,
    valid: countSchema,
    rejected: countSchema,
    added: countSchema,
    updated: countSchema,
    unchanged: countSchema,
  }),
  /** The automatic backup taken just before writing, so the import can be undone. */
  backupPath: z.string().nullable(),
  /**
   * True when the commit reused its preview's validation instead of reading the file again: the
   * same bytes and no change to the workspace since the preview (absent when it read the file).
   */
  reusedPreview: z.literal(true).optional(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importJobStateSchema = z.enum(['running', 'done', 'cancelled', 'failed']);

export const importProgressSchema = z.object({
  state: importJobStateSchema,
  rowsProcessed: countSchema,
  bytesRead: countSchema,
  totalBytes: countSchema,
  result: importResultSchema.optional(),
  error: importRefusalSchema.optional(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;
