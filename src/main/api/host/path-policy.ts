import fs from 'node:fs';
import path from 'node:path';
import { ApiFailure } from '../../../shared/api/errors';

/*
 * Which file paths an API call may use. The page that calls the API is untrusted input: in the
 * desktop app a script injected into it must not be able to read any file (import.preview of a
 * password file) or overwrite one (workspace.exportJson). So where the page runs, paths come from
 * what the person chose in a native dialog, which the main process remembers, or from a short
 * allow-list. The CLI is the person at a shell and keeps plain paths.
 */

/** What a call does with a path: read it, write a new file there, or replace what is there. */
export type PathUse = 'read' | 'create' | 'replace';

export interface PathPolicy {
  /** The absolute path when `filePath` may be used so; otherwise throws `forbidden` saying how to choose it. */
  check(filePath: string, use: PathUse): Promise<string>;
  /** The same for a folder that files are written into (`replace`: files already there may be replaced). */
  checkFolder(folder: string, use: 'create' | 'replace'): Promise<string>;
  /** Records the file the person chose in a native dialog: 'open' may then be read, 'save' written (new or replaced) and read. */
  grant(filePath: string, dialog: 'open' | 'save'): void;
  /** The folder new files go to by default when the workspace is no file (a team workspace); absent when there is none. */
  defaultFolder?(): string | null;
}

/** The CLI and in-process callers: the person typed the path themselves. */
export function openPathPolicy(): PathPolicy {
  return {
    check: async (filePath) => path.resolve(filePath),
    checkFolder: async (folder) => path.resolve(folder),
    grant: () => {},
  };
}

export interface DialogPathContext {
  /** The open workspace file, or null: new files may be written beside it. */
  workspacePath(): string | null;
  /** Workspace files opened before: reopening one needs no dialog. */
  recentWorkspaces(): Promise<string[]>;
}

/**
 * The desktop app. Allowed: a file chosen in a native dialog this session (open → read; save →
 * write, replace and read), a recent workspace (read, to reopen it), and a NEW file beside the open
 * workspace or beside a file chosen in a Save dialog (where the deck builder suggests decks).
 * Replacing a file always needs the Save dialog, which asks the person first.
 * @example const policy = dialogPathPolicy({ workspacePath: () => current, recentWorkspaces: async () => [] });
 */
export function dialogPathPolicy(context: DialogPathContext): PathPolicy {
  const granted = new Map<string, 'open' | 'save'>();
  const savedFolders = new Set<string>();

  const writableFolders = () => {
    const workspace = context.workspacePath();
    return [...savedFolders, ...(workspace ? [key(path.dirname(path.resolve(workspace)))] : [])];
  };

  return {
    async check(filePath, use) {
      const absolute = path.resolve(filePath);
      const grant = granted.get(key(absolute));
      if (grant === 'save') return absolute;
      if (use === 'read') {
        if (grant === 'open') return absolute;
        if ((await context.recentWorkspaces()).some((recent) => key(path.resolve(recent)) === key(absolute))) return absolute;
        throw forbiddenRead(absolute);
      }
      if (use === 'create' && writableFolders().includes(key(path.dirname(absolute)))) return absolute;
      throw forbiddenWrite(absolute, use);
    },
    async checkFolder(folder, use) {
      const absolute = path.resolve(folder);
      if (use === 'create' && writableFolders().includes(key(absolute))) return absolute;
      throw new ApiFailure(
        'forbidden',
        use === 'replace'
          ? `The desktop app replaces files only where you chose to in its Save dialog; turn off replacing, or save each deck with "Choose…".`
          : `The desktop app writes decks into the folder of the open workspace, or one you chose in its Save dialog; ${absolute} is neither.`,
        { path: absolute },
      );
    },
    grant(filePath, dialog) {
      const absolute = path.resolve(filePath);
      const existing = granted.get(key(absolute));
      granted.set(key(absolute), existing === 'save' ? 'save' : dialog);
      if (dialog === 'save') savedFolders.add(key(path.dirname(absolute)));
    },
  };
}

/**
 * The browser harness (development and end-to-end tests; no native dialogs, so paths are typed):
 * any use, but only inside its allowed folders — the folder of the workspace it started with and
 * any `--allow-dir` — so a page script cannot reach the rest of the disk.
 */
export function folderPathPolicy(roots: () => readonly string[]): PathPolicy {
  const assertInside = (target: string): string => {
    const absolute = path.resolve(target);
    const real = realpathOfNearestExisting(absolute);
    const allowed = roots().map((root) => realpathOfNearestExisting(path.resolve(root)));
    if (allowed.some((root) => isInside(real, root))) return absolute;
    throw new ApiFailure(
      'forbidden',
      `The browser harness reads and writes files only inside ${allowed.join(', ') || 'no folder yet'}; ${absolute} is outside. Restart it with --allow-dir FOLDER to use another folder.`,
      { path: absolute },
    );
  };
  return {
    check: async (filePath) => assertInside(filePath),
    checkFolder: async (folder) => assertInside(folder),
    grant: () => {},
    defaultFolder: () => roots()[0] ?? null,
  };
}

function forbiddenRead(absolute: string): ApiFailure {
  return new ApiFailure(
    'forbidden',
    `The desktop app opens only files you chose in its file dialog; use "Choose…" to pick ${path.basename(absolute)}.`,
    { path: absolute },
  );
}

function forbiddenWrite(absolute: string, use: PathUse): ApiFailure {
  return new ApiFailure(
    'forbidden',
    use === 'replace'
      ? `The desktop app replaces a file only when you chose it in its Save dialog; use "Choose…" to save over ${path.basename(absolute)}.`
      : `The desktop app writes new files beside the open workspace or where you chose in its Save dialog; use "Choose…" to pick where ${path.basename(absolute)} goes.`,
    { path: absolute },
  );
}

/** Paths compare case-insensitively where the file system usually is (Windows, macOS). */
function key(absolute: string): string {
  return process.platform === 'win32' || process.platform === 'darwin' ? absolute.toLowerCase() : absolute;
}

function isInside(target: string, root: string): boolean {
  const t = key(target);
  const r = key(root);
  return t === r || t.startsWith(r.endsWith(path.sep) ? r : r + path.sep);
}

/** The real path (symlinks resolved) of `absolute`, or of its nearest existing ancestor with the rest appended. */
function realpathOfNearestExisting(absolute: string): string {
  let existing = absolute;
  const rest: string[] = [];
  while (!fs.existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) return absolute;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  return path.join(fs.realpathSync.native(existing), ...rest);
}

/** The policy a transport gets when its host chose none. */
export function defaultPathPolicy(transport: 'electron' | 'web-harness' | 'direct', workspacePath: () => string | null): PathPolicy {
  if (transport === 'electron') return dialogPathPolicy({ workspacePath, recentWorkspaces: async () => [] });
  if (transport === 'web-harness') {
    return folderPathPolicy(() => {
      const current = workspacePath();
      return current ? [path.dirname(current)] : [];
    });
  }
  return openPathPolicy();
}
