import type { KpiStatus } from '../deck/deck-document';
import { formatQuantity } from '../format/quantity';
import type { KpiResult } from '../metrics/kpi-engine';
import type { DeckPlanGoal, DeckPlanStream } from './deck-plan-types';
import { kpiThreshold, movementDirection } from './kpi-sentence';
import { vbcTarget } from './value-numbers';

/*
 * Where a KPI stands, decided once for every slide that judges it: against its target (the
 * account's success-plan goal first, then the contract's target for clinical goal achievement,
 * then the signal threshold or population benchmark) and, without one, by its movement over three
 * months. The scorecard prints the word in its Status column; a KPI tile prints the same word,
 * with the matching colour. A tile once said "On track" for enrollment that had risen while the
 * scorecard of the same deck said "Below target" against the account's goal.
 */

export interface KpiTarget {
  value: number;
  /** Where the target comes from: the success plan, the contract, a signal threshold or a benchmark. */
  source: 'goal' | 'contract' | 'threshold' | 'population benchmark';
  /** "15% (goal)", "70% (contract)", "50% (threshold)": the scorecard's Target column. */
  text: string;
  /** "Goal 15%", "Contract 70%", "Threshold 50%": a tile's caption, which has less room. */
  caption: string;
}

function target(value: number, formatted: string, source: KpiTarget['source']): KpiTarget {
  const noun = source === 'population benchmark' ? 'Benchmark' : `${source.charAt(0).toUpperCase()}${source.slice(1)}`;
  return { value, source, text: `${formatted} (${source})`, caption: `${noun} ${formatted}` };
}

export type KpiStanding = 'not_measured' | 'on_target' | 'below_target' | 'improving' | 'worsening' | 'steady' | 'no_comparison';

/** The word a slide prints for each standing. */
export const KPI_STANDING_WORDS: Record<KpiStanding, string> = {
  not_measured: 'Not measured',
  on_target: 'On target',
  below_target: 'Below target',
  improving: 'Improving',
  worsening: 'Worsening',
  steady: 'Steady',
  no_comparison: 'No comparison',
};

const STANDING_STATUS: Record<KpiStanding, KpiStatus> = {
  not_measured: 'neutral',
  on_target: 'good',
  below_target: 'risk',
  improving: 'good',
  worsening: 'watch',
  steady: 'neutral',
  no_comparison: 'neutral',
};

/** The target a KPI is judged against on `stream`, or null when it has none. */
export function kpiTarget(kpi: KpiResult, stream: DeckPlanStream, goals: readonly DeckPlanGoal[]): KpiTarget | null {
  const goal = goals.find((candidate) => candidate.metricKey === kpi.key && candidate.target !== null);
  if (goal) return target(goal.target!, formatQuantity(goal.target, kpi.unit)!, 'goal');
  if (kpi.key === 'vbc_clinical_goal_achievement_rate') {
    const contract = vbcTarget(stream);
    if (contract?.targetPct != null) return target(contract.targetPct / 100, `${contract.targetPct}%`, 'contract');
  }
  const threshold = kpiThreshold(kpi);
  return threshold ? target(threshold.value, formatQuantity(threshold.value, kpi.unit)!, kpi.judgedAgainst?.calibrated ? 'population benchmark' : 'threshold') : null;
}

/** Where the KPI stands against `target`, or by its movement when there is none. */
export function kpiStanding(kpi: KpiResult | undefined, target: KpiTarget | null): KpiStanding {
  if (!kpi || kpi.current.value === null) return 'not_measured';
  if (target) return (kpi.higherIsBetter ? kpi.current.value >= target.value : kpi.current.value <= target.value) ? 'on_target' : 'below_target';
  const direction = movementDirection(kpi);
  return direction === 'better' ? 'improving' : direction === 'worse' ? 'worsening' : direction === 'flat' ? 'steady' : 'no_comparison';
}

/**
 * A KPI tile's status, its word and its target, as the scorecard judges the KPI (no word of its own
 * for a KPI with no value: the tile's status word stands beside the reason it is missing).
 * @example { label: 'Eligible members enrolled, Nov 2026', value: '12.1%', ...kpiTileStanding(kpi, stream, goals) }
 */
export function kpiTileStanding(kpi: KpiResult | undefined, stream: DeckPlanStream, goals: readonly DeckPlanGoal[]): { status: KpiStatus; statusLabel?: string; caption?: string } {
  const against = kpi ? kpiTarget(kpi, stream, goals) : null;
  const standing = kpiStanding(kpi, against);
  // A KPI with no value reads "Not available" already; its tile keeps the plain status word beside the reason.
  return { status: STANDING_STATUS[standing], ...(standing === 'not_measured' ? {} : { statusLabel: KPI_STANDING_WORDS[standing] }), ...(against ? { caption: against.caption } : {}) };
}
