import fs from 'node:fs';
import path from 'node:path';
import { STREAM_TERMS_SCHEMAS } from '../src/shared/api/schemas/stream-terms-schemas';
import { monthsEndingAt, addMonths } from '../src/shared/calendar';
import { METRIC_CATALOG, findMetricDefinition } from '../src/shared/metrics/metric-catalog';
import { buildDemoPortfolio, type DemoAccount } from '../src/main/services/demo/demo-portfolio';
import { openWorkspaceFile } from '../src/main/storage/workspace/open-workspace';

/*
 * A synthetic portfolio written straight into a new workspace file. Accounts copy the nine demo
 * accounts' models, terms, stakeholders and metric shapes (so KPIs, signals and health have real
 * work to do), scaled per account; observations go in through one raw prepared INSERT in one
 * transaction, because the API would make the setup slower than the thing being measured.
 */

/** The clock every bench row uses, so reports, renewals and "last engaged" dates are stable. */
export const BENCH_NOW = new Date('2026-11-15T10:00:00.000Z');

export interface PortfolioShape {
  accounts: number;
  months: number;
  metricsPerAccount: number;
}

/** 2,000 accounts × 36 months × 25 metrics = 1.8M observations (the portfolio). */
export const FULL_PORTFOLIO: PortfolioShape = { accounts: 2_000, months: 36, metricsPerAccount: 25 };
/** 100 accounts × 36 months × 25 metrics: one CSM's book. */
export const CSM_BOOK: PortfolioShape = { accounts: 100, months: 36, metricsPerAccount: 25 };

export interface SyntheticPortfolio {
  workspacePath: string;
  accountIds: string[];
  observations: number;
  buildMs: number;
  /** Size of the workspace file. */
  bytes: number;
}

/** Scale for counts and dollars: 0.5× to 2× the demo account it copies, fixed per account. */
function accountScale(index: number): number {
  return 0.5 + ((index * 37) % 100) / 66;
}

/** A deterministic value in the metric's own range for padding series the demo does not carry. */
function paddingValue(metricKey: string, accountIndex: number, month: number): number {
  const definition = findMetricDefinition(metricKey)!;
  const wobble = ((accountIndex * 31 + month * 7 + metricKey.length * 13) % 100) / 100;
  const low = definition.min ?? 0;
  const high = definition.max ?? (definition.unit === 'percent' ? 100 : definition.unit === 'usd' ? 250_000 : definition.unit === 'score' ? 3 : 500);
  const value = low + (high - low) * (0.3 + 0.4 * wobble);
  return definition.unit === 'count' ? Math.round(value) : Math.round(value * 100) / 100;
}

interface Series {
  streamKey: string;
  metricKey: string;
  /** Oldest first, one per demo month. */
  values: number[];
}

/** The template's series first, then account-level outcome and other catalog metrics, to `count`. */
function seriesFor(template: DemoAccount, count: number): Series[] {
  const byKey = new Map<string, Series>();
  for (const o of template.observations) {
    const key = `${o.streamKey}|${o.metricKey}`;
    const series = byKey.get(key) ?? { streamKey: o.streamKey, metricKey: o.metricKey, values: [] };
    series.values.push(o.value);
    byKey.set(key, series);
  }
  const taken = new Set([...byKey.values()].map((s) => s.metricKey));
  const padding = [...METRIC_CATALOG.filter((d) => d.key.startsWith('outcome_')), ...METRIC_CATALOG.filter((d) => !d.key.startsWith('outcome_'))]
    .filter((d) => !taken.has(d.key))
    .map((d): Series => ({ streamKey: '', metricKey: d.key, values: [] }));
  return [...byKey.values(), ...padding].slice(0, count);
}

/**
 * Creates `workspaceFile` in `dir` holding `shape`. Account ids are `bench-account-<n>` (1-based),
 * names "Bench Account 0001"…, so rows can be found again.
 * @example const { workspacePath } = await buildSyntheticPortfolio(dir, 'portfolio.sqlite', FULL_PORTFOLIO);
 */
