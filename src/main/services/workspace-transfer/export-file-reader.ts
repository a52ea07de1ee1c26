import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { ApiFailure } from '../../../shared/api/errors';
import {
  EXPORT_TABLE_KEYS,
  WORKSPACE_EXPORT_FORMAT,
  READABLE_EXPORT_FORMAT_VERSIONS,
  WORKSPACE_EXPORT_FORMAT_VERSION,
  workspaceExportSchema,
  type ExportTableKey,
  type WorkspaceExport,
} from '../../../shared/api/schemas/workspace-export-schemas';
import { LATEST_SCHEMA_VERSION } from '../../storage/db/migrations';
import { openObservationStage, type ObservationStage } from '../../storage/db/observation-stage';
import { JsonMembersError, readJsonMembers } from '../../storage/files/json-members-reader';
import { EXPORT_ROW_SCHEMAS } from './workspace-export';

/*
 * Reading an export back, streaming: the file is read a block at a time and each row is checked
 * against its export schema as it arrives. Metric values (the table that runs to millions) go to
 * an ObservationStage on disk; the other tables, a few thousand rows at most, are kept as rows.
 * No step holds the file as one string, so whatever `qbr export` wrote can be restored.
 */

/** An export file, read and checked row by row. Close it when done. */
export interface StagedExport {
  /** Every table but metric values, as the file has them (metricObservations is empty here). */
  data: WorkspaceExport;
  /** The file's metric values, on disk. */
  observations: ObservationStage;
  /** Keys the file lists more than once among its metric values (the first few). */
  duplicateObservationKeys: string[];
  close(): void;
}

type TableKey = ExportTableKey;
const HEADER_KEYS = ['format', 'formatVersion', 'schemaVersion', 'appVersion', 'exportedAt'] as const;
type HeaderKey = (typeof HEADER_KEYS)[number];
const isTable = (key: string): key is TableKey => (EXPORT_TABLE_KEYS as readonly string[]).includes(key);
const isHeader = (key: string): key is HeaderKey => (HEADER_KEYS as readonly string[]).includes(key);

/** The first thing wrong with the file's content, reported once the whole file is known (a newer app's file is refused as such first). */
interface Issue {
  path: (string | number)[];
  message: string;
  unknownKeys?: string[];
}

const MAX_DUPLICATES_LISTED = 20;

/**
 * Reads and checks an export file. Anything that is not a readable export of a format this app
 * understands is `invalid_input` with the first problem named; nothing is written anywhere.
 * @example const staged = await readWorkspaceExportFile('/tmp/export.json'); try { ... } finally { staged.close(); }
 */
export async function readWorkspaceExportFile(filePath: string, nativeBinding?: string): Promise<StagedExport> {
  const absolute = path.resolve(filePath);
  const label = path.basename(absolute);
  const stat = await fs.promises.stat(absolute).catch(() => null);
  if (!stat?.isFile()) throw new ApiFailure('not_found', `There is no file at ${absolute}.`, { path: absolute });

  const header: Partial<Record<HeaderKey, unknown>> = {};
  const tables: Partial<Record<TableKey, unknown[]>> = {};
  const present = new Set<string>();
  let issue: Issue | null = null;
  const note = (found: Issue) => void (issue ??= found);
  const duplicateObservationKeys: string[] = [];
  const stage = openObservationStage(nativeBinding);
  try {
    await readJsonMembers(absolute, (event) => {
      if (event.kind === 'arrayEnd') return;
      const key = event.key;
      if (event.kind === 'element') {
        if (!isTable(key) || issue) return; // an unknown member is noted at its start; after a problem the rest is only read
        const parsed = (EXPORT_ROW_SCHEMAS[key] as z.ZodType).safeParse(event.value);
        if (!parsed.success) return note(issueOf(parsed.error, [key, event.index]));
        if (key !== 'metricObservations') return void tables[key]!.push(parsed.data);
        const row = parsed.data as WorkspaceExport['metricObservations'][number];
        if (!stage.add(row) && duplicateObservationKeys.length < MAX_DUPLICATES_LISTED) {
          duplicateObservationKeys.push(JSON.stringify([row.accountId, row.streamId, row.metricKey, row.month]));
        }
        return;
      }
      if (present.has(key)) return note({ path: [key], message: 'appears twice' });
      present.add(key);
      if (isTable(key)) {
        if (event.kind === 'arrayStart') tables[key] = [];
        else note({ path: [key], message: `expected an array, found ${JSON.stringify(event.value)?.slice(0, 40)}` });
      } else if (isHeader(key)) {
        if (event.kind === 'value') header[key] = event.value;
        else note({ path: [key], message: 'expected a single value, found an array' });
      } else {
        note({ path: [], message: `unknown field ${key}`, unknownKeys: [key] });
      }
    });
  } catch (error) {
    stage.close();
    if (error instanceof JsonMembersError) {
      if (error.reason === 'notObject') throw new ApiFailure('invalid_input', `${label} is not a QBR Workbench workspace export.`);
      throw new ApiFailure('invalid_input', `${label} is not a JSON file (${error.message}).`, { path: absolute });
    }
    throw error;
  }

  try {
    checkHeader(header, label);
    for (const key of HEADER_KEYS) {
      const parsed = (workspaceExportSchema.shape[key] as z.ZodType).safeParse(header[key]);
      if (!parsed.success) note(issueOf(parsed.error, [key]));
    }
    for (const key of EXPORT_TABLE_KEYS) {
      // Format 1 (before the audit log was exported) has no auditLog: it restores with none.
      if (key === 'auditLog' && header.formatVersion === 1 && !present.has(key)) tables[key] = [];
      else if (!present.has(key)) note({ path: [key], message: 'missing (expected an array)' });
    }
    if (issue) throw issueFailure(issue, label, header.schemaVersion);
  } catch (error) {
    stage.close();
    throw error;
  }
  const data = Object.fromEntries([
    ...HEADER_KEYS.map((key) => [key, header[key]]),
    ...EXPORT_TABLE_KEYS.map((key) => [key, key === 'metricObservations' ? [] : tables[key]]),
  ]) as WorkspaceExport;
  return { data, observations: stage, duplicateObservationKeys, close: () => stage.close() };
}

