import { z } from 'zod';
import { API_ERROR_CODES } from '../errors';

/**
 * An absolute path to a file on this computer (POSIX `/…`, Windows `C:\…` or a UNC `\\server\share\…`).
 * Relative paths are refused: they would resolve against the backend's working folder, which the
 * user never sees.
 */
export const absoluteFilePathSchema = z
  .string()
  .min(2)
  .max(4_096)
  .refine((value) => !value.includes('\0'), 'A path cannot contain a NUL character')
  .refine((value) => /^(\/|[A-Za-z]:[\\/]|\\\\[^\\]+\\)/.test(value), 'Give the full path of the file');

export const backupEntrySchema = z.object({
  path: z.string(),
  fileName: z.string(),
  /** manual, pre-migration, pre-import, or before-restore (the workspace as it was before a restore). */
  reason: z.enum(['manual', 'pre-migration', 'pre-import', 'before-restore']),
  createdAt: z.string(),
  sizeBytes: z.number().int().nonnegative(),
});
export type BackupEntryDto = z.infer<typeof backupEntrySchema>;

export const syncFolderWarningSchema = z.object({
  kind: z.enum(['cloud-sync', 'network']),
  provider: z.string(),
  message: z.string(),
});

/** Which workspace is open, or why none is. */
export const workspaceStateSchema = z.object({
  /** The open workspace, or the one that could not be opened. */
  path: z.string().nullable(),
  isOpen: z.boolean(),
  schemaVersion: z.number().int().nullable(),
  /** Why the workspace at `path` is not open (damaged, newer, not a workspace); null when all is well. */
  problem: z.object({ code: z.enum(API_ERROR_CODES), message: z.string() }).nullable(),
  /** When the workspace is damaged: the newest backup that passes verification, to offer restoring it. */
  newestGoodBackup: backupEntrySchema.nullable(),
  /** Set when the file lives in a cloud-sync folder or on a network share. */
  syncWarning: syncFolderWarningSchema.nullable(),
  /** False where this transport serves one fixed workspace (the CLI). */
  canSwitch: z.boolean(),
});
export type WorkspaceState = z.infer<typeof workspaceStateSchema>;

export const recentWorkspaceSchema = z.object({
  path: z.string(),
  openedAt: z.string(),
  /** False when the file has been moved or deleted since. */
  exists: z.boolean(),
  isCurrent: z.boolean(),
  /** Team workspaces only: whether a password for it is kept on this computer (encrypted, or in memory until quit). */
  passwordKept: z.boolean().optional(),
});
export type RecentWorkspaceDto = z.infer<typeof recentWorkspaceSchema>;

/** A path, or nothing to ask the user with the desktop app's file dialog. */
export const optionalPathInputSchema = z.object({ path: absoluteFilePathSchema.optional() }).strict();

export const restoreResultSchema = z.object({
  restoredFrom: z.string(),
  /** The workspace as it was before the restore, kept in the backups folder (never deleted). */
  keptAsidePath: z.string().nullable(),
  workspace: workspaceStateSchema,
});
