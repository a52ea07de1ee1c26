/*
 * `npm run bench` (issues 8 and 14; not part of npm test): builds a synthetic portfolio in a temp
 * folder, measures each row next to its floor in the same run, prints the table and writes
 * bench/results.json. Rows run one after another, with a full GC between them, so none pays for
 * another's garbage; the import rows run in child processes so their peak RSS is their own, and
 * the cold rows start fresh processes. A row whose measurement fails is written as failed.
 * Options: --only=ID,ID (ids as in BENCH_ROW_IDS)   --skip-web-build
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { writeLongMetricsCsv } from '../tests/support/metrics-import-fixtures';
import { benchAccountsList } from './accounts-list.bench';
import type { BenchContext } from './bench-context';
import { BENCH_ROW_IDS, collectGarbage, failedRow, type BenchRow, type BenchRowId } from './bench-row';
import { benchCliStart } from './cli-start.bench';
import { benchCsmBook } from './csm-book.bench';
import { IMPORT_SHAPE } from './import-shape';
import { benchMetricImport } from './metric-import.bench';
import { benchOneDeckInBackend } from './one-deck.bench';
import { benchOneDeckCold } from './one-deck-cold.bench';
import { benchPgImport } from './pg-import.bench';
import { benchPgPortfolioFirstPaint } from './pg-portfolio-first-paint.bench';
import { benchPortfolioDecks } from './portfolio-decks.bench';
import { benchPortfolioFirstPaint } from './portfolio-first-paint.bench';
import { benchReImport } from './re-import.bench';
import { benchRendererBundle } from './renderer-bundle.bench';
import { buildSyntheticPortfolio, CSM_BOOK, FULL_PORTFOLIO } from './synthetic-portfolio';
import { benchWorkspaceOpen } from './workspace-open.bench';

interface RowGroup {
  ids: BenchRowId[];
  what: string;
  needs: ('web-build' | 'portfolio' | 'book' | 'import-csv')[];
  run: (context: BenchContext) => Promise<BenchRow | BenchRow[]>;
}

// The order matters: rows that write into the portfolio (deck records, a changed metric) come after those that only read it.
const GROUPS: RowGroup[] = [
  { ids: ['renderer-bundle'], what: 'renderer bundle', needs: ['web-build'], run: benchRendererBundle },
  { ids: ['cli-start'], what: 'CLI start', needs: [], run: benchCliStart },
  { ids: ['workspace-open'], what: 'workspace open', needs: ['portfolio'], run: benchWorkspaceOpen },
  { ids: ['accounts-list'], what: 'accounts list', needs: ['portfolio'], run: benchAccountsList },
  { ids: ['portfolio-first-paint'], what: 'portfolio first paint', needs: ['web-build', 'portfolio'], run: benchPortfolioFirstPaint },
  { ids: ['csm-book'], what: "a CSM's book", needs: ['book'], run: benchCsmBook },
  { ids: ['one-deck-cold'], what: 'one deck, cold', needs: ['portfolio'], run: benchOneDeckCold },
  { ids: ['one-deck-after-change', 'one-deck-warm'], what: 'one deck', needs: ['portfolio'], run: benchOneDeckInBackend },
  { ids: ['portfolio-decks'], what: 'portfolio decks', needs: ['book'], run: benchPortfolioDecks },
  { ids: ['import'], what: 'metric import', needs: ['import-csv'], run: benchMetricImport },
  { ids: ['re-import'], what: 're-import', needs: ['import-csv'], run: benchReImport },
  // Team workspace rows: each starts its own PostgreSQL server (bench/bench-postgres.ts) and stops it.
  { ids: ['pg-import'], what: 'metric import into PostgreSQL', needs: ['import-csv'], run: benchPgImport },
  { ids: ['pg-portfolio-first-paint'], what: 'portfolio first paint on PostgreSQL', needs: ['web-build', 'portfolio'], run: benchPgPortfolioFirstPaint },
];

const args = process.argv.slice(2);
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const unknown = only?.filter((id) => !(BENCH_ROW_IDS as readonly string[]).includes(id)) ?? [];
if (unknown.length > 0) throw new Error(`Unknown row ids: ${unknown.join(', ')}. Known: ${BENCH_ROW_IDS.join(', ')}`);
const selected = GROUPS.filter((group) => !only || group.ids.some((id) => only.includes(id)));
const needs = new Set(selected.flatMap((group) => group.needs));

function versions() {
  const memory = new SqliteDatabase(':memory:');
  const sqlite = (memory.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  memory.close();
  const pptxgenjs = (JSON.parse(fs.readFileSync(path.resolve('node_modules/pptxgenjs/package.json'), 'utf8')) as { version: string }).version;
  return { node: process.version, sqlite, pptxgenjs, cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`, platform: `${os.platform()} ${os.release()}`, loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' ') };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const fmt = (value: number | null, unit: string) => (value === null || Number.isNaN(value) ? '—' : `${value.toLocaleString('en-US')} ${unit}`);

function markdownTable(rows: readonly BenchRow[]): string {
  const lines = ['| id | figure | floor (same run) | ratio | target | result | also measured |', '|---|---|---|---|---|---|---|'];
  for (const row of rows) {
    const extra = Object.entries(row.extra).map(([key, value]) => `${key} ${typeof value === 'number' ? value.toLocaleString('en-US') : value}`).join('; ');
    const failed = row.checks.filter((check) => !check.pass).map((check) => check.name);
    lines.push(`| ${row.id} | ${fmt(row.figure, row.unit)} | ${fmt(row.floor, row.unit)} | ${row.ratio === null ? '—' : `${row.ratio}×`} | ${row.target} | ${row.pass ? 'pass' : `MISS${failed.length ? ` (${failed.join(', ')})` : ''}`} | ${extra} |`);
  }
  return lines.join('\n');
}

function run(command: string, commandArgs: string[]): void {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed`);
}

const started = performance.now();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qbr-bench-'));
const rows: BenchRow[] = [];
try {
  // The CLI and the harness run from their built JavaScript, as they ship.
  run(process.execPath, ['scripts/build-node.mjs']);
  if (needs.has('web-build') && !args.includes('--skip-web-build')) {
    console.log('building the web renderer (vite.web.config.ts)…');
    run('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'error']);
  }
  const empty = { workspacePath: '', accountIds: [], observations: 0, buildMs: 0, bytes: 0 };
  const context: BenchContext = { dir, portfolio: empty, book: empty, importCsv: { path: path.join(dir, 'metrics.csv'), rows: 0, accounts: IMPORT_SHAPE.accounts } };
  if (needs.has('import-csv')) {
    context.importCsv.rows = writeLongMetricsCsv(context.importCsv.path, IMPORT_SHAPE);
    console.log(`import file: ${context.importCsv.rows.toLocaleString('en-US')} rows, ${(fs.statSync(context.importCsv.path).size / 1e6).toFixed(1)} MB`);
  }
  if (needs.has('portfolio')) {
    context.portfolio = await buildSyntheticPortfolio(dir, 'portfolio.sqlite', FULL_PORTFOLIO);
    console.log(`synthetic portfolio: ${context.portfolio.observations.toLocaleString('en-US')} observations, ${(context.portfolio.bytes / 1e6).toFixed(0)} MB, in ${seconds(context.portfolio.buildMs)}`);
  }
  if (needs.has('book')) {
    context.book = await buildSyntheticPortfolio(dir, 'book.sqlite', CSM_BOOK);
    console.log(`CSM book: ${context.book.observations.toLocaleString('en-US')} observations in ${seconds(context.book.buildMs)}`);
  }
  for (const group of selected) {
    collectGarbage();
    const groupStarted = performance.now();
    let result: BenchRow[];
    try {
      const measured = await group.run(context);
      result = Array.isArray(measured) ? measured : [measured];
    } catch (error) {
      console.error(`${group.what} could not be measured:`, error);
      result = group.ids.map((id) => failedRow(id, group.what, error));
    }
    for (const row of result.filter((r) => !only || only.includes(r.id))) {
      rows.push(row);
      console.log(`${row.id}: ${fmt(row.figure, row.unit)} vs floor ${fmt(row.floor, row.unit)} → ${row.pass ? 'pass' : 'MISS'} (${seconds(performance.now() - groupStarted)})`);
    }
  }
  rows.sort((a, b) => BENCH_ROW_IDS.indexOf(a.id) - BENCH_ROW_IDS.indexOf(b.id));
  const report = { measuredAt: new Date().toISOString(), versions: versions(), totalSeconds: Math.round((performance.now() - started) / 1000), rows };
  fs.writeFileSync(path.resolve('bench/results.json'), `${JSON.stringify(report, null, 2)}\n`);
  const v = report.versions;
  console.log(`\nNode ${v.node} · SQLite ${v.sqlite} · pptxgenjs ${v.pptxgenjs} · ${v.cpus} · ${v.platform} · load ${v.loadAverage} · whole run ${report.totalSeconds} s\n`);
  console.log(markdownTable(rows));
  console.log('\nwritten to bench/results.json');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
