/*
 * `npm run bench` (issue 8; not part of npm test): builds a synthetic portfolio in a temp folder,
 * measures each row next to its floor in the same run, prints the table and writes
 * bench/results.json. Rows run one after another, with a full GC between them, so none pays for
 * another's garbage; the import rows run in child processes so their peak RSS is their own.
 * Options: --only=import,re-import,recompute,book,one-deck,portfolio-decks,view   --skip-web-build
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { writeLongMetricsCsv } from '../tests/support/metrics-import-fixtures';
import type { BenchContext } from './bench-context';
import { collectGarbage, type BenchRow } from './bench-row';
import { benchCsmBook } from './csm-book.bench';
import { IMPORT_SHAPE } from './import-shape';
import { benchMetricImport } from './metric-import.bench';
import { benchOneDeck } from './one-deck.bench';
import { benchPortfolioDecks } from './portfolio-decks.bench';
import { benchPortfolioRecompute } from './portfolio-recompute.bench';
import { benchPortfolioView } from './portfolio-view.bench';
import { benchReImport } from './re-import.bench';
import { buildSyntheticPortfolio, CSM_BOOK, FULL_PORTFOLIO } from './synthetic-portfolio';

const ROWS: { key: string; run: (context: BenchContext) => Promise<BenchRow> }[] = [
  { key: 'import', run: benchMetricImport },
  { key: 're-import', run: benchReImport },
  { key: 'recompute', run: benchPortfolioRecompute },
  { key: 'book', run: benchCsmBook },
  // one-deck sets the floor portfolio-decks multiplies, so it runs first.
  { key: 'one-deck', run: benchOneDeck },
  { key: 'portfolio-decks', run: benchPortfolioDecks },
  { key: 'view', run: benchPortfolioView },
];

const args = process.argv.slice(2);
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const selected = ROWS.filter((row) => !only || only.includes(row.key));
const wants = (...keys: string[]) => selected.some((row) => keys.includes(row.key));

function versions() {
  const memory = new SqliteDatabase(':memory:');
  const sqlite = (memory.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  memory.close();
  const pptxgenjs = (JSON.parse(fs.readFileSync(path.resolve('node_modules/pptxgenjs/package.json'), 'utf8')) as { version: string }).version;
  return { node: process.version, sqlite, pptxgenjs, cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`, platform: `${os.platform()} ${os.release()}` };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const fmt = (value: number | null, unit: string) => (value === null ? '—' : `${value.toLocaleString('en-US')} ${unit}`);

function markdownTable(rows: readonly BenchRow[]): string {
  const lines = ['| what | workload | figure | floor (same run) | ratio | target | result | also measured |', '|---|---|---|---|---|---|---|---|'];
  for (const row of rows) {
    const extra = Object.entries(row.extra).map(([key, value]) => `${key} ${typeof value === 'number' ? value.toLocaleString('en-US') : value}`).join('; ');
    lines.push(`| ${row.what} | ${row.workload} | ${fmt(row.figure, row.unit)} | ${fmt(row.floor, row.unit)} | ${row.ratio === null ? '—' : `${row.ratio}×`} | ${row.target} | ${row.pass ? 'pass' : 'MISS'} | ${extra} |`);
  }
  return lines.join('\n');
}

const started = performance.now();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qbr-bench-'));
const rows: BenchRow[] = [];
try {
  if (wants('view') && !args.includes('--skip-web-build')) {
    console.log('building the web renderer (vite.web.config.ts)…');
    const build = spawnSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const context: BenchContext = {
    dir,
    portfolio: { workspacePath: '', accountIds: [], observations: 0, buildMs: 0 },
    book: { workspacePath: '', accountIds: [], observations: 0, buildMs: 0 },
    importCsv: { path: path.join(dir, 'metrics.csv'), rows: 0, accounts: IMPORT_SHAPE.accounts },
  };
  if (wants('import', 're-import')) {
    context.importCsv.rows = writeLongMetricsCsv(context.importCsv.path, IMPORT_SHAPE);
    console.log(`import file: ${context.importCsv.rows.toLocaleString('en-US')} rows, ${(fs.statSync(context.importCsv.path).size / 1e6).toFixed(1)} MB`);
  }
  if (wants('recompute')) {
    context.portfolio = await buildSyntheticPortfolio(dir, 'portfolio.sqlite', FULL_PORTFOLIO);
    console.log(`synthetic portfolio: ${context.portfolio.observations.toLocaleString('en-US')} observations in ${seconds(context.portfolio.buildMs)}`);
  }
  if (wants('book', 'one-deck', 'portfolio-decks')) {
    context.book = await buildSyntheticPortfolio(dir, 'book.sqlite', CSM_BOOK);
    console.log(`CSM book: ${context.book.observations.toLocaleString('en-US')} observations in ${seconds(context.book.buildMs)}`);
  }
  for (const row of selected) {
    collectGarbage();
    const rowStarted = performance.now();
    const result = await row.run(context);
    rows.push(result);
    console.log(`${result.what}: ${fmt(result.figure, result.unit)} vs floor ${fmt(result.floor, result.unit)} → ${result.pass ? 'pass' : 'MISS'} (${seconds(performance.now() - rowStarted)})`);
  }
  const report = { measuredAt: new Date().toISOString(), versions: versions(), totalSeconds: Math.round((performance.now() - started) / 1000), rows };
  fs.writeFileSync(path.resolve('bench/results.json'), `${JSON.stringify(report, null, 2)}\n`);
  const v = report.versions;
  console.log(`\nNode ${v.node} · SQLite ${v.sqlite} · pptxgenjs ${v.pptxgenjs} · ${v.cpus} · ${v.platform} · whole run ${report.totalSeconds} s\n`);
  console.log(markdownTable(rows));
  console.log('\nwritten to bench/results.json');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
