import SqliteDatabase from 'better-sqlite3';
import { openBackend } from '../src/main/api/backend';
import type { BenchContext } from './bench-context';
import { atMost, benchRow, median, spread, timeMs, type BenchRow } from './bench-row';
import { BENCH_NOW } from './synthetic-portfolio';

const RUNS = 21;
const LIST_LIMIT_MS = 30;
/** What a user types: matches "Bench Account 0012", "…0120"–"…0129", "…1012", … */
const SEARCH = '12';

/**
 * `accounts.list` with a search on the 2,000-account workspace (every search keystroke), median of
 * 21 after a warm-up; the floor is better-sqlite3 running the bare account query (name/notes LIKE,
 * sorted by name) on its own connection.
 */
export async function benchAccountsList(context: BenchContext): Promise<BenchRow> {
  const backend = await openBackend({ workspacePath: context.portfolio.workspacePath, transport: 'direct', now: () => BENCH_NOW, log: () => {} });
  const raw = new SqliteDatabase(context.portfolio.workspacePath, { readonly: true });
  try {
    const list = () => backend.handlers['accounts.list']({ search: SEARCH, sortBy: 'name', direction: 'asc' });
    const bare = raw.prepare("SELECT * FROM accounts WHERE deleted_at IS NULL AND (name LIKE ? ESCAPE '\\' OR notes LIKE ? ESCAPE '\\') ORDER BY name COLLATE NOCASE");
    const found = (await list()).length;
    bare.all(`%${SEARCH}%`, `%${SEARCH}%`);
    const ours: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(await timeMs(list));
      floor.push(await timeMs(() => bare.all(`%${SEARCH}%`, `%${SEARCH}%`)));
    }
    const unsearched: number[] = [];
    for (let i = 0; i < 5; i++) unsearched.push(await timeMs(() => backend.handlers['accounts.list']({ search: '', sortBy: 'name', direction: 'asc' })));
    return benchRow({
      id: 'accounts-list',
      what: 'accounts list',
      workload: `accounts.list with search "${SEARCH}" (${found} of 2,000 accounts) on the 2,000-account workspace, median of ${RUNS}`,
      figure: median(ours),
      unit: 'ms',
      floorIs: 'better-sqlite3 running the bare account query (LIKE on name and notes, sorted by name)',
      floor: median(floor),
      target: `≤ ${LIST_LIMIT_MS} ms`,
      checks: [atMost('accounts.list with a search', median(ours), LIST_LIMIT_MS, 'ms')],
      extra: { oursSpreadMs: spread(ours, 1), allAccountsMs: Math.round(median(unsearched) * 10) / 10 },
    });
  } finally {
    raw.close();
    await backend.close();
  }
}