export async function buildSyntheticPortfolio(dir: string, workspaceFile: string, shape: PortfolioShape): Promise<SyntheticPortfolio> {
  const started = performance.now();
  const workspacePath = path.join(dir, workspaceFile);
  const workspace = await openWorkspaceFile(workspacePath, { now: () => BENCH_NOW });
  const stamp = BENCH_NOW.toISOString();
  const today = stamp.slice(0, 10);
  const templates = buildDemoPortfolio(today);
  const months = monthsEndingAt(addMonths(today.slice(0, 7), -1), shape.months);
  const { sqlite } = workspace;
  const insertAccount = sqlite.prepare(
    `INSERT INTO accounts (id, name, customer_segment, buyer_type, notes, renewal_date, contract_start_date, created_at, updated_at) VALUES (?, ?, ?, ?, '', ?, ?, ?, ?)`,
  );
  const insertStream = sqlite.prepare(
    `INSERT INTO revenue_streams (id, account_id, name, revenue_model, payment_environment, terms_json, start_date, end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertStakeholder = sqlite.prepare(
    `INSERT INTO stakeholders (id, account_id, archetype, person_name, title, email, communication_preference, success_definition, last_engaged_on, is_executive_sponsor, is_budget_holder, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '', '', ?, ?, ?, ?, ?, ?)`,
  );
  const insertObservation = sqlite.prepare(`INSERT INTO metric_observations (account_id, stream_id, metric_key, month, value, source, updated_at) VALUES (?, ?, ?, ?, ?, 'bench', ?)`);
  const seriesByTemplate = templates.map((template) => seriesFor(template, shape.metricsPerAccount));
  const accountIds: string[] = [];
  let observations = 0;

  // The observation indexes are dropped for the bulk insert and made again after it, from their
  // own SQL: the same file, built in a fraction of the time.
  const indexes = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'metric_observations' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`DROP INDEX ${index.name}`);
  sqlite.transaction(() => {
    for (let n = 1; n <= shape.accounts; n++) {
      const t = (n - 1) % templates.length;
      const template = templates[t]!;
      const accountId = `bench-account-${n}`;
      accountIds.push(accountId);
      insertAccount.run(accountId, `Bench Account ${String(n).padStart(4, '0')}`, template.customerSegment, template.buyerType, template.renewalDate, template.contractStartDate, stamp, stamp);
      const streamIds = new Map<string, string>();
      for (const stream of template.streams) {
        const id = `${accountId}-${stream.key}`;
        streamIds.set(stream.key, id);
        const terms = STREAM_TERMS_SCHEMAS[stream.revenueModel].parse(stream.terms);
        insertStream.run(id, accountId, stream.name, stream.revenueModel, stream.paymentEnvironment, JSON.stringify(terms), template.contractStartDate, template.renewalDate, stamp, stamp);
      }
      template.stakeholders.forEach((person, i) => {
        insertStakeholder.run(`${accountId}-p${i}`, accountId, person.archetype, `${person.personName} ${n}`, person.title, person.successDefinition, person.lastEngagedOn, person.isExecutiveSponsor ? 1 : 0, person.isBudgetHolder ? 1 : 0, stamp, stamp);
      });
      const scale = accountScale(n);
      for (const series of seriesByTemplate[t]!) {
        const unit = findMetricDefinition(series.metricKey)!.unit;
        const scaled = unit === 'count' || unit === 'usd' || unit === 'days';
        const streamId = series.streamKey ? streamIds.get(series.streamKey)! : '';
        for (let m = 0; m < months.length; m++) {
          // The demo's 18 months stretched over the bench's 36, so trends keep their shape.
          const demoValue = series.values[Math.floor((m * series.values.length) / months.length)];
          const value =
            demoValue === undefined ? paddingValue(series.metricKey, n, m) : scaled ? (unit === 'count' ? Math.round(demoValue * scale) : Math.round(demoValue * scale * 100) / 100) : demoValue;
          insertObservation.run(accountId, streamId, series.metricKey, months[m], value, stamp);
          observations++;
        }
      }
    }
  })();
  for (const index of indexes) sqlite.exec(index.sql);
  await workspace.close();
  return { workspacePath, accountIds, observations, buildMs: performance.now() - started, bytes: fs.statSync(workspacePath).size };
}
