import { z } from 'zod';

export const appInfoSchema = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  workspacePath: z.string(),
  /**
   * Where exported files (decks, exports) go unless the person chooses: the workspace file's folder;
   * for a team workspace, the harness's first allowed folder; null where there is none (choose one).
   */
  filesFolder: z.string().nullable(),
  /** True when the workspace has no accounts and the first-run choice has not been made. */
  isFirstRun: z.boolean(),
  /** Which transport the renderer is talking through. */
  transport: z.enum(['electron', 'web-harness', 'direct']),
  /** True where an exported file can be opened or shown in its folder (the desktop app); elsewhere the UI shows the path. */
  canRevealFiles: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const demoLoadResultSchema = z.object({
  accountsCreated: z.number().int().nonnegative(),
  stakeholdersCreated: z.number().int().nonnegative(),
  observationsWritten: z.number().int().nonnegative(),
});
export type DemoLoadResult = z.infer<typeof demoLoadResultSchema>;
