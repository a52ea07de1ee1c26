import { findMetricDefinition } from '../../metrics/metric-catalog';
import { monthLabel } from '../deck-period';
import type { AudienceMember, DeckPlanStream } from '../deck-plan-types';
import { storyFor } from '../framework-reading';
import { speakerNotes } from '../likely-questions';
import type { SlideContext } from '../slide-context';
import { countWord, joinPhrases, noneOf } from '../value-format';
import type { ProofView } from './proof-view';

/*
 * Method and data completeness for a stream outside an outcomes contract: which of the measures
 * the buyer's story leads with (framework/value-story.ts) are recorded, for how many of the last
 * twelve months, from which source and how each is combined. An actuary reads this before any
 * result, so it leads their deck; a measure never recorded is named, not hidden.
 */

/** Months a measure's completeness is judged over. */
const WINDOW_MONTHS = 12;

const COMBINED: Record<string, string> = { sum: 'Sum of monthly values', last: 'Latest month', average: 'Mean of months' };

/** The lead measures with the months each has data for, as a table. */
export function methodView(ctx: SlideContext, member: AudienceMember, stream: DeckPlanStream): ProofView | null {
  const story = storyFor(stream, member.archetype);
  const rows = story.leadMetricKeys.flatMap((key) => {
    const definition = findMetricDefinition(key);
    if (!definition) return [];
    const recorded = ctx.facts.history(stream.id, key, WINDOW_MONTHS).values.filter((value) => value !== null).length;
    return [{ key, label: definition.label, recorded, source: definition.source, combined: COMBINED[definition.aggregation] ?? definition.aggregation }];
  });
  if (rows.length === 0) return null;
  const complete = rows.filter((row) => row.recorded === WINDOW_MONTHS);
  const missing = rows.filter((row) => row.recorded === 0);
  const names = (list: typeof rows) => joinPhrases(list.map((row) => row.label.charAt(0).toLowerCase() + row.label.slice(1)));
  const recordedPart =
    complete.length === rows.length
      ? `All ${countWord(rows.length)} lead measures are recorded for each of the last ${WINDOW_MONTHS} months`
      : complete.length === 0
      ? `${noneOf(rows.length)} lead measures is recorded for all ${WINDOW_MONTHS} months`
      : `${countWord(complete.length, true)} of ${countWord(rows.length)} lead measures ${complete.length === 1 ? 'is' : 'are'} recorded for all ${WINDOW_MONTHS} months`;
  const title = missing.length === 0 ? recordedPart : `${recordedPart}; ${names(missing)} ${missing.length === 1 ? 'is' : 'are'} not recorded yet`;
  return {
    key: `method-${stream.id}`,
    content: {
      kind: 'table',
      title,
      subtitle: `Method and data completeness · for ${member.label}`,
      columns: [{ header: 'Measure', weight: 2.2 }, { header: `Months recorded (of ${WINDOW_MONTHS})`, align: 'right', weight: 1.2 }, { header: 'Source', weight: 2.2 }, { header: 'How months combine', weight: 1.4 }],
      rows: rows.map((row) => [row.label, String(row.recorded), row.source, row.combined]),
      footnote: {
        source: 'Each measure\'s definition and the months recorded for it',
        dateRange: `${WINDOW_MONTHS} months to ${monthLabel(ctx.facts.reportMonth)}`,
        note: 'Values are as reported; no matched comparison group or risk adjustment is applied unless a row says so.',
      },
      notes: speakerNotes(
        [
          'Method first: say how each number is built and where its data comes from before showing any result.',
          missing.length > 0 ? `Name what is not recorded (${names(missing)}) and the plan to get it; do not stretch other data to fill it.` : 'Every lead measure has a full year of data.',
          'A monitored vs unmonitored comparison is not a matched cohort: say so before the actuary does.',
        ],
        member,
        'proof',
      ),
    },
  };
}
