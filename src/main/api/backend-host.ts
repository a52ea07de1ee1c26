import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { API_METHOD_NAMES } from '../../shared/api/contract';
import { ApiFailure, type ApiError } from '../../shared/api/errors';
import type { WorkspaceState } from '../../shared/api/schemas/workspace-schemas';
import type { ApiHandlers } from './api-handlers';
import { createBackendClient, type BackendClient } from './backend-client';
import { createDispatcher, type ApiDispatcher } from './dispatch';
import { fileDialogHandlers } from './handlers/file-dialog-handlers';
import { workspaceHandlers } from './handlers/workspace-handlers';
import { APP_VERSION } from './app-version';
import { newestGoodBackupOf, openBackend, withNewestGoodBackup, type Backend, type BackendOptions } from './backend';
import type { HostServices } from './host/host-services';
import { listBackups, restoreBackupFile, verifyBackup, type BackupEntry } from '../storage/workspace/backups';
import { isPostgresUrl, redactedUrl, resolveWorkspaceLocation } from '../storage/workspace/workspace-location';
import { START_UP_LIST_QUERY } from '../../shared/api/start-up-list';
import type { RecentWorkspacesStore } from './host/recent-workspaces';
import { workspaceCorrupt } from '../storage/workspace/open-workspace';
import { runInBackground, warmBackgroundThreads } from '../services/background/background-pool';
import { warmDeckRenderWorker } from '../render/render-deck-in-worker';
import { writesOpenWorkspace } from './write-targets';
import type { ApiMethodName } from '../../shared/api/contract';
import { describeWorkspace, type WorkspaceControl } from './host/workspace-control';
import { dialogPathPolicy, folderPathPolicy, openPathPolicy, type PathPolicy } from './host/path-policy';
import { createMemoryPasswordStore, type TeamPasswordStore } from './host/team-passwords';
import { createTeamConnector } from './host/team-workspace-connect';
import { scheduleStartUpChores, type StartUpChores, type StartUpChoresOptions } from './host/start-up-chores';
import { rowsFirst } from './host/rows-first';

/**
 * A cleanly closed file up to this size is checked as soon as it opens: milliseconds, so a damaged
 * one shows the recovery screen before the window asks for anything. A bigger one (a 2,000-account
 * workspace: about a second of a core) waits for the window's start-up calls (start-up-chores.ts).
 */
export const CHECK_AT_ONCE_MAX_BYTES = 16 * 1024 * 1024;

/** How long closing a workspace (the app stopping, a switch, a restore) waits at most for the calls being answered. */
const CLOSE_WAITS_FOR_CALLS_MS = 5_000;

export interface BackendHostOptions extends Omit<BackendOptions, 'workspacePath' | 'workspaceControl' | 'hostServices' | 'pathPolicy'> {
  /** Where the recent-workspaces list lives (outside any workspace). */
  recent: RecentWorkspacesStore;
  hostServices?: HostServices;
  /** Browser harness: folders besides the start-up workspace's own that typed paths may reach (`npm run web -- --allow-dir DIR`). */
  allowedFolders?: readonly string[];
  /** Where team workspace passwords are kept: the desktop app passes its safeStorage-backed store; default in memory until the process ends. */
  teamPasswords?: TeamPasswordStore;
  /** When the background work of a newly opened workspace starts; tests shorten the waits (see start-up-chores.ts). */
  startUp?: StartUpChoresOptions & { checkAtOnceMaxBytes?: number };
}

/**
 * Holds whichever workspace is open and gives every transport one stable entry point. The
 * Electron IPC handler and the browser harness call `host.dispatch`; `workspace.open`,
 * `workspace.create` and `workspace.restoreBackup` swap the backend underneath.
 */
