import { parseArgs } from 'node:util';
import type { KpiResult } from '../../../../shared/metrics/kpi-engine';
import { CliUsageError, type CliCommand } from '../cli-io';
import { resolveWorkspacePath, withBackend } from '../cli-backend';
import { findAccountByName } from '../find-account';
import { formatTable } from '../format-table';
import { formatQuantityChange, NOT_AVAILABLE, quantityOrMissing } from '../../../../shared/format/quantity';

export const signalsCommand: CliCommand = {
  name: 'signals',
  summary: "Print an account's KPIs, health score with its components, and early-warning signals.",
  usage: 'qbr signals --db FILE --account NAME [--month YYYY-MM] [--json]',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { db: { type: 'string' }, account: { type: 'string' }, month: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
    });
    if (!values.account) throw new CliUsageError('Say which account: --account NAME.');
    const accountName = values.account;
    const workspacePath = resolveWorkspacePath(values.db, io);
    const result = await withBackend(workspacePath, async (backend) => {
      const account = await findAccountByName(backend.client, accountName, { allowPartial: true });
      if ('error' in account) return account;
      const insights = await backend.client.call('insights.account', { accountId: account.id, ...(values.month ? { asOfMonth: values.month } : {}) });
      return { name: account.name, insights };
    });
    if ('error' in result) {
      io.stderr(`qbr signals: ${result.error}\n`);
      return 1;
    }
    const { name, insights } = result;
    if (values.json) {
      io.stdout(`${JSON.stringify({ account: name, ...insights }, null, 2)}\n`);
      return 0;
    }
    const out: string[] = [`${name} — ${insights.month}\n`];
    for (const stream of insights.streams) {
      out.push(`\nKPIs: ${stream.streamName} (${stream.revenueModel})\n`);
      out.push(formatTable(['KPI', 'Value', 'QoQ', 'YoY', '3-month trend', 'Missing inputs'], stream.kpis.map(kpiRow)));
    }
    const { health } = insights;
    out.push(`\nHealth: ${health.score === null ? 'unknown' : `${health.score}/100`} (${health.band.replace('_', ' ')})\n`);
    out.push(`Trend: ${health.trend.map((point) => `${point.month} ${point.score ?? '—'}`).join(', ')}\n`);
    out.push(
      formatTable(
        ['Component', 'Weight', 'Score', 'Points', 'Missing'],
        health.components.map((c) => [c.label, `${Math.round(c.effectiveWeight * 100)}%`, quantityOrMissing(c.score, 'score'), quantityOrMissing(c.contribution, 'score'), c.missing ? c.measured.missingInputs.join(', ') : '']),
      ),
    );
    if (health.movers.length > 0) {
      out.push(`Moved by: ${health.movers.slice(0, 3).map((m) => `${m.label} ${m.contributionDelta > 0 ? '+' : ''}${m.contributionDelta}`).join('; ')}\n`);
    }
    out.push(`\nSignals (${insights.signals.length}):\n`);
    if (insights.signals.length === 0) out.push('  none\n');
    for (const signal of insights.signals) {
      out.push(`  [${signal.severity.toUpperCase()}] ${signal.headline} (${signal.key})\n    ${signal.explanation}\n    Play: ${signal.play.summary}\n${signal.play.steps.map((step) => `      - ${step}\n`).join('')}`);
    }
    io.stdout(out.join(''));
    return 0;
  },
};

function kpiRow(kpi: KpiResult): string[] {
  const change = (delta: number | null) => formatQuantityChange(delta, kpi.unit) ?? NOT_AVAILABLE;
  return [
    kpi.label,
    quantityOrMissing(kpi.current.value, kpi.unit),
    change(kpi.quarterOverQuarter.delta),
    change(kpi.yearOverYear.delta),
    kpi.trend3m.assessment,
    kpi.current.missingInputs.join(', '),
  ];
}
