import type { ApiMethodName } from './contract';

/**
 * Methods that never write to the open workspace's data (insights.portfolio may keep its cache of
 * health summaries, without ever waiting for the lock): they answer at once even while an
 * import holds the write lock. Every other method waits for its write turn (write-turns.ts), so a
 * method missing here is merely queued behind imports, never wrong. Methods that start a job
 * (import.start) are here: the job takes its own turn. A test holds each of them to reading only.
 * The backend's write turns (src/main/api/write-turns.ts) and the renderer's change counter
 * (src/renderer/src/api/workspace-changes.ts) both read this list.
 */
export const READ_ONLY_METHODS: ReadonlySet<ApiMethodName> = new Set<ApiMethodName>([
  'app.info',
  'settings.get',
  'accounts.list',
  'accounts.get',
  'streams.list',
  'stakeholders.list',
  'goals.list',
  'metrics.list',
  'insights.account',
  'insights.portfolio',
  'framework.catalog',
  'framework.identify',
  'assessments.list',
  'assessments.get',
  'assessments.evaluate',
  'workspace.current',
  'workspace.recent',
  'workspace.forgetRecent',
  'workspace.create',
  'workspace.open',
  'workspace.connectTeam',
  'workspace.testTeamConnection',
  'workspace.passwordStorage',
  'workspace.backupNow',
  'workspace.listBackups',
  'workspace.restoreBackup',
  'workspace.exportJson',
  'workspace.previewImport',
  'import.preview',
  'import.start',
  'import.progress',
  'import.cancel',
  'decks.plan',
  'decks.list',
  'decks.getDraft',
  'decks.latestDraft',
  'decks.listDrafts',
  'decks.lastQuarterEdits',
  'decks.reveal',
  'decks.exportPortfolio',
  'decks.jobProgress',
  'decks.cancelJob',
  'decks.readBrandFromTemplate',
  'files.chooseSavePath',
  'files.chooseOpenPath',
  'portfolio.facts',
  'commitments.list',
  // Take-out only reads the open workspace (it writes a new file); the preview of a bring-back only reads.
  'offline.takeOut',
  'offline.origin',
  'offline.previewBringBack',
  'users.list',
  'users.current',
  // Chooses who this session acts as: session state, nothing in the workspace.
  'users.choose',
  'audit.list',
]);
