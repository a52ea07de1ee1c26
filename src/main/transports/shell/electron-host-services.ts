import path from 'node:path';
import { dialog, safeStorage, shell, type BrowserWindow } from 'electron';
import { ApiFailure } from '../../../shared/api/errors';
import type { HostServices } from '../../api/host/host-services';
import { createEncryptedPasswordStore, TEAM_PASSWORDS_FILE_NAME, type TeamPasswordStore } from '../../api/host/team-passwords';

/** Native open/save dialogs (attached to the app window when there is one) and opening or showing a file. */
export function electronHostServices(parentWindow: () => BrowserWindow | null): HostServices {
  return {
    async chooseFileToOpen({ title, filters, defaultPath }) {
      const parent = parentWindow();
      const options = { title, filters, defaultPath, properties: ['openFile' as const] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFileToSave({ title, defaultName, filters }) {
      const parent = parentWindow();
      const options = { title, defaultPath: defaultName || undefined, filters };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openFile(filePath) {
      // The API only passes paths of decks this app wrote and recorded (decks.reveal), never one from the renderer.
      const problem = await shell.openPath(filePath);
      if (problem) throw new ApiFailure('not_available', `The system could not open ${filePath}: ${problem}`, { filePath });
    },
    async showFileInFolder(filePath) {
      shell.showItemInFolder(filePath);
    },
  };
}

/**
 * Team workspace passwords encrypted with Electron's safeStorage (macOS Keychain, Windows DPAPI,
 * libsecret or KWallet on Linux) in `team-passwords.json` in the app's data folder. On Linux
 * without a keychain safeStorage falls back to a key built into Chromium ('basic_text'): then
 * nothing is saved and the person is asked each time.
 */
export function electronTeamPasswords(userDataFolder: string): TeamPasswordStore {
  return createEncryptedPasswordStore({
    filePath: path.join(userDataFolder, TEAM_PASSWORDS_FILE_NAME),
    cipher: {
      isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
      encryptString: (plainText) => safeStorage.encryptString(plainText),
      decryptString: (encrypted) => safeStorage.decryptString(encrypted),
      ...(process.platform === 'linux' ? { getSelectedStorageBackend: () => safeStorage.getSelectedStorageBackend() } : {}),
    },
  });
}
