import { NO_DIALOG_HOST_SERVICES } from '../host/host-services';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';

type FileDialogHandlers = Pick<ApiHandlers, 'files.chooseSavePath' | 'files.chooseOpenPath'>;

/**
 * Native open/save dialogs through the host's services. The browser harness never shows one (the
 * dialog would open on the machine serving it, not in the browser), so there, as where no host
 * services were given, every call fails with `not_available`.
 */
export function fileDialogHandlers(deps: Pick<HandlerDeps, 'transport' | 'hostServices' | 'pathPolicy'>): FileDialogHandlers {
  const dialogs = deps.transport === 'web-harness' || !deps.hostServices ? NO_DIALOG_HOST_SERVICES : deps.hostServices;
  // What the person chose is what later calls may use (path-policy.ts).
  const granted = (filePath: string | null, dialog: 'open' | 'save') => {
    if (filePath !== null) deps.pathPolicy.grant(filePath, dialog);
    return { path: filePath };
  };
  return {
    'files.chooseSavePath': async ({ title, defaultPath, filters }) => granted(await dialogs.chooseFileToSave({ title, defaultName: defaultPath ?? '', filters }), 'save'),
    'files.chooseOpenPath': async ({ title, defaultPath, filters }) =>
      granted(await dialogs.chooseFileToOpen({ title, filters, ...(defaultPath ? { defaultPath } : {}) }), 'open'),
  };
}
