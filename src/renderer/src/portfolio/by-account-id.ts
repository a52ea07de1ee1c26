/**
 * Rows keyed by their account id, as the portfolio's stores keep health and the setup facts.
 * @example const insights = byAccountId(await api.call('insights.portfolio', {}));
 */
export function byAccountId<T extends { accountId: string }>(rows: readonly T[]): ReadonlyMap<string, T> {
  return new Map(rows.map((row) => [row.accountId, row]));
}
