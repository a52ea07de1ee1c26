import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { PasswordStorage, TeamConnectResult } from '../../../shared/api/schemas/team-workspace-schemas';
import { replaceFileAtomic } from '../../storage/files/atomic-write';

/*
 * Team workspace passwords, kept by the host the backend runs in, never in settings, the recent
 * list, logs or messages. The desktop app encrypts them with Electron's safeStorage (the system
 * keychain: macOS Keychain, Windows DPAPI, libsecret/KWallet on Linux) into one file in its data
 * folder, keyed by the workspace's URL without password. The browser harness keeps them in memory
 * until it stops. Where no keychain is usable nothing is kept and the person is asked each time.
 */

/** File name of the encrypted passwords in the desktop app's data folder. */
export const TEAM_PASSWORDS_FILE_NAME = 'team-passwords.json';

/** The part of Electron's `safeStorage` this store uses (a fake in tests: Electron cannot launch here). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which keychain; 'basic_text' means a key built into Chromium, i.e. no real secret. */
  getSelectedStorageBackend?(): string;
}

export type PasswordKept = TeamConnectResult['password'];

/** Where passwords go; one per host (desktop app, browser harness). */
export interface TeamPasswordStore {
  /** Where passwords are kept here, in words for the connect form. */
  storage(): PasswordStorage;
  /** The password kept for `location`, or null (none, or it can no longer be decrypted). */
  get(location: string): Promise<string | null>;
  /** Keeps `password` for `location` if this host can; says what it did. */
  keep(location: string, password: string): Promise<PasswordKept>;
  /** Deletes the password kept for `location`, if any. */
  forget(location: string): Promise<void>;
}

const NOT_KEPT_MESSAGE = 'The password was not saved; you will be asked for it next time.';

/** Keeps passwords in this process only: the browser harness, which has no keychain. */
export function createMemoryPasswordStore(): TeamPasswordStore {
  const passwords = new Map<string, string>();
  const storage: PasswordStorage = {
    kind: 'memory',
    message: 'The browser harness keeps the password in memory until it stops, never on disk; you will be asked again after a restart.',
  };
  return {
    storage: () => storage,
    get: async (location) => passwords.get(location) ?? null,
    async keep(location, password) {
      passwords.set(location, password);
      return { kept: 'memory', message: 'The password is kept in memory until the browser harness stops.' };
    },
    forget: async (location) => {
      passwords.delete(location);
    },
  };
}

const storedFileSchema = z.object({ version: z.literal(1), passwords: z.record(z.string(), z.string()) });

/**
 * Keeps passwords encrypted by `cipher` (Electron's safeStorage) in `filePath` (written atomically,
 * readable by this user only), keyed by workspace URL. When `cipher` cannot encrypt — no keychain,
 * or only Chromium's built-in key on Linux — nothing is written and `keep` says so.
 * @example createEncryptedPasswordStore({ filePath: path.join(app.getPath('userData'), TEAM_PASSWORDS_FILE_NAME), cipher: safeStorage })
 */
export function createEncryptedPasswordStore(options: { filePath: string; cipher: SafeStorageLike }): TeamPasswordStore {
  const { filePath, cipher } = options;
  // One write at a time, so two quick connects cannot drop each other's entry.
  let writing: Promise<unknown> = Promise.resolve();

  function usable(): boolean {
    try {
      return cipher.isEncryptionAvailable() && cipher.getSelectedStorageBackend?.() !== 'basic_text';
    } catch {
      return false;
    }
  }

  async function read(): Promise<Record<string, string>> {
    try {
      const parsed = storedFileSchema.safeParse(JSON.parse(await fs.promises.readFile(filePath, 'utf8')));
      return parsed.success ? parsed.data.passwords : {};
    } catch {
      return {};
    }
  }

  function update(change: (passwords: Record<string, string>) => boolean): Promise<void> {
    const next = writing.then(async () => {
      const passwords = await read();
      if (!change(passwords)) return;
      await fs.promises.mkdir(path.dirname(filePath), { recursive: true });
      const text = `${JSON.stringify({ version: 1, passwords }, null, 2)}\n`;
      await replaceFileAtomic(filePath, async (tempPath) => {
        const handle = await fs.promises.open(tempPath, 'w', 0o600);
        try {
          await handle.writeFile(text);
          await handle.sync();
        } finally {
          await handle.close();
        }
      });
    });
    writing = next.catch(() => {});
    return next;
  }

  return {
    storage: () =>
      usable()
        ? { kind: 'encrypted', message: "Saved on this computer, encrypted with the system keychain; never in settings or the recent list." }
        : { kind: 'unavailable', message: "This computer has no system keychain the app can use, so passwords are not saved: you will be asked each time you connect." },

    async get(location) {
      const sealed = (await read())[location];
      if (sealed === undefined || !usable()) return null;
      try {
        return cipher.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        // Sealed under another keychain (a copied profile, a reset keychain): useless here; ask again.
        await update((passwords) => delete passwords[location]).catch(() => {});
        return null;
      }
    },

    async keep(location, password) {
      if (!usable()) return { kept: 'not-kept', message: `This computer has no system keychain the app can use. ${NOT_KEPT_MESSAGE}` };
      let sealed: string;
      try {
        sealed = cipher.encryptString(password).toString('base64');
      } catch {
        return { kept: 'not-kept', message: `The system keychain refused to encrypt it. ${NOT_KEPT_MESSAGE}` };
      }
      try {
        await update((passwords) => {
          passwords[location] = sealed;
          return true;
        });
      } catch {
        return { kept: 'not-kept', message: `The app's data folder could not be written. ${NOT_KEPT_MESSAGE}` };
      }
      return { kept: 'encrypted', message: 'The password is saved on this computer, encrypted with the system keychain.' };
    },

    async forget(location) {
      await update((passwords) => location in passwords && delete passwords[location]);
    },
  };
}