export interface BackendHost {
  /** Validating entry point for untrusted transports; delegates to the open workspace's backend. */
  dispatch: ApiDispatcher;
  client: BackendClient;
  /** The open backend, or null while no workspace is open (the last one was damaged or refused). */
  current(): Backend | null;
  /**
   * Opens the start-up workspace (creating it if it does not exist). A damaged, newer or foreign
   * file does not throw: the host records the problem, so the UI can offer a backup or another file.
   */
  start(workspacePath: string): Promise<WorkspaceState>;
  state(): WorkspaceState;
  /**
   * Starts the background integrity check of the open workspace if it is still waiting, and settles
   * when it has finished (at once when none is due). A file that was closed cleanly opens without
   * waiting for PRAGMA quick_check; the check then runs on a background thread — a big file's once
   * the window's start-up calls are answered (start-up-chores.ts) —, a write starts it at once and
   * waits for it, and a damaged file is closed and reported exactly as a refused start would be
   * (workspace_corrupt, newest good backup).
   */
  integrityCheck(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Creates a host with no workspace open yet; call `start` next.
 * @example const host = createBackendHost({ transport: 'web-harness', recent }); await host.start(dbPath);
 */
export function createBackendHost(options: BackendHostOptions): BackendHost {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string) => console.error(message));
  let backend: Backend | null = null;
  /** The background integrity check of the open backend, while it runs. */
  let checking: Promise<void> | null = null;
  /** The open backend's background work, until it has started (see start-up-chores.ts). */
  let startUpChores: StartUpChores | null = null;
  /** The workspace that failed to open, and why. */
  let failedPath: string | null = null;
  let problem: ApiError | null = null;
  let newestGoodBackup: BackupEntry | null = null;
  // Switches run one at a time, so two quick clicks cannot open two files over each other.
  let switching: Promise<unknown> = Promise.resolve();

  /** Calls being answered, by a token of each, with the backend they were asked of: closing or leaving it waits for them. */
  const inFlight = new Map<object, { answered: Promise<unknown>; on: Backend | null }>();
  /** The token of the call a piece of work runs for (see exclusive). */
  const currentCall = new AsyncLocalStorage<object>();
  /**
   * Calls that switch workspaces (see exclusive): a switch does not wait for the call that asked
   * for it, nor for one queued behind it, which waits for it in turn.
   */
  const switchingCalls = new Set<object>();

