import { daysBetween } from '../calendar';
import { dayLabel } from './deck-period';
import type { DeckPlanInput, PlanEvidenceGap } from './deck-plan-types';
import { evidenceText, rankedSignals } from './signal-evidence';

/*
 * The CSM's layer of the deck: everything that helps the presenter and must never be shown to the
 * room. Signals with their plays, how long it has been since each person in the room was engaged,
 * what to finish in the app before presenting, and the honest sentence for each evidence gap. The
 * deck builder shows it and the title slide's speaker notes carry it; no slide prints it.
 */

/** One part of the brief. */
export interface PrepBriefSection {
  heading: string;
  items: string[];
}

/** The presenter's brief, in sections. */
export interface PrepBrief {
  sections: PrepBriefSection[];
}

/** Days since a person was last engaged at which the brief flags them. */
const QUIET_DAYS = 60;

/** Builds the brief from the plan's inputs, its notices and its evidence gaps. */
export function prepBrief(input: DeckPlanInput, notices: readonly string[], gaps: readonly PlanEvidenceGap[]): PrepBrief {
  const signals = rankedSignals(input.insights.signals).map((signal) => {
    const evidence = signal.evidence.flatMap((e) => {
      const text = evidenceText(e);
      return text === null ? [] : [`${e.label}: ${text}`];
    });
    return `${signal.severity === 'critical' ? 'Critical' : signal.severity === 'warning' ? 'Warning' : 'Context'}: ${signal.headline}${evidence.length > 0 ? ` (${evidence.join('; ')})` : ''}. ${signal.explanation} Play: ${signal.play.summary} ${signal.play.steps.join(' ')}`;
  });
  const inRoom = new Set(input.audience);
  const people = input.stakeholders
    .filter((person) => inRoom.has(person.archetype) || person.isExecutiveSponsor || person.isBudgetHolder)
    .map((person) => {
      const who = `${person.personName}${person.title ? ` (${person.title})` : ''}`;
      if (!person.lastEngagedOn) return `${who}: no engagement recorded. Find out who last spoke with them.`;
      const days = daysBetween(person.lastEngagedOn, input.today);
      return `${who}: last engaged ${dayLabel(person.lastEngagedOn)}, ${days} days ago${days >= QUIET_DAYS ? '. Reconnect before the meeting.' : '.'}${person.successDefinition ? ` Success for them: ${person.successDefinition}` : ''}`;
    });
  const sections: PrepBriefSection[] = [
    { heading: 'Signals and plays', items: signals },
    { heading: 'People', items: people },
    { heading: 'Before you present', items: [...notices] },
    { heading: 'Evidence gaps: what to say', items: [...new Set(gaps.map((gap) => gap.honestStatement))] },
  ];
  return { sections: sections.filter((section) => section.items.length > 0) };
}

/** The brief as plain text for speaker notes. */
export function prepBriefText(brief: PrepBrief): string {
  if (brief.sections.length === 0) return '';
  return ['PREP BRIEF (for you; not shown on any slide)', ...brief.sections.map((section) => `${section.heading}:\n${section.items.map((item) => `- ${item}`).join('\n')}`)].join('\n\n');
}
