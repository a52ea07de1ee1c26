import type { ApiMethodName, ApiParsedInput } from '../../shared/api/contract';
import { accountChanges, type WriteEffect } from '../services/workspace-changes/account-changes';
import type { Workspace } from '../storage/workspace/open-workspace';
import type { ApiHandlers } from './api-handlers';
import type { VersionedTable } from '../storage/db/repositories/versioned-rows-repository';

/*
 * What each API method may change, for the per-account caches (portfolio health, peer KPIs; see
 * services/workspace-changes/account-changes.ts). Every method is listed, so a new one cannot be
 * forgotten: 'read' writes nothing; an account-scoped write names its account; anything wider,
 * or addressed only by a child's id, says 'all' (the caches then recompute in the background).
 */
type EffectOf<M extends ApiMethodName> = 'read' | WriteEffect | ((input: ApiParsedInput<M>) => WriteEffect);

const account = (accountId: string): WriteEffect => ({ accounts: [accountId] });

export const WRITE_EFFECTS: { [M in ApiMethodName]: EffectOf<M> } = {
  'app.info': 'read',
  'app.completeOnboarding': 'all',
  'demo.load': 'all',
  'settings.get': 'read',
  'settings.update': 'all',
  'framework.catalog': 'read',
  'framework.identify': 'read',
  'accounts.list': 'read',
  'accounts.get': 'read',
  // A new account has no data yet; it is simply absent from every cache until something is computed for it.
  'accounts.create': { accounts: [] },
  'accounts.update': ({ id }) => account(id),
  'accounts.delete': ({ id }) => account(id),
  'accounts.restore': ({ id }) => account(id),
  'streams.list': 'read',
  'streams.create': ({ accountId }) => account(accountId),
  'streams.update': 'all',
  'streams.delete': 'all',
  'stakeholders.list': 'read',
  'stakeholders.create': ({ accountId }) => account(accountId),
  'stakeholders.update': 'all',
  'stakeholders.delete': 'all',
  'goals.list': 'read',
  'goals.create': ({ accountId }) => account(accountId),
  'goals.update': 'all',
  'goals.delete': 'all',
  'metrics.list': 'read',
  'metrics.saveMonth': ({ accountId }) => account(accountId),
  'insights.account': 'read',
  'insights.portfolio': 'read',
  'assessments.list': 'read',
  'assessments.get': 'read',
  'assessments.evaluate': 'read',
  'assessments.saveDraft': ({ accountId }) => account(accountId),
  'assessments.finalize': ({ accountId }) => account(accountId),
  // The job commits on its own connection, which every cache sees as another connection's write.
  'import.preview': 'read',
  'import.start': 'none',
  'import.progress': 'read',
  'import.cancel': 'read',
  // Deck records and drafts are read by nothing these caches hold.
  'decks.plan': 'read',
  'decks.export': 'none',
  'decks.list': 'read',
  'decks.exportPortfolio': 'none',
  'decks.jobProgress': 'read',
  'decks.cancelJob': 'read',
  'decks.readBrandFromTemplate': 'read',
  'decks.saveDraft': 'none',
  'decks.getDraft': 'read',
  'decks.latestDraft': 'read',
  'decks.listDrafts': 'read',
  'decks.lastQuarterEdits': 'read',
  'decks.reveal': 'read',
  'files.chooseSavePath': 'read',
  'files.chooseOpenPath': 'read',
  'workspace.current': 'read',
  'workspace.recent': 'read',
  // The recent list is a file in the app data folder, not in the workspace.
  'workspace.forgetRecent': 'read',
  'workspace.create': 'read',
  'workspace.open': 'read',
  // Switching to a team workspace writes nothing into the one open now; testing changes nothing.
  'workspace.connectTeam': 'read',
  'workspace.testTeamConnection': 'read',
  'workspace.passwordStorage': 'read',
  'workspace.backupNow': 'read',
  'workspace.listBackups': 'read',
  'workspace.restoreBackup': 'all',
  'workspace.exportJson': 'read',
  'workspace.previewImport': 'read',
  'workspace.importJson': 'all',
  'portfolio.facts': 'read',
  // The ledger is read by no cache (portfolio.facts counts it on every call).
  'commitments.list': 'read',
  'commitments.create': 'none',
  'commitments.update': 'none',
  // Take-out writes a new file and reads the open workspace; bring-back writes rows of any account it carries.
  'offline.takeOut': 'read',
  'offline.origin': 'read',
  'offline.previewBringBack': 'read',
  'offline.bringBack': 'all',
  'users.list': 'read',
  'users.current': 'read',
  // Who you are is this session's state, not the workspace's.
  'users.choose': 'read',
  // Users and owners are read by no cache.
  'users.add': 'none',
  'users.rename': 'none',
  'accounts.setOwner': 'none',
  'audit.list': 'read',
};

/*
 * Whose data each writing method writes, for the one ownership check of a workspace with users
 * (write-guard.ts). Every method is listed, like WRITE_EFFECTS above, so a new one cannot be
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

/** Wraps every writing handler so the workspace's change tracker knows what it may have changed. */
export function announceWrites(handlers: ApiHandlers, workspace: Pick<Workspace, 'sqlite' | 'db'>): ApiHandlers {
  const changes = accountChanges(workspace);
  const wrapped = { ...handlers } as Record<ApiMethodName, (input: unknown) => Promise<unknown>>;
  for (const method of Object.keys(WRITE_EFFECTS) as ApiMethodName[]) {
    const effect = WRITE_EFFECTS[method] as EffectOf<ApiMethodName>;
    if (effect === 'read') continue;
    const handler = wrapped[method];
    wrapped[method] = async (input) => {
      const end = changes.begin(typeof effect === 'function' ? effect(input as never) : effect);
      try {
        return await handler(input);
      } finally {
        end();
      }
    };
  }
  return wrapped as unknown as ApiHandlers;
}
