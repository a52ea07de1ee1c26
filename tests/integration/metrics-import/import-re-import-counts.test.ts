import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../src/main/api/backend';
import { COUNT_METRIC_KEYS, seedImportAccounts, writeLongMetricsCsv } from '../../support/metrics-import-fixtures';
import { FIXED_NOW, makeTempDir } from '../../support/temp-backend';
import { importAndWait } from './import-test-helpers';

/*
 * A re-import's preview reads the stored values of a run of months (one account, stream and
 * metric) with one range scan where it can, and one lookup per value where a scan would read far
 * more than the file gives. Whichever way a value was read, the preview must count exactly what
 * it would do, and its commit (reusing it) write exactly that. The workspace holds 4 accounts × 4
 * metrics × 24 months (2020-01 .. 2021-12) = 384 values from 1,000 up, imported from `base`.
 */

const ACCOUNTS = 4;
const METRICS = 4;
const MONTHS = 24;
const STORED = ACCOUNTS * METRICS * MONTHS;
/** Every value at least 1,000, so some can be written with a thousands separator. */
const VALUE_OFFSET = 1000;

describe('a re-import counts what it would do, whichever way its values were read', () => {
  let dir: string;
  let cleanupDir: () => void;
  let backend: Backend;
  let header: string;
  let lines: string[];

  /** Previews `rows` (long or wide, with its header), commits reusing the preview, and returns both counts. */
  const reImport = async (rows: readonly string[]) => {
    const file = path.join(dir, 'again.csv');
    fs.writeFileSync(file, `${rows.join('\n')}\n`);
    const preview = await backend.client.call('import.preview', { source: { kind: 'path', path: file } });
    const { final } = await importAndWait(backend, { source: { kind: 'path', path: file }, mode: 'valid-rows' });
    expect(final.result).toMatchObject({ reusedPreview: true, counts: { rejected: 0 } });
    const { wouldAdd, wouldUpdate, unchanged } = preview.counts;
    const written = final.result!.counts;
    expect({ added: written.added, updated: written.updated, unchanged: written.unchanged }).toEqual({ added: wouldAdd, updated: wouldUpdate, unchanged });
    return { wouldAdd, wouldUpdate, unchanged };
  };
  const storedValue = (line: string): unknown => {
    const [account, , metric, month] = line.split(',');
    return backend.workspace.sqlite!
      .prepare('SELECT m.value FROM metric_observations m JOIN accounts a ON a.id = m.account_id WHERE a.name = ? AND m.metric_key = ? AND m.month = ?')
      .pluck()
      .get(account, metric, month);
  };
  const withValue = (line: string, value: string) => [...line.split(',').slice(0, 4), value].join(',');
  const valueOf = (line: string) => Number(line.split(',')[4]);
  const monthOf = (line: string) => line.split(',')[3]!;
  const metricOf = (line: string) => line.split(',')[2]!;

  beforeEach(async () => {
    ({ dir, cleanup: cleanupDir } = makeTempDir());
    backend = await openBackend({ workspacePath: path.join(dir, 'workspace.sqlite'), transport: 'direct', now: () => FIXED_NOW, log: () => {} });
    seedImportAccounts(backend.workspace.sqlite!, ACCOUNTS);
    const base = path.join(dir, 'base.csv');
    writeLongMetricsCsv(base, { accounts: ACCOUNTS, metrics: METRICS, months: MONTHS, valueOffset: VALUE_OFFSET });
    const { final } = await importAndWait(backend, { source: { kind: 'path', path: base }, mode: 'valid-rows' });
    expect(final.result!.counts.added).toBe(STORED);
    [header, ...lines] = fs.readFileSync(base, 'utf8').trim().split('\n') as [string, ...string[]];
  });
  afterEach(async () => {
    await backend.close();
    cleanupDir();
  });

  it('reports exactly the one changed value among unchanged ones as an update, and writes it', async () => {
    const changed = lines[100]!;
    const counts = await reImport([header, ...lines.map((line) => (line === changed ? withValue(line, String(valueOf(line) + 1)) : line))]);
    expect(counts).toEqual({ wouldAdd: 0, wouldUpdate: 1, unchanged: STORED - 1 });
    expect(storedValue(changed)).toBe(valueOf(changed) + 1);
  });

  it('counts a value written another way but equal once read as a number as unchanged', async () => {
    const forms = [(v: number) => `${v}.0`, (v: number) => `${v}.000`, (v: number) => `${v / 1000}e3`, (v: number) => `"${v.toLocaleString('en-US')}"`];
    const rewritten = lines.map((line, i) => withValue(line, forms[i % forms.length]!(valueOf(line))));
    expect(rewritten.some((line) => /"\d,\d{3}"$/.test(line))).toBe(true);
    expect(await reImport([header, ...rewritten])).toEqual({ wouldAdd: 0, wouldUpdate: 0, unchanged: STORED });
  });

  it('adds the new month of runs a history was extended by, between runs that are complete, with a change in each kind', async () => {
    const longer = path.join(dir, 'longer.csv');
    writeLongMetricsCsv(longer, { accounts: ACCOUNTS, metrics: METRICS, months: MONTHS + 1, valueOffset: VALUE_OFFSET });
    const [, ...longerLines] = fs.readFileSync(longer, 'utf8').trim().split('\n');
    // Metrics 0 and 2 gain 2022-01; 1 and 3 stay as stored: runs alternate, extended and complete.
    const extended = new Set([COUNT_METRIC_KEYS[0], COUNT_METRIC_KEYS[2]]);
    const rows = longerLines.filter((line) => monthOf(line) !== '2022-01' || extended.has(metricOf(line) as never));
    const inExtended = rows.findIndex((line, i) => i > 200 && extended.has(metricOf(line) as never) && monthOf(line) === '2021-06');
    const inComplete = rows.findIndex((line, i) => i > 200 && !extended.has(metricOf(line) as never) && monthOf(line) === '2020-03');
    rows[inExtended] = withValue(rows[inExtended]!, String(valueOf(rows[inExtended]!) + 5));
    rows[inComplete] = withValue(rows[inComplete]!, String(valueOf(rows[inComplete]!) + 5));
    expect(await reImport([header, ...rows])).toEqual({ wouldAdd: ACCOUNTS * 2, wouldUpdate: 2, unchanged: STORED - 2 });
  });

  it('counts a sparse file (every sixth month) value by value, one change among them', async () => {
    const sparse = lines.filter((line) => Number(monthOf(line).slice(5)) % 6 === 1);
    sparse[20] = withValue(sparse[20]!, String(valueOf(sparse[20]!) + 1));
    expect(await reImport([header, ...sparse])).toEqual({ wouldAdd: 0, wouldUpdate: 1, unchanged: sparse.length - 1 });
  });

  it('does not take a stored month that is not YYYY-MM, inside a run of months, for a missing month', async () => {
    // Account 0001's first metric: 2020-02 deleted, and a malformed 2020-01-15 stored between 2020-01 and 2020-02.
    const sqlite = backend.workspace.sqlite!;
    const key = ["account_id = 'seed-account-1'", `metric_key = '${COUNT_METRIC_KEYS[0]}'`].join(' AND ');
    expect(sqlite.prepare(`DELETE FROM metric_observations WHERE ${key} AND month = '2020-02'`).run().changes).toBe(1);
    sqlite.prepare(`INSERT INTO metric_observations (account_id, stream_id, metric_key, month, value, source, updated_at) SELECT account_id, stream_id, metric_key, '2020-01-15', value, source, updated_at FROM metric_observations WHERE ${key} AND month = '2020-01'`).run();
    expect(await reImport([header, ...lines])).toEqual({ wouldAdd: 1, wouldUpdate: 0, unchanged: STORED - 1 });
    expect(sqlite.prepare(`SELECT count(*) FROM metric_observations WHERE ${key} AND month IN ('2020-01-15', '2020-02')`).pluck().get()).toBe(2);
  });

  it('does not read a run with a gap in its months as consecutive months', async () => {
    // Account 0001's first metric: the file gives 2020-01 and 2020-03 only, and 2020-03 is not stored (2020-02 is).
    const first = (line: string) => line.startsWith('Account 0001,') && metricOf(line) === COUNT_METRIC_KEYS[0];
    backend.workspace.sqlite!.prepare(`DELETE FROM metric_observations WHERE account_id = 'seed-account-1' AND metric_key = ? AND month = '2020-03'`).run(COUNT_METRIC_KEYS[0]);
    const rows = lines.filter((line) => !first(line) || ['2020-01', '2020-03'].includes(monthOf(line)));
    expect(rows).toHaveLength(STORED - MONTHS + 2);
    expect(await reImport([header, ...rows])).toEqual({ wouldAdd: 1, wouldUpdate: 0, unchanged: rows.length - 1 });
  });

  it('counts a wide file (a row per account and month, a column per metric) the same, one change among them', async () => {
    const keys = COUNT_METRIC_KEYS.slice(0, METRICS);
    const byRow = new Map<string, Map<string, string>>();
    for (const line of lines) {
      const [account, stream, metric, month, value] = line.split(',') as [string, string, string, string, string];
      const row = `${account},${stream},${month}`;
      if (!byRow.has(row)) byRow.set(row, new Map());
      byRow.get(row)!.set(metric, value);
    }
    const wide = [...byRow].map(([row, values], i) => [row, ...keys.map((key, k) => (i === 30 && k === 2 ? String(Number(values.get(key)) + 1) : values.get(key)))].join(','));
    expect(wide).toHaveLength(ACCOUNTS * MONTHS);
    expect(await reImport([`account,stream,month,${keys.join(',')}`, ...wide])).toEqual({ wouldAdd: 0, wouldUpdate: 1, unchanged: STORED - 1 });
  });
});
