import { rpmClaimMetricKeys, type RpmClaimStage } from '../framework/metric-keys';
import type { MetricKey } from '../framework/metric-keys';

/*
 * Small cells. CMS's cell-size rule says no output may show a count of 1 to 10 beneficiaries (or
 * of their claims, visits and other events): a number that small can point at a person. Decks
 * leave the laptop, so they follow it: a count of patients, members or their events from 1 to 10
 * is printed as "1–10 (suppressed)", left out of charts (a gap), and a rate whose numerator or
 * denominator is such a count is suppressed with it. Zero is shown (it identifies nobody), as is
 * 11 and up. The workspace keeps the exact numbers (it is the CSM's own data); the app shows them
 * and marks the ones decks will suppress. Both call this module, so they agree.
 * A table whose rows add up and whose column totals are printed also hides a second count beside
 * each small one (complementary suppression, `tableSuppression`), or the small one would be the
 * row's whole minus its other parts, or the column's total minus the other rows.
 */

/** Counts up to this (and above zero) are suppressed in decks. */
export const SMALL_CELL_MAX = 10;

/** What a deck prints instead of a small count. */
export const SUPPRESSED_COUNT_TEXT = '1–10 (suppressed)';

/** What a deck prints instead of a count hidden so that a small one beside it stays hidden. */
export const COMPLEMENT_SUPPRESSED_TEXT = 'suppressed';

/** The footnote on a table that hid a second count beside a small one. */
export const COMPLEMENT_NOTE = '"Suppressed" hides a second count in the same row or column as a count of 1–10, so the small one cannot be worked out from the others or the totals.';

/** The footnote on a slide that suppressed something. */
export const SMALL_CELL_NOTE = 'Counts of 1–10 patients, members or their claims and visits are shown as "1–10 (suppressed)", following the CMS cell-size rule.';

const CLAIM_STAGES: readonly RpmClaimStage[] = ['submitted', 'paid', 'denied'];

/** Metrics that count people (patients, members, users who are members) or their claims and visits. */
const PEOPLE_COUNT_METRICS: ReadonlySet<MetricKey> = new Set<MetricKey>([
  'rpm_eligible_patients',
  'rpm_enrolled_patients',
  'rpm_patients_2_15_days',
  'rpm_patients_16_30_days',
  ...CLAIM_STAGES.flatMap((stage) => rpmClaimMetricKeys(stage)),
  'pmpm_eligible_members',
  'pmpm_enrolled_members',
  'pmpm_active_members',
  'pmpm_retained_30d_members',
  'pmpm_program_completions',
  'vbc_eligible_members',
  'vbc_enrolled_members',
  'vbc_engaged_members',
  'vbc_members_at_clinical_target',
  'hybrid_activated_users',
  'outcome_er_visits_avoided',
  'outcome_care_gaps_closed',
  'outcome_patients_on_platform',
  'outcome_rwe_patients',
]);

/** True when the metric counts patients or members (or their claims and visits), so small values are suppressed in decks. */
export function isPeopleCountMetric(metricKey: string): boolean {
  return PEOPLE_COUNT_METRICS.has(metricKey as MetricKey);
}

/** True for a count that must not be shown: above zero and at most SMALL_CELL_MAX. */
export function isSmallCell(count: number | null): boolean {
  return count !== null && count > 0 && count <= SMALL_CELL_MAX;
}

/**
 * A people count as a deck shows it: null stays null (not available), 1-10 is
 * SUPPRESSED_COUNT_TEXT, anything else goes through `format`.
 * @example peopleCountText(7, String) // '1–10 (suppressed)'
 * @example peopleCountText(1200, String) // '1200'
 */
export function peopleCountText(count: number | null, format: (count: number) => string): string | null {
  return suppressedCellText(count, isSmallCell(count) ? 'small' : null, format);
}

/** A people count for a chart: small cells become gaps (null). */
export function chartablePeopleCount(count: number | null): number | null {
  return isSmallCell(count) ? null : count;
}

/** True when a value of this metric would be suppressed in a deck (for the app to mark it). */
export function isSuppressedInDecks(metricKey: string, value: number | null): boolean {
  return isPeopleCountMetric(metricKey) && isSmallCell(value);
}

/** How a table shows one count: 'small' (1–10, SUPPRESSED_COUNT_TEXT), 'complement' (COMPLEMENT_SUPPRESSED_TEXT) or null (shown). */
export type CellSuppression = 'small' | 'complement' | null;

/**
 * Which counts a table hides, for a table whose rows add up (submitted = paid + denied) and whose
 * column totals are printed (in its title or a total row). Every count of 1–10 is hidden; then,
 * until nothing changes, a row or column with exactly one hidden count hides a second one: its
 * smallest count that is neither zero nor missing (the least information given up). A row or
 * column with no such count is left as it is: there is nothing to hide the small one behind.
 * @example tableSuppression([[65, 63, 2], [574, 553, 21], [269, 256, 13]])
 *   // [[null, 'complement', 'small'], [null, null, null], [null, 'complement', 'complement']]
 */
export function tableSuppression(rows: readonly (readonly (number | null)[])[]): CellSuppression[][] {
  const marks: CellSuppression[][] = rows.map((row) => row.map((value) => (isSmallCell(value) ? 'small' : null)));
  const columns = Math.max(0, ...rows.map((row) => row.length));
  /** Hides the smallest shown, non-zero count among `cells` ([row, column] pairs) when exactly one of them is hidden. */
  const hideSecond = (cells: [number, number][]): boolean => {
    if (cells.filter(([i, j]) => marks[i]![j] !== null).length !== 1) return false;
    const shown = cells.filter(([i, j]) => marks[i]![j] === null && (rows[i]![j] ?? 0) !== 0);
    if (shown.length === 0) return false;
    const [i, j] = shown.reduce((least, cell) => (rows[cell[0]]![cell[1]]! < rows[least[0]]![least[1]]! ? cell : least));
    marks[i]![j] = 'complement';
    return true;
  };
  for (let changed = true; changed; ) {
    changed = false;
    rows.forEach((row, i) => {
      changed = hideSecond(row.map((_, j) => [i, j])) || changed;
    });
    for (let j = 0; j < columns; j++) changed = hideSecond(rows.flatMap((row, i) => (j < row.length ? [[i, j] as [number, number]] : []))) || changed;
  }
  return marks;
}

/**
 * A count as a table shows it under `tableSuppression`'s mark.
 * @example suppressedCellText(63, 'complement', String) // 'suppressed'
 */
export function suppressedCellText(count: number | null, mark: CellSuppression, format: (count: number) => string | null): string | null {
  if (mark === 'small') return SUPPRESSED_COUNT_TEXT;
  if (mark === 'complement') return COMPLEMENT_SUPPRESSED_TEXT;
  return count === null ? null : format(count);
}