/** Not an export, another format version, or a newer app's file: refused before its rows are judged. */
function checkHeader(header: Partial<Record<HeaderKey, unknown>>, label: string): void {
  if (header.format !== WORKSPACE_EXPORT_FORMAT) throw new ApiFailure('invalid_input', `${label} is not a QBR Workbench workspace export.`);
  if (!READABLE_EXPORT_FORMAT_VERSIONS.includes(header.formatVersion as number)) {
    throw new ApiFailure(
      'invalid_input',
      `${label} uses export format ${String(header.formatVersion)}; this app reads formats ${READABLE_EXPORT_FORMAT_VERSIONS.join(' and ')} (it writes ${WORKSPACE_EXPORT_FORMAT_VERSION}).`,
    );
  }
  // A newer app may add fields and tables this one cannot judge: refuse it as newer, whatever else the file holds.
  const schemaVersion = header.schemaVersion;
  if (typeof schemaVersion === 'number' && schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new ApiFailure(
      'invalid_input',
      `${label} was exported by a newer version of QBR Workbench (workspace schema ${schemaVersion}; this app knows up to ${LATEST_SCHEMA_VERSION}). Update the app to import it; nothing was changed.`,
      { fileSchemaVersion: schemaVersion, appSchemaVersion: LATEST_SCHEMA_VERSION },
    );
  }
}

function issueOf(error: z.ZodError, prefix: (string | number)[]): Issue {
  const first = error.issues.find((i) => i.code === 'unrecognized_keys') ?? error.issues[0]!;
  return {
    path: [...prefix, ...first.path.map((p) => (typeof p === 'number' ? p : String(p)))],
    message: first.message,
    ...(first.code === 'unrecognized_keys' ? { unknownKeys: first.keys } : {}),
  };
}

function issueFailure(issue: Issue, label: string, schemaVersion: unknown): ApiFailure {
  const issues = [{ path: issue.path.map(String), message: issue.message }];
  if (issue.unknownKeys) {
    // Not written by this app (it never writes a field it does not know): refuse rather than drop data silently.
    return new ApiFailure(
      'invalid_input',
      `${label} has a field this version of QBR Workbench does not know (${where(issue.path)}: ${issue.unknownKeys.join(', ')}), although it claims workspace schema ${String(schemaVersion)}. It was edited by hand or written by another program; remove the field, or import it with the app that wrote it. Nothing was changed.`,
      { issues },
    );
  }
  return new ApiFailure('invalid_input', `${label} does not match the workspace export schema (${issue.path.join('.')}: ${issue.message}).`, { issues });
}

/** A path as a person reads it: accounts[2].name. */
function where(pathParts: readonly (string | number)[]): string {
  return pathParts.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${part}`)).join('') || 'the top level';
}
