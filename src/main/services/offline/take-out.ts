import fs from 'node:fs';
import path from 'node:path';
import { ApiFailure } from '../../../shared/api/errors';
import type { TakeOutOrigin } from '../../../shared/api/schemas/offline-schemas';
import { insertTakeOutBase, insertTakeOutOrigin, readTakeOutOrigin } from '../../storage/db/repositories/take-out-repository';
import {
  ACCOUNT_TABLES,
  inBatches,
  OBSERVATION_BATCH,
  observationsByKey,
  readAccountRows,
  readAllRows,
  readConsistently,
  upsertRows,
  WRITE_ORDER,
  type WorkspaceRows,
} from '../../storage/db/repositories/workspace-rows-repository';
import type { TakeOutOriginRow } from '../../storage/db/tables/take-out-tables';
import { replaceFileAtomic } from '../../storage/files/atomic-write';
import { openWorkspaceFile, type Workspace } from '../../storage/workspace/open-workspace';
import { accountIdOf, rowKeyOf, rowsOf, versionOf } from './offline-rows';

export interface TakeOutDeps {
  now: () => Date;
  actor: string;
}

/**
 * Takes the chosen accounts, with every row of theirs, out of the open workspace into a new
 * workspace file at `target` (never over an existing file; written under a temp name and renamed,
 * so it is never half there). The file gets the workspace's settings too, and records its source
 * (password masked) and every taken row as it was: the base a bring-back compares with.
 * @example await takeOutAccounts(teamWorkspace, ['acc-1', 'acc-2'], '/home/ana/laptop.qbr', { now, actor: 'ana' });
 */
export async function takeOutAccounts(workspace: Workspace, accountIds: readonly string[], target: string, deps: TakeOutDeps): Promise<{ path: string; origin: TakeOutOrigin; counts: Record<string, number> }> {
  const absolute = path.resolve(target);
  if (absolute === workspace.path) throw new ApiFailure('invalid_input', 'The take-out file cannot be the open workspace itself.', { field: 'path' });
  if (fs.existsSync(absolute)) throw new ApiFailure('conflict', `${absolute} already exists; take the accounts out into a new file.`, { path: absolute, field: 'path' });
  const ids = [...new Set(accountIds)];
  const { rows, settings } = await readConsistently(workspace, async (trx) => ({
    rows: await readAccountRows(trx, ids),
    settings: (await readAllRows(trx, WRITE_ORDER.filter((table) => table !== 'settings'))).settings,
  }));
  const found = new Set(rows.accounts.map((account) => account.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new ApiFailure('not_found', `No account with id ${missing.join(', ')} in ${workspace.path}; nothing was taken out.`, { accountIds: missing });

  const origin: Omit<TakeOutOriginRow, 'id' | 'broughtBackAt'> = {
    source: workspace.path,
    takenAt: deps.now().toISOString(),
    takenBy: deps.actor,
    accountIdsJson: JSON.stringify(ids),
  };
  await replaceFileAtomic(absolute, async (tempPath) => {
    const laptop = await openWorkspaceFile(tempPath, { now: deps.now, nativeBinding: workspace.nativeBinding, integrityCheck: 'none' });
    try {
      await laptop.db.transaction().execute(async (trx) => {
        await writeRows(trx, { ...rows, settings });
        await insertTakeOutOrigin(trx, origin);
        await insertTakeOutBase(
          trx,
          [...rowsOf(rows, ACCOUNT_TABLES)].map(({ table, row }) => ({
            tableName: table,
            rowKey: rowKeyOf(table, row),
            accountId: accountIdOf(table, row),
            version: versionOf(row),
            rowJson: JSON.stringify(row),
          })),
        );
      });
    } finally {
      await laptop.close();
    }
  });
  const counts = Object.fromEntries(ACCOUNT_TABLES.map((table) => [table, rows[table].length]));
  return { path: absolute, origin: originOf({ ...origin, id: 1, broughtBackAt: null }), counts };
}

/** Writes rows parents first (metric values in batches). */
async function writeRows(trx: Parameters<typeof upsertRows>[0], rows: WorkspaceRows): Promise<void> {
  for (const table of WRITE_ORDER) {
    if (table === 'metricObservations') {
      const observations = observationsByKey(trx);
      for (const batch of inBatches(rows.metricObservations, OBSERVATION_BATCH)) await observations.upsertMany(batch);
    } else await upsertRows(trx, table, rows[table]);
  }
}

/** Where the open workspace was taken out from; null when it was not. */
export async function takeOutOriginOf(workspace: Workspace): Promise<TakeOutOrigin | null> {
  const row = await readTakeOutOrigin(workspace.db);
  return row ? originOf(row) : null;
}

export function originOf(row: TakeOutOriginRow): TakeOutOrigin {
  return { source: row.source, takenAt: row.takenAt, takenBy: row.takenBy, accountIds: JSON.parse(row.accountIdsJson) as string[], broughtBackAt: row.broughtBackAt };
}
