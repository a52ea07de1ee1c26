import type { RevenueModelKey } from '../../framework/keys';
import { paymentEnvironment } from '../../framework/payment-environments';
import type { KpiResult } from '../../metrics/kpi-engine';
import { monthLabel } from '../deck-period';
import { kpiTitleName } from '../kpi-sentence';
import { speakerNotes } from '../likely-questions';
import type { SlideContext, SlideDraft } from '../slide-context';
import type { KpiKey } from '../../metrics/kpis/kpi-definition';
import { formatQuantity } from '../../format/quantity';

/*
 * Benchmark against other accounts of the same model and payment environment in the local portfolio. Anonymised (peers are
 * "Peer 1..n" and only the median and range are shown), and only with at least three peers: with
 * fewer, the median would identify a named customer.
 */

/** Peers needed before a benchmark is shown. */
export const MIN_PEERS = 3;

/** The KPIs benchmarked per model, most telling first. */
export const BENCHMARK_KPI_KEYS: Record<RevenueModelKey, readonly KpiKey[]> = {
  cpt_rpm: ['rpm_avg_device_days_per_patient', 'rpm_billing_eligibility_rate', 'rpm_management_capture_rate', 'rpm_denial_rate', 'rpm_enrollment_rate'],
  pmpm_pepm: ['pmpm_engagement_rate', 'pmpm_enrollment_rate', 'pmpm_retention_30d_rate', 'pmpm_nps'],
  saas_license: ['saas_weekly_active_rate', 'saas_integration_uptime_pct'],
  value_based: ['vbc_enrollment_rate', 'vbc_engagement_rate', 'vbc_clinical_goal_achievement_rate', 'vbc_claims_completeness_pct'],
  hybrid: ['hybrid_switchover_progress', 'pmpm_engagement_rate'],
};

/** Short model names for a benchmark subtitle. */
const MODEL_SHORT: Record<RevenueModelKey, string> = {
  cpt_rpm: 'RPM',
  pmpm_pepm: 'PMPM / PEPM',
  saas_license: 'platform license',
  value_based: 'outcomes contract',
  hybrid: 'hybrid contract',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ORDINAL = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** The peer benchmark table, or null with fewer than MIN_PEERS peers. */
export function peerBenchmarkSlide(ctx: SlideContext): SlideDraft | null {
  const stream = ctx.reading.lead.stream;
  // Only peers with a value for this model's KPIs count: a portfolio mixes models.
  const peers = ctx.facts.input.peers.filter((peer) => BENCHMARK_KPI_KEYS[stream.revenueModel].some((key) => typeof peer.kpis[key] === 'number'));
  if (peers.length < MIN_PEERS) return null;
  const rows = BENCHMARK_KPI_KEYS[stream.revenueModel]
    .map((key) => ctx.facts.kpi(stream.id, key))
    .filter((kpi): kpi is KpiResult => kpi !== undefined)
    .map((kpi) => {
      const peerValues = peers.map((peer) => peer.kpis[kpi.key]).filter((v): v is number => typeof v === 'number');
      const own = kpi.current.value;
      const rank = own === null || peerValues.length < MIN_PEERS ? null : 1 + peerValues.filter((v) => (kpi.higherIsBetter ? v > own : v < own)).length;
      return { kpi, peerValues, own, rank };
    });
  const usable = rows.filter((row) => row.peerValues.length >= MIN_PEERS);
  if (usable.length === 0) return null;
  const lead = usable.find((row) => row.rank !== null) ?? usable[0]!;
  const total = lead.peerValues.length + 1;
  // The service sends only peers of the same model and payment environment; the subtitle says which.
  const environment = stream.paymentEnvironment ? paymentEnvironment(stream.paymentEnvironment).name : 'unrecorded payment environment';
  const comparable = `${environment} ${MODEL_SHORT[stream.revenueModel]}`;
  return {
    id: 'peer-benchmark',
    reason: `Compares this account with ${peers.length} anonymised ${comparable} accounts in the portfolio (same model and payment environment).`,
    priority: 15,
    placement: 'main',
    content: {
      kind: 'table',
      title:
        lead.rank !== null
          ? `${kpiTitleName(lead.kpi)} of ${formatQuantity(lead.own, lead.kpi.unit)} ranks ${ORDINAL(lead.rank)} of ${total} comparable accounts; the peer median is ${formatQuantity(median(lead.peerValues), lead.kpi.unit)}`
          : `${kpiTitleName(lead.kpi)} is not available for this account; the peer median is ${formatQuantity(median(lead.peerValues), lead.kpi.unit)}`,
      subtitle: `Benchmark against ${peers.length} anonymised ${comparable} accounts · ${monthLabel(ctx.facts.reportMonth)}`,
      columns: [{ header: 'KPI', weight: 2.4 }, { header: 'This account', align: 'right' }, { header: 'Peer median', align: 'right' }, { header: 'Peer range', align: 'right', weight: 1.4 }, { header: 'Rank', align: 'center' }],
      rows: usable.map((row) => [
        row.kpi.label,
        formatQuantity(row.own, row.kpi.unit),
        formatQuantity(median(row.peerValues), row.kpi.unit),
        `${formatQuantity(Math.min(...row.peerValues), row.kpi.unit)} – ${formatQuantity(Math.max(...row.peerValues), row.kpi.unit)}`,
        row.rank === null ? null : `${row.rank} of ${row.peerValues.length + 1}`,
      ]),
      footnote: { source: `Accounts of the same model and payment environment in this workspace, anonymised (no peer is named)`, dateRange: monthLabel(ctx.facts.reportMonth), note: 'Rank 1 is best; a peer without a value for a KPI is left out of that row.' },
      notes: speakerNotes(['Peers are anonymised accounts from our own portfolio of the same model and payment environment, not an industry benchmark.'], ctx.primary, 'benchmark'),
    },
  };
}
