import { ApiFailure } from '../../../shared/api/errors';

/** A file-type filter for a file dialog, e.g. { name: 'Workspace', extensions: ['sqlite'] }. */
export interface FileDialogFilter {
  name: string;
  extensions: string[];
}

/**
 * What the backend may ask of the desktop around it. The Electron shell implements it with native
 * dialogs (src/main/transports/shell/electron-host-services.ts); the browser harness and the CLI have none.
 * Both calls resolve to null when the user cancels.
 */
export interface HostServices {
  /** `defaultPath`: the folder or file the dialog starts at, when given. */
  chooseFileToOpen(options: { title: string; filters: FileDialogFilter[]; defaultPath?: string }): Promise<string | null>;
  chooseFileToSave(options: { title: string; defaultName: string; filters: FileDialogFilter[] }): Promise<string | null>;
  /** Opens a file in the program the system uses for it (a deck in PowerPoint); absent where there is no desktop. */
  openFile?(filePath: string): Promise<void>;
  /** Shows a file selected in the system's file manager; absent where there is no desktop. */
  showFileInFolder?(filePath: string): Promise<void>;
}

/** Where there is no native dialog: every call fails with `not_available`, asking for a typed path instead. */
export const NO_DIALOG_HOST_SERVICES: HostServices = {
  chooseFileToOpen: async () => {
    throw noDialog();
  },
  chooseFileToSave: async () => {
    throw noDialog();
  },
};

function noDialog(): ApiFailure {
  return new ApiFailure('not_available', 'File dialogs are only available in the desktop app; type the full path of the file instead.');
}

/** File filters the workspace features use, shared by every host. */
export const WORKSPACE_FILE_FILTERS: FileDialogFilter[] = [{ name: 'QBR Workbench workspace', extensions: ['sqlite', 'db'] }];
export const EXPORT_FILE_FILTERS: FileDialogFilter[] = [{ name: 'Workspace export (JSON)', extensions: ['json'] }];
