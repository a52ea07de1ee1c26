import { ApiFailure } from '../../../shared/api/errors';
import type { WorkspaceDb } from '../../storage/db/database';
import { findLiveAccount } from '../../storage/db/repositories/accounts-repository';
import type { AccountRow } from '../../storage/db/tables/accounts-table';

/** The live account with this id, or a not_found failure the UI can show. */
export async function requireLiveAccount(db: WorkspaceDb, id: string): Promise<AccountRow> {
  const row = await findLiveAccount(db, id);
  if (!row) throw new ApiFailure('not_found', 'That account no longer exists. It may have been deleted.', { id });
  return row;
}
