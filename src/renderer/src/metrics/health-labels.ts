import type { HealthScore } from '../../../shared/metrics/health/health-score';
import { severityRank, type Signal, type SignalSeverity } from '../../../shared/metrics/signals/signal';

/** Words and colours for health bands and signal severities; colour never stands alone, the word is always shown. */

export type HealthBand = HealthScore['band'];

export const HEALTH_BAND_LABELS: Record<HealthBand, string> = { healthy: 'Healthy', watch: 'Watch', at_risk: 'At risk', unknown: 'Not enough data' };
export const HEALTH_BAND_COLORS: Record<HealthBand, string> = { healthy: 'teal', watch: 'yellow', at_risk: 'red', unknown: 'gray' };

export const SEVERITY_LABELS: Record<SignalSeverity, string> = { critical: 'Critical', warning: 'Warning', info: 'Note' };
export const SEVERITY_COLORS: Record<SignalSeverity, string> = { critical: 'red', warning: 'orange', info: 'gray' };

/** The band of a score, with the same cut-offs as the engine (70 healthy, 40 watch). */
export function healthBandOf(score: number | null): HealthBand {
  if (score === null) return 'unknown';
  return score >= 70 ? 'healthy' : score >= 40 ? 'watch' : 'at_risk';
}

/** Critical first; stable, so the engine's order holds within a severity. */
export function sortBySeverity<S extends Pick<Signal, 'severity'>>(signals: readonly S[]): S[] {
  return [...signals].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}
