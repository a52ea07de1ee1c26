import { NO_DIALOG_HOST_SERVICES } from '../host/host-services';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';

type FileDialogHandlers = Pick<ApiHandlers, 'files.chooseSavePath' | 'files.chooseOpenPath'>;

/**
 * Native open/save dialogs through the host's services. The browser harness never shows one (the
 * dialog would open on the machine serving it, not in the browser), so there, as where no host
 * services were given, every call fails with `not_available`.
 */
export function fileDialogHandlers(deps: Pick<HandlerDeps, 'transport' | 'hostServices'>): FileDialogHandlers {
  const dialogs = deps.transport === 'web-harness' || !deps.hostServices ? NO_DIALOG_HOST_SERVICES : deps.hostServices;
  return {
    'files.chooseSavePath': async ({ title, defaultPath, filters }) => ({
      path: await dialogs.chooseFileToSave({ title, defaultName: defaultPath ?? '', filters }),
    }),
    'files.chooseOpenPath': async ({ title, defaultPath, filters }) => ({
      path: await dialogs.chooseFileToOpen({ title, filters, ...(defaultPath ? { defaultPath } : {}) }),
    }),
  };
}
