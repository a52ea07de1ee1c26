import type { ApiMethodName, ApiParsedInput } from '../../shared/api/contract';
import { accountChanges, type WriteEffect } from '../services/workspace-changes/account-changes';
import type { Workspace } from '../storage/workspace/open-workspace';
import type { ApiHandlers } from './api-handlers';

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
};

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
