import path from 'node:path';
import { countLiveAccounts } from '../../storage/db/repositories/accounts-repository';
import { loadDemoPortfolio } from '../../services/demo/load-demo-portfolio';
import { loadAppSettings, saveAppSettings } from '../../storage/settings/app-settings';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';
import { canRevealFiles } from './deck-file-handlers';

type AppHandlers = Pick<ApiHandlers, 'app.info' | 'app.completeOnboarding' | 'demo.load' | 'settings.get' | 'settings.update'>;

export function appHandlers(deps: HandlerDeps): AppHandlers {
  const { workspace, now } = deps;
  const { db } = workspace;
  return {
    'app.info': async () => {
      const settings = await loadAppSettings(db);
      const accountCount = await countLiveAccounts(db);
      return {
        appVersion: deps.appVersion,
        schemaVersion: workspace.schemaVersion,
        workspacePath: workspace.path,
        filesFolder: workspace.dialect === 'sqlite' ? path.dirname(workspace.path) : (deps.pathPolicy.defaultFolder?.() ?? null),
        isFirstRun: accountCount === 0 && !settings.onboardingCompleted,
        transport: deps.transport,
        canRevealFiles: canRevealFiles(deps),
      };
    },

    'app.completeOnboarding': async ({ choice }) => {
      const demo = choice === 'demo' ? await loadDemoPortfolio(deps) : null;
      await saveAppSettings(db, { onboardingCompleted: true }, now());
      return { demo };
    },

    'demo.load': async () => loadDemoPortfolio(deps),

    'settings.get': async () => loadAppSettings(db),

    'settings.update': async (patch) => saveAppSettings(db, patch, now()),
  };
}
