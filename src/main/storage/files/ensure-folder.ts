import fs from 'node:fs';
import { ApiFailure } from '../../../shared/api/errors';

/**
 * Makes sure `folder` exists before a file is written into it: creates it (and its parents) when
 * `create` is true; otherwise a missing folder is `not_found` with `details.missingFolder`, so the
 * UI can offer to create it. A file where the folder should be is `file_not_writable`.
 * @example await ensureFolder('/Users/ana/Decks/Q4', false)
 */
export async function ensureFolder(folder: string, create: boolean, field?: string): Promise<void> {
  const stat = fs.statSync(folder, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return;
  if (stat) throw new ApiFailure('file_not_writable', `${folder} is a file, not a folder.`, { folder, ...(field ? { field } : {}) });
  if (!create) {
    throw new ApiFailure('not_found', `The folder ${folder} does not exist. Create it, or choose another folder.`, { folder, missingFolder: true, ...(field ? { field } : {}) });
  }
  try {
    await fs.promises.mkdir(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ApiFailure(code === 'ENOSPC' ? 'disk_full' : 'file_not_writable', `The folder ${folder} could not be created (${code ?? 'unknown error'}).`, { folder });
  }
}
