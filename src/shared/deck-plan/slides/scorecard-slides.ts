import { goalStanding, type GoalStatusKey } from '../../goals/goal-status';
import { dayLabel, monthLabel } from '../deck-period';
import type { DeckPlanGoal } from '../deck-plan-types';
import { changeCell, kpiSentence, kpiTitleName, movementDirection } from '../kpi-sentence';
import { isFeeKpi } from '../../metrics/kpis/kpi-catalog';
import { speakerNotes } from '../likely-questions';
import { kpiFootnote, metricSources, type SlideContext, type SlideDraft } from '../slide-context';
import { countWord, noneOf } from '../value-format';
import { KPI_STANDING_WORDS, kpiStanding, kpiTarget } from '../kpi-standing';
import { isMetricKey } from '../../framework/metric-keys';
import { formatQuantity, groupDigits } from '../../format/quantity';

/*
 * Metrics against target, last quarter and last year, and the success-plan goals with status.
 * Targets come from the account's goals first, then the contract, then the signal thresholds.
 */

/** Scorecard rows shown at most; the rest of the catalog stays in the appendix definitions. */
const MAX_SCORECARD_ROWS = 10;

/** The KPI scorecard across the account's streams. */
export function scorecardSlide(ctx: SlideContext): SlideDraft | null {
  const { facts } = ctx;
  const multiStream = facts.input.streams.length > 1;
  // Our fee is what the customer pays, not one of their KPIs: it is not scored.
  const rows = facts.input.streams.flatMap((stream) => (facts.streamKpis(stream.id)?.kpis ?? []).filter((kpi) => !isFeeKpi(kpi.key)).map((kpi) => ({ stream, kpi })));
  if (rows.length === 0) return null;
  // Measured KPIs first, in catalog order, so a page never starts with a run of "Not available".
  const ordered = [...rows.filter((r) => r.kpi.current.value !== null), ...rows.filter((r) => r.kpi.current.value === null)].slice(0, MAX_SCORECARD_ROWS);
  const measured = ordered.filter((r) => r.kpi.current.value !== null);
  const better = measured.filter((r) => movementDirection(r.kpi) === 'better');
  const worse = measured.filter((r) => movementDirection(r.kpi) === 'worse');
  const worst = [...worse].sort((a, b) => Math.abs(b.kpi.quarterOverQuarter.relativeChange ?? 0) - Math.abs(a.kpi.quarterOverQuarter.relativeChange ?? 0))[0];
  const title =
    measured.length === 0
      ? 'No KPI can be computed for this month: the inputs are not recorded'
      : `${better.length === 0 ? noneOf(measured.length) : `${countWord(better.length, true)} of ${countWord(measured.length)}`} measured KPIs improved over three months${worst ? `; ${kpiTitleName(worst.kpi).replace(/^The /, 'the ')} worsened most (${changeCell(worst.kpi, 'quarter')})` : ''}`;
  const month = monthLabel(facts.reportMonth);
  return {
    id: 'scorecard',
    reason: 'Shows every KPI against target, last quarter and last year so no number is cherry-picked.',
    priority: ctx.deckType === 'ebr' ? 16 : 13,
    placement: ctx.deckType === 'ebr' ? 'appendix' : 'main',
    content: {
      kind: 'table',
      title,
      subtitle: `Metrics vs target, last quarter and last year · ${month}`,
      columns: [
        { header: 'KPI', weight: 2.6 },
        { header: month, align: 'right', weight: 1.1 },
        { header: 'vs 3 months ago', align: 'right' },
        { header: 'vs last year', align: 'right' },
        { header: 'Target', align: 'right', weight: 1.3 },
        { header: 'Status', align: 'center' },
      ],
      rows: ordered.map(({ stream, kpi }) => {
        const target = kpiTarget(kpi, stream, facts.input.goals);
        return [
          multiStream ? `${kpi.label} · ${stream.name}` : kpi.label,
          formatQuantity(kpi.current.value, kpi.unit),
          changeCell(kpi, 'quarter'),
          changeCell(kpi, 'year'),
          target?.text ?? '—',
          KPI_STANDING_WORDS[kpiStanding(kpi, target)],
        ];
      }),
      footnote: kpiFootnote(ctx, ordered.map((r) => r.kpi), 'Shares and scores change in points; other KPIs in percent. "Not available" means an input is missing, never zero.'),
      notes: speakerNotes(
        [
          ...(worst ? [`${kpiSentence(worst.kpi)}.`] : []),
          ...better.slice(0, 2).map((r) => `${kpiSentence(r.kpi)}.`),
          'Missing values are named as missing; the appendix lists what each needs.',
        ],
        ctx.primary,
        'scorecard',
      ),
    },
  };
}

