import fs from 'node:fs';
import type SqliteDatabase from 'better-sqlite3';
import type { WorkspaceDb } from '../../src/main/storage/db/database';
import { METRIC_CATALOG } from '../../src/shared/metrics/metric-catalog';

/** The stream every seeded account has, so generated files can mix stream and account-level rows. */
export const SEEDED_STREAM_NAME = 'Core program';

/** Name of the n-th seeded account (1-based), e.g. "Account 0007". */
export function seededAccountName(n: number): string {
  return `Account ${String(n).padStart(4, '0')}`;
}

/** The accounts and streams seedImportAccounts adds: `seed-account-<n>` each with a hybrid stream `seed-stream-<n>` (a hybrid may record every metric). */
function importAccountRows(count: number, stamp: string) {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    return {
      account: { id: `seed-account-${n}`, name: seededAccountName(n), customerSegment: 'hospital_health_system', buyerType: 'provider', notes: '', renewalDate: null, contractStartDate: null, createdAt: stamp, updatedAt: stamp },
      stream: { id: `seed-stream-${n}`, accountId: `seed-account-${n}`, name: SEEDED_STREAM_NAME, revenueModel: 'hybrid', paymentEnvironment: null, termsJson: '{}', startDate: null, endDate: null, createdAt: stamp, updatedAt: stamp },
    };
  });
}

/**
 * Adds `count` accounts, each with one hybrid revenue stream, straight into a workspace file: big
 * import fixtures need hundreds of accounts and the API would make the setup slower than the test.
 */
export function seedImportAccounts(sqlite: SqliteDatabase.Database, count: number, stamp = '2026-01-01T00:00:00.000Z'): void {
  const account = sqlite.prepare(
    `INSERT INTO accounts (id, name, customer_segment, buyer_type, notes, renewal_date, contract_start_date, created_at, updated_at)
     VALUES (@id, @name, @customerSegment, @buyerType, @notes, @renewalDate, @contractStartDate, @createdAt, @updatedAt)`,
  );
  const stream = sqlite.prepare(
    `INSERT INTO revenue_streams (id, account_id, name, revenue_model, payment_environment, terms_json, start_date, end_date, created_at, updated_at)
     VALUES (@id, @accountId, @name, @revenueModel, @paymentEnvironment, @termsJson, @startDate, @endDate, @createdAt, @updatedAt)`,
  );
  sqlite.transaction(() => {
    for (const row of importAccountRows(count, stamp)) {
      account.run(row.account);
      stream.run(row.stream);
    }
  })();
}

/** seedImportAccounts for any workspace, a file or a team database, through its Kysely instance. */
export async function seedImportAccountsInto(db: WorkspaceDb, count: number, stamp = '2026-01-01T00:00:00.000Z'): Promise<void> {
  const rows = importAccountRows(count, stamp);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('accounts').values(rows.map((row) => row.account)).execute();
    await trx.insertInto('revenueStreams').values(rows.map((row) => row.stream)).execute();
  });
}

/** Count-unit catalog keys: any non-negative integer is a valid value for them. */
export const COUNT_METRIC_KEYS = METRIC_CATALOG.filter((d) => d.unit === 'count' && d.min === undefined && d.max === undefined).map((d) => d.key);

/**
 * Writes a long-format CSV of accounts × metrics × months (every other account's rows on its
 * stream, the rest account level), streamed to disk in blocks. Returns the number of data rows.
 * `valueOffset` shifts every value, to make a re-import that updates everything.
 */
export function writeLongMetricsCsv(filePath: string, shape: { accounts: number; metrics: number; months: number; valueOffset?: number }): number {
  const keys = COUNT_METRIC_KEYS.slice(0, shape.metrics);
  if (keys.length < shape.metrics) throw new Error(`Only ${COUNT_METRIC_KEYS.length} count metrics in the catalog.`);
  const months = Array.from({ length: shape.months }, (_, i) => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  const fd = fs.openSync(filePath, 'w');
  let rows = 0;
  try {
    fs.writeSync(fd, 'account,stream,metric,month,value\n');
    for (let a = 1; a <= shape.accounts; a += 1) {
      const lines: string[] = [];
      const account = seededAccountName(a);
      const stream = a % 2 === 0 ? SEEDED_STREAM_NAME : '';
      for (let k = 0; k < keys.length; k += 1) {
        for (let m = 0; m < months.length; m += 1) {
          lines.push(`${account},${stream},${keys[k]},${months[m]},${(a * 7 + k * 13 + m * 3) % 5000 + (shape.valueOffset ?? 0)}`);
        }
      }
      rows += lines.length;
      fs.writeSync(fd, `${lines.join('\n')}\n`);
    }
  } finally {
    fs.closeSync(fd);
  }
  return rows;
}
