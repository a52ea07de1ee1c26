import { bringBack, previewBringBack } from '../../services/offline/bring-back';
import { takeOutAccounts, takeOutOriginOf } from '../../services/offline/take-out';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';

type OfflineHandlers = Pick<ApiHandlers, 'offline.takeOut' | 'offline.origin' | 'offline.previewBringBack' | 'offline.bringBack'>;

/** Offline laptops: take accounts out of the open workspace into a file; bring a taken-out file back into it. */
export function offlineHandlers(deps: HandlerDeps): OfflineHandlers {
  const { workspace, pathPolicy } = deps;
  return {
    'offline.takeOut': async ({ accountIds, path }) => {
      const target = await pathPolicy.check(path, 'create');
      return takeOutAccounts(workspace, accountIds, target, { ...deps, actor: deps.session.actor });
    },

    'offline.origin': async () => takeOutOriginOf(workspace),

    'offline.previewBringBack': async ({ path }) => previewBringBack(workspace, await pathPolicy.check(path, 'read'), { ...deps, actor: deps.session.actor }),

    'offline.bringBack': async ({ path, expectedFingerprint, resolutions, keepAll }) => {
      const file = await pathPolicy.check(path, 'read');
      return bringBack(workspace, file, { expectedFingerprint, resolutions, keepAll }, { ...deps, actor: deps.session.actor });
    },
  };
}
