import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { ApiFailure } from '../../../shared/api/errors';
import { createBackendHost, type BackendHost } from '../../api/backend-host';
import { IPC_INVOKE_CHANNEL } from '../preload/ipc-channel';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';
import { isTrustedIpcSender } from '../security/ipc-sender';
import { isAllowedRendererUrl, type RendererLocation } from '../security/navigation-policy';
import { WORKSPACE_FILE_NAME } from '../../api/host/default-workspace-path';
import { createRecentWorkspacesStore, RECENT_WORKSPACES_FILE_NAME } from '../../api/host/recent-workspaces';
import { startupWorkspacePath } from '../../api/host/startup-workspace';
import { electronHostServices, electronTeamPasswords } from './electron-host-services';
import { electronNativeBindingPath } from './native-binding';

/*
 * The Electron shell: a thin layer that opens the workspace, creates one locked-down window and
 * forwards IPC to the same handler table the CLI and web harness use. The backend host holds
 * whichever workspace file is open, so switching files never re-registers IPC.
 */

let host: BackendHost | null = null;
let appWindow: BrowserWindow | null = null;

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const indexFile = path.join(__dirname, '../renderer/index.html');
const rendererLocation: RendererLocation = devServerUrl
  ? { devServerOrigin: new URL(devServerUrl).origin }
  : { indexFileUrl: new URL(`file://${indexFile}`).href };

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

app.on('second-instance', () => {
  if (appWindow?.isMinimized()) appWindow.restore();
  appWindow?.focus();
});

app.on('web-contents-created', (_event, contents) => lockDown(contents));

app.whenReady().then(async () => {
  denyAllPermissions();
  const recent = createRecentWorkspacesStore(path.join(app.getPath('userData'), RECENT_WORKSPACES_FILE_NAME));
  host = createBackendHost({
    transport: 'electron',
    nativeBinding: app.isPackaged ? undefined : electronNativeBindingPath(app.getAppPath()),
    recent,
    hostServices: electronHostServices(() => appWindow),
    teamPasswords: electronTeamPasswords(app.getPath('userData')),
  });
  const workspacePath = startupWorkspacePath(process.env.QBR_DB, await recent.list(), path.join(app.getPath('userData'), WORKSPACE_FILE_NAME));
  try {
    await offerRestoreIfDamaged(host);
  } catch (error) {
    const message = error instanceof ApiFailure || error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('QBR Workbench cannot open its workspace', message);
  }
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const trusted = isTrustedIpcSender(
      { senderId: event.sender.id, senderFrame: event.senderFrame ? { url: event.senderFrame.url, isMainFrame: event.senderFrame === event.sender.mainFrame } : null },
      appWindow?.webContents.id ?? null,
      rendererLocation,
    );
    if (!trusted || !host) {
      return { ok: false, error: { code: 'forbidden', message: 'This window may not call the QBR Workbench backend.' } };
    }
    return host.dispatch(method, input);
  });
  createWindow();

  /** A damaged start-up workspace: offer its newest good backup before the window opens (the UI offers it too, via workspace.current). */
  async function offerRestoreIfDamaged(started: BackendHost): Promise<void> {
    const state = await started.start(workspacePath);
    if (!state.problem) return;
    const backup = state.newestGoodBackup;
    const choice = await dialog.showMessageBox({
      type: 'warning',
      title: 'QBR Workbench',
      message: 'The workspace could not be opened',
      detail: `${state.problem.message}${backup ? `\n\nThe newest good backup is from ${backup.createdAt}.` : ''}`,
      buttons: backup ? ['Restore newest good backup', 'Continue without it'] : ['Continue'],
      defaultId: 0,
      cancelId: backup ? 1 : 0,
    });
    if (backup && choice.response === 0) await started.client.call('workspace.restoreBackup', { backupPath: backup.path });
  }
});

app.on('window-all-closed', () => {
  app.quit();
});

app.on('will-quit', () => {
  void host?.close();
});

function createWindow(): void {
  appWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'QBR Workbench',
    webPreferences: {
      // electronegativity-reviewed PRELOAD_JS_CHECK: the preload exposes only window.qbr.invoke (src/main/transports/preload/bridge.ts), never ipcRenderer.
      preload: path.join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      // Middle-click cannot open windows (setWindowOpenHandler denies them); this removes the event altogether.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  appWindow.once('ready-to-show', () => appWindow?.show());
  appWindow.on('closed', () => {
    appWindow = null;
  });
  if (devServerUrl) void appWindow.loadURL(devServerUrl);
  else void appWindow.loadFile(indexFile);
}

/** Every web contents, ours or not: no navigation away, no new windows, no webviews. */
function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedRendererUrl(url, rendererLocation)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedRendererUrl(url, rendererLocation)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The app needs no camera, microphone, notifications or geolocation; refuse every request. */
function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
