import { randomUUID } from 'node:crypto';
import { defaultActor } from './default-actor';
import { createApiHandlers, type ApiHandlers } from './api-handlers';
import { createBackendClient, type BackendClient } from './backend-client';
import { createDispatcher, type ApiDispatcher } from './dispatch';
import type { HandlerDeps } from './handler-deps';
import { APP_VERSION } from './app-version';
import { writeSqliteBackup } from '../storage/workspace/backup-files';
import { findNewestGoodBackup, type BackupEntry } from '../storage/workspace/backups';
import { openWorkspace, type OpenWorkspaceOptions, type Workspace } from '../storage/workspace/open-workspace';
import { ApiFailure } from '../../shared/api/errors';
import { requireWorkspaceFile } from '../storage/workspace/file-only';
import { openWriteLockProbe, waitForWriteLock } from '../storage/db/write-lock';
import { createBulkWriteGate } from './bulk-write-gate';
import { DEFAULT_BULK_WRITE_WAIT_MS, DEFAULT_EXTERNAL_WRITER_WAIT_MS, withWriteTurns } from './write-turns';

export interface Backend {
  workspace: Workspace;
  handlers: ApiHandlers;
  /** Validating entry point for untrusted transports (IPC, HTTP). */
  dispatch: ApiDispatcher;
  /** Typed, validated calls for in-process callers (CLI, scripts). */
  client: BackendClient;
  /** Copies the open workspace to `outPath` with SQLite's backup API (CLI `qbr backup`). */
  writeBackup(outPath: string): Promise<void>;
  close(): Promise<void>;
}

export interface BackendOptions {
  workspacePath: string;
  transport: HandlerDeps['transport'];
  now?: () => Date;
  newId?: () => string;
  nativeBinding?: string;
  log?: (message: string) => void;
  /** Set by the backend host so the workspace methods can switch files; see backend-host.ts. */
  workspaceControl?: HandlerDeps['workspaceControl'];
  hostServices?: HandlerDeps['hostServices'];
  /** 'refuse': a missing file is `not_found` and nothing is created (read commands). Default 'create'. */
  ifMissing?: OpenWorkspaceOptions['ifMissing'];
  /** Which file paths calls may use; by default decided by the transport (see path-policy.ts). */
  pathPolicy?: HandlerDeps['pathPolicy'];
  /** How long a write waits behind another program's write before failing as `busy` (default 10 s). */
  externalWriterWaitMs?: number;
  /** How long a write waits behind this app's own import or restore before failing as `busy` (default 2 min). */
  bulkWriteWaitMs?: number;
  /** Who writes through this backend, for the audit log: default QBR_USER, else the OS user name. */
  actor?: string;
  /** When to check the file's integrity at open (see openWorkspace); the default checks only after an unclean shutdown. */
  integrityCheck?: OpenWorkspaceOptions['integrityCheck'];
  /** A team workspace's password, kept apart from `workspacePath` (which is shown and remembered). */
  workspacePassword?: string;
}

/** Opens the workspace and wires the handler table; the one place every transport starts from. */
export async function openBackend(options: BackendOptions): Promise<Backend> {
  const now = options.now ?? (() => new Date());
  const workspace = await openWorkspace(options.workspacePath, { now, nativeBinding: options.nativeBinding, ifMissing: options.ifMissing, password: options.workspacePassword, ...(options.integrityCheck ? { integrityCheck: options.integrityCheck } : {}) }).catch((error: unknown) => {
    throw withNewestGoodBackup(error, options.workspacePath, options.nativeBinding);
  });
  // Waits for the write lock happen asynchronously (write-turns.ts); SQLite's own wait would
  // freeze the whole backend, including an import of ours it was waiting for.
  // A team workspace has no file lock to wait for: PostgreSQL locks rows and queues writers itself.
  workspace.sqlite?.pragma('busy_timeout = 100');
  const probe = workspace.sqlite ? openWriteLockProbe(workspace.path, workspace.nativeBinding) : null;
  const bulkWrites = createBulkWriteGate();
  const handlers = withWriteTurns(createApiHandlers({
    workspace,
    bulkWrites,
    now,
    newId: options.newId ?? randomUUID,
    appVersion: APP_VERSION,
    actor: options.actor ?? defaultActor(),
    transport: options.transport,
    workspaceControl: options.workspaceControl,
    hostServices: options.hostServices,
    pathPolicy: options.pathPolicy,
  }), {
    gate: bulkWrites,
    waitForWriteLock: async (timeoutMs) => (probe ? waitForWriteLock(probe, timeoutMs) : true),
    ownTransactionOpen: () => workspace.sqlite?.inTransaction ?? false,
    externalWriterWaitMs: options.externalWriterWaitMs ?? DEFAULT_EXTERNAL_WRITER_WAIT_MS,
    bulkWriteWaitMs: options.bulkWriteWaitMs ?? DEFAULT_BULK_WRITE_WAIT_MS,
  });
  const dispatch = createDispatcher(handlers, options.log ?? ((message) => console.error(message)));
  return {
    workspace,
    handlers,
    dispatch,
    client: createBackendClient(dispatch),
    writeBackup: async (outPath) => {
      const file = requireWorkspaceFile(workspace, 'Backups');
      await writeSqliteBackup(file.sqlite, outPath, file.nativeBinding);
    },
    close: async () => {
      probe?.close();
      await workspace.close();
    },
  };
}

/** Codes for a workspace that exists but cannot be used as it is, where restoring a backup is the way out. */
const RESTORABLE_PROBLEMS = new Set(['workspace_corrupt', 'migration_failed']);

/**
 * A damaged workspace's failure, with the newest backup that passes verification added as
 * `details.newestGoodBackup` (null when there is none), so every transport can offer it.
 */
export function withNewestGoodBackup(error: unknown, workspacePath: string, nativeBinding: string | undefined): unknown {
  if (!(error instanceof ApiFailure) || !RESTORABLE_PROBLEMS.has(error.code)) return error;
  const newestGoodBackup: BackupEntry | null = findNewestGoodBackup(workspacePath, nativeBinding);
  return new ApiFailure(error.code, error.message, { ...(error.details as object | undefined), newestGoodBackup });
}

/** The newest good backup an opening failure carries (see withNewestGoodBackup); null when none or not applicable. */
export function newestGoodBackupOf(error: unknown): BackupEntry | null {
  const details = error instanceof ApiFailure ? (error.details as { newestGoodBackup?: BackupEntry | null } | undefined) : undefined;
  return details?.newestGoodBackup ?? null;
}
