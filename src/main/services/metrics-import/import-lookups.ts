import type { RevenueModelKey } from '../../../shared/framework/keys';
import { normaliseName } from '../../../shared/metrics-import/header-matching';
import type { ImportLookups } from '../../../shared/metrics-import/row-validator';
import type { ImportTargetRow } from '../../storage/db/repositories/metric-import-repository';

/** The workspace's accounts and streams as name lookups, plus whether a cell names one (the PHI check spares known names). */
export interface WorkspaceImportLookups extends ImportLookups {
  isKnownName(cell: string): boolean;
  hasAccount(accountId: string): boolean;
}

/** Lookups over the live accounts and their streams, read once at the start of an import (ImportSession.targets). */
export function buildImportLookups(targets: readonly ImportTargetRow[]): WorkspaceImportLookups {
  const accountIds = new Map<string, string>();
  const accountNames = new Map<string, string>();
  const streams = new Map<string, Map<string, { id: string; name: string }>>();
  const knownNames = new Set<string>();
  const streamNamesById = new Map<string, string>();
  const streamModels = new Map<string, RevenueModelKey>();
  for (const row of targets) {
    accountIds.set(normaliseName(row.accountName), row.accountId);
    accountNames.set(row.accountId, row.accountName);
    knownNames.add(normaliseName(row.accountName));
    if (row.streamId && row.streamName !== null) {
      const byName = streams.get(row.accountId) ?? new Map<string, { id: string; name: string }>();
      byName.set(normaliseName(row.streamName), { id: row.streamId, name: row.streamName });
      streams.set(row.accountId, byName);
      knownNames.add(normaliseName(row.streamName));
      streamNamesById.set(row.streamId, row.streamName);
      if (row.streamModel) streamModels.set(row.streamId, row.streamModel as RevenueModelKey);
    }
  }
  return {
    accountIdByName: (name) => accountIds.get(name),
    accountName: (id) => accountNames.get(id) ?? id,
    streamIdByName: (accountId, name) => streams.get(accountId)?.get(name)?.id,
    streamNames: (accountId) => [...(streams.get(accountId)?.values() ?? [])].map((stream) => stream.name),
    streamIds: (accountId) => [...(streams.get(accountId)?.values() ?? [])].map((stream) => stream.id),
    streamName: (id) => streamNamesById.get(id) ?? id,
    streamModel: (id) => streamModels.get(id) ?? null,
    isKnownName: (cell) => knownNames.has(normaliseName(cell)),
    hasAccount: (id) => accountNames.has(id),
  };
}
