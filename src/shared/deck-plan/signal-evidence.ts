import { formatQuantity, groupDigits } from '../format/quantity';
import type { Signal, SignalEvidence } from '../metrics/signals/signal';
import { severityRank } from '../metrics/signals/signal';

/** An evidence number as text with its unit. */
export function evidenceText(evidence: SignalEvidence): string | null {
  const { value, unit } = evidence;
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (unit === 'date' || unit === 'text') return String(value);
  if (unit === 'months') return `${groupDigits(value)} months`;
  return formatQuantity(value, unit);
}

/** Signals worth the CSM's attention before the meeting, most severe first (info-only context last). */
export function rankedSignals(signals: readonly Signal[]): Signal[] {
  return signals
    .map((signal, i) => ({ signal, i }))
    .sort((a, b) => severityRank(a.signal.severity) - severityRank(b.signal.severity) || a.i - b.i)
    .map(({ signal }) => signal);
}