/** How the goals slide words each standing. */
const GOAL_STATUS_LABEL: Record<GoalStatusKey, string> = {
  no_target: 'No target set',
  not_measured: 'Not measured',
  met: 'Met',
  missed: 'Missed',
  moving_away: 'Moving away',
  behind_pace: 'Behind pace',
  in_progress: 'In progress',
};

/** "Two of three success-plan goals met" (two goals or more), worded right at zero. */
function goalsMetPhrase(met: number, total: number): string {
  if (met === 0) return `${noneOf(total)} success-plan goals is met yet`;
  return `${countWord(met, true)} of ${countWord(total)} success-plan goals met`;
}

/** Where a single goal stands, said of it ("none off track" reads wrongly of one goal). */
const ONE_GOAL_STANDS: Record<GoalStatusKey, string> = {
  met: 'The success-plan goal is met',
  in_progress: 'The success-plan goal is not met yet and is in progress',
  behind_pace: 'The success-plan goal is not met yet and is behind pace',
  moving_away: 'The success-plan goal is not met yet and is moving away from its target',
  missed: 'The success-plan goal was missed at its due date',
  not_measured: 'The success-plan goal is not measured yet',
  no_target: 'The success-plan goal has no target yet',
};

/** Success-plan goals with status; null when the account has none (the deck asks to agree some). */
export function goalsSlide(ctx: SlideContext): SlideDraft | null {
  const goals = ctx.facts.input.goals;
  if (goals.length === 0) return null;
  const today = ctx.facts.input.today;
  const standings = goals.map((goal) => {
    const { key } = goalStanding(goal, today);
    return { goal, standing: { key, label: GOAL_STATUS_LABEL[key] } };
  });
  const count = (keys: string[]) => standings.filter((s) => keys.includes(s.standing.key)).length;
  const met = count(['met']);
  const offTrack = count(['missed', 'moving_away', 'behind_pace']);
  const unmeasured = count(['not_measured', 'no_target']);
  // A KPI-linked goal formats as the scorecard formats its KPI, so the two slides print one number.
  const fmt = (value: number | null, goal: DeckPlanGoal) =>
    value === null ? null : goal.kpiUnit ? formatQuantity(value, goal.kpiUnit) : `${groupDigits(value, Number.isInteger(value) ? 0 : 1)}${goal.unit ? ` ${goal.unit}` : ''}`;
  return {
    id: 'goals',
    reason: 'The success plan agreed with the customer, so the review is judged against their definition of success.',
    priority: 14,
    placement: ctx.deckType === 'ebr' ? 'appendix' : 'main',
    content: {
      kind: 'table',
      title: goals.length === 1 ? ONE_GOAL_STANDS[standings[0]!.standing.key] : `${goalsMetPhrase(met, goals.length)}; ${offTrack === 0 ? 'none' : offTrack === goals.length ? (goals.length === 2 ? 'both' : 'all') : countWord(offTrack)} off track${unmeasured > 0 ? `, ${countWord(unmeasured)} not measured` : ''}`,
      subtitle: `Success plan as of ${dayLabel(today)}`,
      columns: [{ header: 'Goal', weight: 2.8 }, { header: 'Baseline', align: 'right' }, { header: 'Current', align: 'right' }, { header: 'Target', align: 'right' }, { header: 'Due', align: 'center' }, { header: 'Status', align: 'center' }],
      rows: standings.map(({ goal, standing }) => [goal.title, fmt(goal.baseline, goal), fmt(goal.current, goal), fmt(goal.target, goal), goal.dueDate ? dayLabel(goal.dueDate) : '—', standing.label]),
      footnote: { source: `Success plan agreed with your team; ${metricSources(goals.flatMap((g) => (g.metricKey && isMetricKey(g.metricKey) ? [g.metricKey] : [])))}`, dateRange: `As of ${dayLabel(today)}` },
      notes: speakerNotes(
        standings.filter((s) => s.standing.key !== 'met').slice(0, 3).map((s) => `${s.goal.title}: ${s.standing.label.toLowerCase()}.`),
        ctx.primary,
        'goals',
      ),
    },
  };
}
