import { randomUUID } from 'node:crypto';
import { createApiHandlers, type ApiHandlers } from './api-handlers';
import { createBackendClient, type BackendClient } from './backend-client';
import { createDispatcher, type ApiDispatcher } from './dispatch';
import type { HandlerDeps } from './handler-deps';
import { APP_VERSION } from './app-version';
import { writeSqliteBackup } from '../storage/workspace/backup-files';
import { openWorkspace, type Workspace } from '../storage/workspace/open-workspace';

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
}

/** Opens the workspace and wires the handler table; the one place every transport starts from. */
export async function openBackend(options: BackendOptions): Promise<Backend> {
  const now = options.now ?? (() => new Date());
  const workspace = await openWorkspace(options.workspacePath, { now, nativeBinding: options.nativeBinding });
  const handlers = createApiHandlers({
    workspace,
    now,
    newId: options.newId ?? randomUUID,
    appVersion: APP_VERSION,
    transport: options.transport,
    workspaceControl: options.workspaceControl,
    hostServices: options.hostServices,
  });
  const dispatch = createDispatcher(handlers, options.log ?? ((message) => console.error(message)));
  return {
    workspace,
    handlers,
    dispatch,
    client: createBackendClient(dispatch),
    writeBackup: (outPath) => writeSqliteBackup(workspace.sqlite, outPath, workspace.nativeBinding),
    close: () => workspace.close(),
  };
}
