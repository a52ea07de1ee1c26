import type { ApiMethodName, ApiParsedInput } from '../../shared/api/contract';
import type { VersionedTable } from '../storage/db/repositories/versioned-rows-repository';

/*
 * Whose data each writing method writes, for the one ownership check of a workspace with users
 * (write-guard.ts). Every method is listed, so a new one cannot be
 * forgotten: 'read' writes nothing; `account` names the account (from the input); `row` a row of
 * an account addressed by its own id (the guard looks up its account); 'new-account' creates one
 * (anyone may; its creator owns it); 'book' writes across accounts (managers only); 'users' the
 * user list (managers, once there is one); 'open' writes nothing of any account (settings).
 */
export type WriteTarget =
  | { account: string }
  | { row: { table: Exclude<VersionedTable, 'accounts'>; id: string } }
  | 'new-account'
  | 'book'
  | 'users'
  | 'open';

type TargetOf<M extends ApiMethodName> = 'read' | WriteTarget | ((input: ApiParsedInput<M>) => WriteTarget);

const ofAccount = (accountId: string): WriteTarget => ({ account: accountId });
const ofRow = (table: Exclude<VersionedTable, 'accounts'>) => ({ id }: { id: string }): WriteTarget => ({ row: { table, id } });

export const WRITE_TARGETS: { [M in ApiMethodName]: TargetOf<M> } = {
  'app.info': 'read',
  'app.completeOnboarding': 'open',
  'demo.load': 'book',
  'settings.get': 'read',
  'settings.update': 'open',
  'framework.catalog': 'read',
  'framework.identify': 'read',
  'accounts.list': 'read',
  'accounts.get': 'read',
  'accounts.create': 'new-account',
  'accounts.update': ({ id }) => ofAccount(id),
  'accounts.delete': ({ id }) => ofAccount(id),
  'accounts.restore': ({ id }) => ofAccount(id),
  'accounts.setOwner': ({ id }) => ofAccount(id),
  'streams.list': 'read',
  'streams.create': ({ accountId }) => ofAccount(accountId),
  'streams.update': ofRow('revenueStreams'),
  'streams.delete': ofRow('revenueStreams'),
  'stakeholders.list': 'read',
  'stakeholders.create': ({ accountId }) => ofAccount(accountId),
  'stakeholders.update': ofRow('stakeholders'),
  'stakeholders.delete': ofRow('stakeholders'),
  'goals.list': 'read',
  'goals.create': ({ accountId }) => ofAccount(accountId),
  'goals.update': ofRow('goals'),
  'goals.delete': ofRow('goals'),
  'metrics.list': 'read',
  'metrics.saveMonth': ({ accountId }) => ofAccount(accountId),
  'insights.account': 'read',
  'insights.portfolio': 'read',
  'assessments.list': 'read',
  'assessments.get': 'read',
  'assessments.evaluate': 'read',
  'assessments.saveDraft': ({ accountId }) => ofAccount(accountId),
  'assessments.finalize': ({ accountId }) => ofAccount(accountId),
  'import.preview': 'read',
  // Into one account, or (the file's account column) into any: then only a manager.
  'import.start': ({ accountId }) => (accountId ? ofAccount(accountId) : 'book'),
  'import.progress': 'read',
  'import.cancel': 'read',
  'decks.plan': 'read',
  // An exported deck is recorded with the account (and may add to its commitments ledger).
  'decks.export': ({ accountId }) => ofAccount(accountId),
  'decks.list': 'read',
  'decks.exportPortfolio': 'book',
  'decks.jobProgress': 'read',
  'decks.cancelJob': 'read',
  'decks.readBrandFromTemplate': 'read',
  'decks.saveDraft': ({ accountId }) => ofAccount(accountId),
  'decks.getDraft': 'read',
  'decks.latestDraft': 'read',
  'decks.listDrafts': 'read',
  'decks.lastQuarterEdits': 'read',
  'decks.reveal': 'read',
  'files.chooseSavePath': 'read',
  'files.chooseOpenPath': 'read',
  'workspace.current': 'read',
  'workspace.recent': 'read',
  'workspace.forgetRecent': 'read',
  // Switching or creating a workspace, or a backup copy, writes nothing into the open one's rows.
  'workspace.create': 'open',
  'workspace.open': 'open',
  'workspace.backupNow': 'open',
  'workspace.listBackups': 'read',
  // Connecting to a team workspace switches the open one; nothing of this one is written.
  'workspace.connectTeam': 'open',
  'workspace.testTeamConnection': 'read',
  'workspace.passwordStorage': 'read',
  'workspace.restoreBackup': 'book',
  'workspace.exportJson': 'read',
  'workspace.previewImport': 'read',
  'workspace.importJson': 'book',
  'portfolio.facts': 'read',
  'commitments.list': 'read',
  'commitments.create': ({ accountId }) => ofAccount(accountId),
  'commitments.update': ofRow('commitments'),
  'users.list': 'read',
  'users.current': 'read',
  'users.choose': 'read',
  'users.add': 'users',
  'users.rename': 'users',
  'audit.list': 'read',
  // Take-out writes a new file, not the open workspace.
  'offline.takeOut': 'read',
  'offline.origin': 'read',
  'offline.previewBringBack': 'read',
  // The accounts a bring-back writes are named in the file, not the input: a manager's, for now, in a workspace with users.
  'offline.bringBack': 'book',
};

/** What `method` called with `input` writes, or 'read'. */
export function writeTargetOf(method: ApiMethodName, input: unknown): 'read' | WriteTarget {
  const target = WRITE_TARGETS[method] as TargetOf<ApiMethodName>;
  return typeof target === 'function' ? target(input as never) : target;
}

/**
 * Methods that work on a workspace other than the open one (make, open or connect to another, copy
 * it into a backup): they need not wait for the open one's integrity check.
 */
const ELSEWHERE: ReadonlySet<ApiMethodName> = new Set<ApiMethodName>(['workspace.create', 'workspace.open', 'workspace.connectTeam', 'workspace.backupNow']);

/** True when `method` may write the open workspace: held back while its integrity check runs (backend-host.ts). */
export function writesOpenWorkspace(method: ApiMethodName): boolean {
  return WRITE_TARGETS[method] !== 'read' && !ELSEWHERE.has(method);
}
