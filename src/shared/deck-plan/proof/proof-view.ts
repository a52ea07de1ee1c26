import type { DeckSlide, KpiStatus } from '../../deck/deck-document';
import type { KpiResult } from '../../metrics/kpi-engine';
import { kpiThreshold, movementDirection } from '../kpi-sentence';

/*
 * What a proof builder returns: a slide and a key naming the evidence it shows, so the same evidence
 * is never put in front of the room twice (a CFO's and an actuary's slide may rest on one chart).
 */

export interface ProofView {
  /** e.g. 'rpm-readmissions'; two views with one key show the same evidence. */
  key: string;
  content: DeckSlide;
}

/** A tile's status from a KPI: against its threshold when it has one, else by its movement. */
export function kpiStatus(kpi: KpiResult | undefined): KpiStatus {
  if (!kpi || kpi.current.value === null) return 'neutral';
  const threshold = kpiThreshold(kpi);
  if (threshold) {
    const good = kpi.higherIsBetter ? kpi.current.value >= threshold.value : kpi.current.value <= threshold.value;
    return good ? 'good' : 'risk';
  }
  const direction = movementDirection(kpi);
  return direction === 'better' ? 'good' : direction === 'worse' ? 'watch' : 'neutral';
}
