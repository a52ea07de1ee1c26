import { ApiClientError } from './client';

/** The folder an export was refused for because it does not exist yet (`details.missingFolder`), or null. */
export function missingFolderOf(error: unknown): string | null {
  if (!(error instanceof ApiClientError) || error.code !== 'not_found') return null;
  const details = error.details as { missingFolder?: unknown; folder?: unknown } | undefined;
  return details?.missingFolder === true && typeof details.folder === 'string' ? details.folder : null;
}
