import { z } from 'zod';
import { defineMethod } from '../define-method';
import { noInputSchema } from '../schemas/common';
import { importPreviewSchema, IMPORT_MODES, EXPORT_TABLE_KEYS, MERGE_CONFLICT_RULES } from '../schemas/workspace-export-schemas';
import {
  absoluteFilePathSchema,
  backupEntrySchema,
  optionalPathInputSchema,
  recentWorkspaceSchema,
  restoreResultSchema,
  workspaceStateSchema,
} from '../schemas/workspace-schemas';
import {
  passwordStorageSchema,
  teamConnectInputSchema,
  teamConnectionTestInputSchema,
  teamConnectionTestSchema,
  teamConnectResultSchema,
  teamLocationSchema,
} from '../schemas/team-workspace-schemas';

const importInputSchema = z
  .object({
    path: absoluteFilePathSchema,
    mode: z.enum(IMPORT_MODES).default('merge'),
    /** Merge only: keep the newer copy of a row (default), or take the file's copy whatever its age. */
    conflicts: z.enum(MERGE_CONFLICT_RULES).default('keep-newer'),
  })
  .strict();
const rowCountsSchema = z.object(Object.fromEntries(EXPORT_TABLE_KEYS.map((k) => [k, z.number().int().nonnegative()])) as Record<
  (typeof EXPORT_TABLE_KEYS)[number],
  z.ZodNumber
>);

/** Workspace files: which one is open, switching, backups, whole-workspace export and import. */
export const workspaceMethods = {
  'workspace.current': defineMethod(noInputSchema, workspaceStateSchema, 'Which workspace is open, or why none is.'),
  'workspace.recent': defineMethod(noInputSchema, z.array(recentWorkspaceSchema), 'Recently opened workspace files, newest first.'),
  'workspace.forgetRecent': defineMethod(
    z.object({ path: z.union([absoluteFilePathSchema, teamLocationSchema]) }).strict(),
    z.array(recentWorkspaceSchema),
    'Removes one file or team workspace from the recent list (the file itself is untouched; a team workspace\'s kept password is deleted); returns the list.',
  ),
  'workspace.connectTeam': defineMethod(
    teamConnectInputSchema,
    teamConnectResultSchema,
    'Connects to a team workspace on a PostgreSQL server and switches to it (an empty database becomes a workspace); keeps the password only as the host allows (encrypted, or in memory).',
  ),
  'workspace.testTeamConnection': defineMethod(
    teamConnectionTestInputSchema,
    teamConnectionTestSchema,
    'Checks that a team workspace can be opened (server reachable, password accepted, a workspace or an empty database this app can use); changes nothing and keeps no password.',
  ),
  'workspace.passwordStorage': defineMethod(noInputSchema, passwordStorageSchema, 'Where this computer keeps team workspace passwords, if anywhere.'),
  'workspace.create': defineMethod(
    optionalPathInputSchema,
    workspaceStateSchema.nullable(),
    'Creates a new workspace file and switches to it (no path: asks with a save dialog; null when cancelled).',
  ),
  'workspace.open': defineMethod(
    optionalPathInputSchema,
    workspaceStateSchema.nullable(),
    'Switches to an existing workspace file (no path: asks with an open dialog; null when cancelled). Refuses files that are not workspaces, untouched.',
  ),
  'workspace.backupNow': defineMethod(noInputSchema, backupEntrySchema, 'Backs up the open workspace now.'),
  'workspace.listBackups': defineMethod(noInputSchema, z.array(backupEntrySchema), 'Backups of the current workspace, newest first.'),
  'workspace.restoreBackup': defineMethod(
    z.object({ backupPath: absoluteFilePathSchema }).strict(),
    restoreResultSchema,
    'Restores one of the listed backups after verifying it; the current file is kept aside.',
  ),
  'workspace.exportJson': defineMethod(
    z
      .object({
        path: absoluteFilePathSchema.optional(),
        /** Replace an existing file at `path`; without it an existing file is a 'conflict'. A file chosen in the save dialog may always be replaced (the dialog asked). */
        overwrite: z.boolean().default(false),
      })
      .strict(),
    z.object({ path: z.string(), counts: rowCountsSchema }).nullable(),
    'Exports the whole workspace to one JSON file (no path: asks with a save dialog; null when cancelled). Refuses to replace an existing file unless overwrite is true.',
  ),
  'workspace.previewImport': defineMethod(importInputSchema, importPreviewSchema, 'What importing an export file would change; changes nothing.'),
  'workspace.importJson': defineMethod(
    importInputSchema,
    z.object({ preview: importPreviewSchema, backup: backupEntrySchema.nullable() }),
    'Imports an export file (merge or replace) after an automatic backup (a file; null on a team workspace, whose server keeps its own backups).',
  ),
};
