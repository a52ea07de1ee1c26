import { addDays } from '../../calendar';
import { formatQuantity } from '../../format/quantity';
import { dayLabel, monthLabel } from '../deck-period';
import { kpiThreshold } from '../kpi-sentence';
import { speakerNotes } from '../likely-questions';
import { kpiFootnote, type SlideContext, type SlideDraft } from '../slide-context';
import { countWord } from '../value-format';

/*
 * An account with no success plan still gets a goals slide: the measures we propose to be judged by,
 * each with today's value and a target to agree in the room. A review without agreed goals is the
 * "30 slides, zero decisions" meeting this slide exists to prevent.
 */

/** Goals proposed at most. */
const MAX_PROPOSED = 3;

/** Proposed goals from the measured KPIs (those with a known threshold first), or null when nothing is measured. */
export function proposedGoalsSlide(ctx: SlideContext): SlideDraft | null {
  const { facts } = ctx;
  const measured = facts.input.streams.flatMap((stream) => (facts.streamKpis(stream.id)?.kpis ?? []).filter((kpi) => kpi.current.value !== null));
  const withThreshold = measured.filter((kpi) => kpiThreshold(kpi));
  const chosen = [...withThreshold, ...measured.filter((kpi) => !kpiThreshold(kpi))].filter((kpi, i, all) => all.findIndex((k) => k.key === kpi.key) === i).slice(0, MAX_PROPOSED);
  if (chosen.length === 0) return null;
  const due = dayLabel(addDays(facts.input.today, 90));
  return {
    id: 'goals',
    reason: 'No success plan is recorded: proposes the measures to agree, so the next review is judged on the customer\'s definition of success.',
    priority: 6,
    placement: 'main',
    content: {
      kind: 'table',
      title: `${countWord(chosen.length, true)} goal${chosen.length === 1 ? '' : 's'} we propose to judge next quarter by; the targets are yours to set today`,
      subtitle: `Proposed success plan · values for ${monthLabel(facts.reportMonth)}`,
      columns: [{ header: 'Proposed goal', weight: 2.8 }, { header: 'Now', align: 'right', weight: 1.2 }, { header: 'Suggested target', align: 'right', weight: 1.6 }, { header: 'Review by', align: 'center', weight: 1.2 }],
      rows: chosen.map((kpi) => {
        const threshold = kpiThreshold(kpi);
        return [kpi.label, formatQuantity(kpi.current.value, kpi.unit), threshold ? `${kpi.higherIsBetter ? 'At least' : 'At most'} ${formatQuantity(threshold.value, kpi.unit)}` : 'To agree', due];
      }),
      footnote: kpiFootnote(ctx, chosen, 'Suggested targets are the thresholds programs like this one are usually held to; set your own.'),
      notes: speakerNotes(['No success plan is on record. Ask the room to pick the goals and set each target; record them after the meeting.'], ctx.primary, 'goals'),
    },
  };
}
