import { defineMethod } from '../define-method';
import { chosenPathSchema, fileDialogInputSchema } from '../schemas/file-dialog-schemas';

/** Native file dialogs of the desktop app; elsewhere (browser harness, CLI) they fail with `not_available`. */
export const fileDialogMethods = {
  'files.chooseSavePath': defineMethod(
    fileDialogInputSchema,
    chosenPathSchema,
    'Asks where to save a file with a native save dialog; path is null when cancelled. Fails with not_available outside the desktop app.',
  ),
  'files.chooseOpenPath': defineMethod(
    fileDialogInputSchema,
    chosenPathSchema,
    'Asks which file to open with a native open dialog; path is null when cancelled. Fails with not_available outside the desktop app.',
  ),
};
