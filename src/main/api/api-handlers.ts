import type { ApiMethodName, ApiOutput, ApiParsedInput } from '../../shared/api/contract';
import type { HandlerDeps } from './handler-deps';
import { defaultActor } from './default-actor';
import { createBulkWriteGate } from './bulk-write-gate';
import { defaultPathPolicy } from './host/path-policy';
import { accountHandlers } from './handlers/account-handlers';
import { appHandlers } from './handlers/app-handlers';
import { assessmentHandlers } from './handlers/assessment-handlers';
import { goalHandlers } from './handlers/goal-handlers';
import { importHandlers } from './handlers/import-handlers';
import { insightHandlers } from './handlers/insight-handlers';
import { stakeholderHandlers } from './handlers/stakeholder-handlers';
import { streamHandlers } from './handlers/stream-handlers';
import { workspaceHandlers } from './handlers/workspace-handlers';
import { deckFileHandlers } from './handlers/deck-file-handlers';
import { deckHandlers } from './handlers/deck-handlers';
import { deckDraftHandlers } from './handlers/deck-draft-handlers';
import { fileDialogHandlers } from './handlers/file-dialog-handlers';
import { guardWrites } from './write-guard';
import { userHandlers } from './handlers/user-handlers';
import { auditHandlers } from './handlers/audit-handlers';
import { portfolioHandlers } from './handlers/portfolio-handlers';
import { commitmentHandlers } from './handlers/commitment-handlers';
import { offlineHandlers } from './handlers/offline-handlers';

/** One async function per contract method, receiving validated input. */
export type ApiHandlers = {
  [M in ApiMethodName]: (input: ApiParsedInput<M>) => Promise<ApiOutput<M>>;
};

/**
 * Builds the single handler table every transport (IPC, web harness, CLI, tests) calls. A gate for
 * bulk writes is made when none is given. Writing methods pass the one ownership check of a team
 * workspace (write-guard.ts) before they run; per-account caches need nothing from them (the
 * database moves each account's data version itself: migration 9).
 */
export function createApiHandlers(
  given: Omit<HandlerDeps, 'bulkWrites' | 'pathPolicy' | 'session'> & Partial<Pick<HandlerDeps, 'bulkWrites' | 'pathPolicy'>> & { actor?: string },
): ApiHandlers {
  const { actor, ...rest } = given;
  const deps: HandlerDeps = {
    ...rest,
    session: { actor: actor ?? defaultActor() },
    bulkWrites: given.bulkWrites ?? createBulkWriteGate(),
    pathPolicy: given.pathPolicy ?? defaultPathPolicy(given.transport, () => given.workspace.path),
  };
  const handlers: ApiHandlers = {
    ...appHandlers(deps),
    ...accountHandlers(deps),
    ...streamHandlers(deps),
    ...stakeholderHandlers(deps),
    ...goalHandlers(deps),
    ...insightHandlers(deps),
    ...assessmentHandlers(deps),
    ...workspaceHandlers(deps),
    ...importHandlers(deps),
    ...deckHandlers(deps),
    ...deckDraftHandlers(deps),
    ...deckFileHandlers(deps),
    ...fileDialogHandlers(deps),
    ...portfolioHandlers(deps),
    ...commitmentHandlers(deps),
    ...offlineHandlers(deps),
    ...userHandlers(deps),
    ...auditHandlers(deps),
  };
  return guardWrites(handlers, deps);
}