  /**
   * Resolves once the calls in flight on `leaving` (all of them when undefined), switches apart,
   * have been answered: a window still loading when the app stops, or when it switches workspaces,
   * gets its answers, not "Something went wrong" (at most CLOSE_WAITS_FOR_CALLS_MS).
   */
  function callsAnswered(leaving?: Backend | null): Promise<unknown> {
    const waiting = [...inFlight].filter(([token, call]) => !switchingCalls.has(token) && (leaving === undefined || call.on === leaving)).map(([, call]) => call.answered);
    if (waiting.length === 0) return Promise.resolve();
    return Promise.race([Promise.allSettled(waiting), new Promise((resolve) => setTimeout(resolve, CLOSE_WAITS_FOR_CALLS_MS).unref())]);
  }

  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const token = currentCall.getStore();
    if (token) switchingCalls.add(token);
    const next = switching.then(work, work);
    switching = next.catch(() => {});
    if (token) void switching.then(() => switchingCalls.delete(token));
    return next;
  };

  function state(): WorkspaceState {
    return describeWorkspace({ path: failedPath, workspace: backend?.workspace ?? null, problem, newestGoodBackup, canSwitch: true });
  }

  /**
   * Opens `filePath` as the new current backend. Throws (leaving the current one open) if the file
   * is refused. `password`: a team workspace's, given apart from its URL (never remembered here).
   */
  async function switchTo(filePath: string, password?: string): Promise<WorkspaceState> {
    const absolute = resolveWorkspaceLocation(filePath);
    if (backend && backend.workspace.path === redactedUrl(absolute)) return state();
    const next = await openBackend({ ...options, workspacePath: absolute, workspacePassword: password, workspaceControl: control, hostServices: options.hostServices, pathPolicy });
    const previous = backend;
    startUpChores?.cancel();
    backend = next;
    failedPath = null;
    problem = null;
    newestGoodBackup = null;
    if (previous) await callsAnswered(previous);
    await previous?.close();
    // A team workspace is remembered without its password (see workspace-location.ts).
    await options.recent.remember(redactedUrl(absolute), now()).catch((error: unknown) => log(`Could not update the recent list: ${String(error)}`));
    let checkWaits = !next.workspace.integrityChecked;
    if (checkWaits && checkIsQuick(next)) {
      checkInBackground(next);
      checkWaits = false;
    }
    // The threads health, the check and decks use start once the window has its first rows.
    startUpChores = scheduleStartUpChores(() => {
      warmBackgroundThreads();
      warmDeckRenderWorker();
      if (checkWaits && backend === next) checkInBackground(next);
    }, options.startUp);
    // A team workspace's first list pays for a new server connection and the server's cold caches
    // (about 40 ms of the first paint on a two-core laptop). The window asks for it while its code
    // is still loading, so opening asks for it once first; a workspace file has nothing to warm.
    if (isPostgresUrl(absolute)) void dispatch('accounts.list', START_UP_LIST_QUERY);
    return state();
  }

  function checkIsQuick(opened: Backend): boolean {
    return (fs.statSync(opened.workspace.path, { throwIfNoEntry: false })?.size ?? 0) <= (options.startUp?.checkAtOnceMaxBytes ?? CHECK_AT_ONCE_MAX_BYTES);
  }

  /** Runs PRAGMA quick_check off this thread; a damaged file is closed and reported as a refused start. */
  function checkInBackground(opened: Backend): void {
    const { path: workspacePath, nativeBinding } = opened.workspace;
    const check = runInBackground('checkIntegrity', { workspacePath, nativeBinding }).then(
      async (problems) => {
        if (problems.length === 0 || backend !== opened) return;
        backend = null;
        await opened.close();
        recordProblem(workspacePath, withNewestGoodBackup(workspaceCorrupt(workspacePath, problems), workspacePath, nativeBinding));
      },
      (error: unknown) => log(`The background integrity check of ${workspacePath} could not run: ${String(error)}`),
    );
    checking = check;
    void check.finally(() => {
      if (checking === check) checking = null;
    });
  }

  /** Records why `filePath` could not be opened; the previous workspace (if any) is already closed. */
  function recordProblem(filePath: string, error: unknown): void {
    failedPath = redactedUrl(resolveWorkspaceLocation(filePath));
    problem = error instanceof ApiFailure ? error.toApiError() : { code: 'internal', message: `${failedPath} could not be opened.` };
    if (!(error instanceof ApiFailure)) log(`Opening ${failedPath} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    // openBackend has looked for it already.
    newestGoodBackup = newestGoodBackupOf(error);
  }

  /** Kept across workspace switches: what the person chose in a dialog stays chosen. */
  let startFolder: string | null = null;
  const pathPolicy: PathPolicy =
    options.transport === 'electron'
      ? dialogPathPolicy({
          workspacePath: () => backend?.workspace.path ?? null,
          recentWorkspaces: async () => (await options.recent.list()).map((entry) => entry.path),
        })
      : options.transport === 'web-harness'
        ? folderPathPolicy(() => [...(startFolder ? [startFolder] : []), ...(options.allowedFolders ?? [])])
        : openPathPolicy();

  const teamPasswords = options.teamPasswords ?? createMemoryPasswordStore();
  const team = createTeamConnector({
    passwords: teamPasswords,
    open: (location, password) => exclusive(() => switchTo(location, password)),
    // The pg driver loads when a team workspace is first tried, not with every start of the app.
    probe: async (location, password) => (await import('../storage/workspace/open-postgres-workspace')).probePostgresWorkspace(location, { password }),
  });

  const control: WorkspaceControl = {
    state,
    recent: async () =>
      Promise.all(
        (await options.recent.list()).map(async (entry) => (isPostgresUrl(entry.path) ? { ...entry, passwordKept: (await teamPasswords.get(entry.path)) !== null } : entry)),
      ),
    forgetRecent: async (filePath) => {
      if (isPostgresUrl(filePath)) await teamPasswords.forget(filePath);
      return options.recent.forget(filePath);
    },
    connectTeam: (request) => team.connect(request),
    testTeamConnection: (request) => team.test(request),
    passwordStorage: () => teamPasswords.storage(),
    open: (filePath) =>
      exclusive(async () => {
        if (isPostgresUrl(filePath)) return switchTo(filePath);
        const stat = fs.statSync(filePath, { throwIfNoEntry: false });
        if (!stat) throw new ApiFailure('not_found', `There is no file at ${filePath}. Use New workspace to create one.`, { path: filePath });
        return switchTo(filePath);
      }),
    create: (filePath) =>
      exclusive(async () => {
        if (fs.existsSync(filePath)) throw new ApiFailure('conflict', `${filePath} already exists. Open it instead, or choose a new file name.`, { path: filePath });
        if (!fs.statSync(path.dirname(path.resolve(filePath)), { throwIfNoEntry: false })?.isDirectory()) {
          throw new ApiFailure('not_found', `The folder for ${filePath} does not exist.`, { path: filePath });
        }
        return switchTo(filePath);
      }),
    restoreBackup: (backupPath) =>
      exclusive(async () => {
        const target = backend?.workspace.path ?? failedPath;
        if (!target) throw new ApiFailure('workspace_not_open', 'No workspace is open, so there is nothing to restore into.');
        const absoluteBackup = path.resolve(backupPath);
        // Only the workspace's own backups: a restore replaces the user's file, so the source must be one we made.
        if (!listBackups(target).some((entry) => entry.path === absoluteBackup)) {
          throw new ApiFailure('not_found', `${path.basename(absoluteBackup)} is not one of this workspace's backups.`, { path: absoluteBackup });
        }
        verifyBackup(absoluteBackup, options.nativeBinding);
        const closing = backend;
        backend = null;
        if (closing) await callsAnswered(closing);
        await closing?.close();
        const result = await restoreBackupFile(target, absoluteBackup, now(), options.nativeBinding);
        try {
          await switchTo(target);
        } catch (error) {
          recordProblem(target, error);
        }
        return { ...result, workspace: state() };
      }),
  };

  const noWorkspaceDispatch = createDispatcher(
    {
      ...(Object.fromEntries(
        API_METHOD_NAMES.map((method) => [
          method,
          async () => {
            throw new ApiFailure('workspace_not_open', problem?.message ?? 'No workspace is open. Open or create one first.');
          },
        ]),
      ) as unknown as ApiHandlers),
      ...workspaceHandlers({ workspace: null, now, appVersion: APP_VERSION, workspaceControl: control, hostServices: options.hostServices, pathPolicy }),
      // File dialogs need no workspace: recovery uses them to pick another file.
      ...fileDialogHandlers({ transport: options.transport, hostServices: options.hostServices, pathPolicy }),
    },
    log,
  );

  // The window's first rows before health and setup facts: see host/rows-first.ts.
  const route: ApiDispatcher = rowsFirst((method, input) => (backend ? backend.dispatch(method, input) : noWorkspaceDispatch(method, input)));
  const dispatch: ApiDispatcher = (method, input) => {
    const writes = writesOpenWorkspace(method as ApiMethodName);
    // Nothing is written to a file before its integrity check has passed: a write starts a check
    // still waiting for the start-up calls, and waits for it; reads go ahead meanwhile.
    if (writes) startUpChores?.runNow();
    const answer = () => (checking && writes ? checking.then(() => route(method, input)) : route(method, input));
    const token = {};
    const asked = backend;
    const call = currentCall.run(token, () => (startUpChores ? startUpChores.track(answer) : answer()));
    inFlight.set(token, { answered: call, on: asked });
    const settled = () => void inFlight.delete(token);
    call.then(settled, settled);
    return call;
  };

  return {
    dispatch,
    client: createBackendClient(dispatch),
    current: () => backend,
    state,
    integrityCheck: async () => {
      startUpChores?.runNow();
      while (checking) await checking;
    },
    start: (workspacePath) =>
      exclusive(async () => {
        // A team workspace has no folder of its own: typed paths then reach only --allow-dir folders.
        if (!isPostgresUrl(workspacePath)) startFolder ??= path.dirname(path.resolve(workspacePath));
        try {
          return await switchTo(workspacePath);
        } catch (error) {
          recordProblem(workspacePath, error);
          return state();
        }
      }),
    close: async () => {
      startUpChores?.cancel();
      await callsAnswered();
      // The background check reads the file; let it finish before the file is let go.
      while (checking) await checking;
      const closing = backend;
      backend = null;
      await closing?.close();
    },
  };
}
