import type { DeckBullet } from '../../deck/deck-document';
import { monthLabel } from '../deck-period';
import { conversion, engagementFunnel, funnelDefinitions, isSuppressedConversion, isSuppressedStage, shownStages } from '../engagement-gate';
import { speakerNotes } from '../likely-questions';
import { reportMonthFootnote, type SlideContext, type SlideDraft } from '../slide-context';
import { SUPPRESSED_COUNT_TEXT } from '../../metrics/small-cells';
import { lowerFirst } from '../value-format';
import { formatQuantity, groupDigits } from '../../format/quantity';

/*
 * The Engagement Gate funnel. Nothing in any value story happens unless end users cross it, and
 * activation and adherence fail for different reasons, so the title names the weaker of the two.
 */

/** The funnel slide for the lead stream (or the first stream that has a funnel), or null. */
/** A step of the Engagement Gate at or above this share holds: the deck does not call it "the gap" (Summit's 88% adherence was). */
const GATE_STEP_HOLDS = 0.8;

export function engagementGateSlide(ctx: SlideContext): SlideDraft | null {
  const streams = [ctx.reading.lead.stream, ...ctx.facts.input.streams.filter((s) => s.id !== ctx.reading.lead.stream.id)];
  const found = streams.map((stream) => ({ stream, funnel: engagementFunnel(ctx.facts, stream) })).find((entry) => entry.funnel !== null);
  if (!found || !found.funnel) return null;
  const { stream, funnel } = found;
  const month = monthLabel(ctx.facts.reportMonth);
  // A rate is suppressed with any count of 1-10 people it reads (it would give the count away).
  const suppressedAt = (index: number) => isSuppressedConversion(funnel, index);
  const rate = (index: number) => (suppressedAt(index) ? null : conversion(funnel, index));
  const pctAt = (index: number) => (suppressedAt(index) ? 'suppressed (a count of 1–10)' : (formatQuantity(conversion(funnel, index), 'fraction') ?? 'not measured'));
  const pct = (value: number | null) => formatQuantity(value, 'fraction') ?? 'not measured';
  const stages = funnel.stages;
  const shown = shownStages(funnel);
  let title: string;
  const bullets: DeckBullet[] = [];
  if (stages.length === 2) {
    const adoption = conversion(funnel, 1);
    title =
      adoption === null
        ? 'Clinician adoption cannot be shown: licensed seats or weekly active users are not recorded'
        : stages[0]!.value === null || stages[1]!.value === null
          ? `${pct(adoption)} of licensed seats are in weekly use; the gate is workflow adoption`
          : `${groupDigits(stages[1]!.value)} of ${groupDigits(stages[0]!.value)} licensed users work in the platform weekly (${pct(adoption)}); the gate is workflow adoption`;
    bullets.push({ emphasis: 'Adoption:', text: `${pct(adoption)} of licensed seats active weekly` });
  } else {
    const adherentIndex = funnel.adherentIndex !== funnel.activatedIndex ? funnel.adherentIndex : 3;
    const enrolment = rate(1);
    const activation = rate(funnel.activatedIndex);
    const adherence = rate(adherentIndex);
    const activatedLabel = lowerFirst(stages[funnel.activatedIndex]!.label.replace(/ \(.*\)$/, ''));
    const adherentLabel = lowerFirst(stages[3]!.label.replace(/ \(.*\)$/, ''));
    bullets.push(
      { emphasis: 'Enrollment:', text: `${pctAt(1)} of eligible ${funnel.population} enrolled` },
      { emphasis: 'Activation:', text: `${pctAt(funnel.activatedIndex)} of enrolled ${funnel.population} ${activatedLabel}` },
      { emphasis: funnel.adherentIndex === funnel.activatedIndex ? 'Outcome:' : 'Adherence:', text: `${pctAt(adherentIndex)} ${funnel.adherentBase ?? 'of them'} ${adherentLabel}` },
    );
    if (suppressedAt(funnel.activatedIndex) || suppressedAt(adherentIndex)) {
      title = `The Engagement Gate for ${month} rests on counts of 1–10 ${funnel.population}, which are suppressed; it is read again once the counts are larger`;
    } else if (activation === null || adherence === null) {
      title = `The Engagement Gate cannot be read in full for ${month}: ${activation === null ? 'activation' : 'adherence'} is not measured`;
    } else if (funnel.adherentIndex === funnel.activatedIndex) {
      title = `${pct(enrolment)} of eligible members enrolled and ${pct(activation)} of them engaged; ${pct(adherence)} of engaged members reached the clinical target`;
    } else if (activation >= GATE_STEP_HOLDS && adherence >= GATE_STEP_HOLDS) {
      title = `${pct(activation)} of enrolled ${funnel.population} activated and ${pct(adherence)} ${funnel.adherentBase ?? 'of them'} are adherent: both steps of the gate hold`;
    } else if (adherence < activation) {
      title = `${pct(activation)} of enrolled ${funnel.population} activated, but only ${pct(adherence)} ${funnel.adherentBase ?? 'of them'} are adherent: adherence, not activation, is the gap`;
    } else {
      title = `Only ${pct(activation)} of enrolled ${funnel.population} activated, while ${pct(adherence)} ${funnel.adherentBase ?? 'of those who did'} stayed adherent: activation is the gap`;
    }
    if (enrolment !== null && enrolment < 0.25 && !title.includes('cannot') && !title.includes('eligible')) title = `${pct(enrolment)} of eligible ${funnel.population} enrolled; ${lowerFirst(title)}`;
  }
  const valueList = stages.map((s, i) => `${s.label} ${s.value === null ? 'not measured' : isSuppressedStage(funnel, i) ? SUPPRESSED_COUNT_TEXT : groupDigits(s.value)}`).join(', ');
  return {
    id: 'engagement-gate',
    reason: 'Every stakeholder\'s value depends on end users crossing the Engagement Gate; activation and adherence need different plays.',
    priority: 7,
    placement: 'main',
    content: {
      kind: 'funnel',
      title,
      subtitle: `Engagement Gate · ${stream.name} · ${month}`,
      stages: shown,
      unit: 'count',
      altText: `Horizontal bar funnel for ${month}: ${valueList}.`,
      sideBullets: bullets,
      footnote: reportMonthFootnote(ctx, funnel.metricKeys, funnelDefinitions(funnel)),
      notes: speakerNotes(
        [
          'Activation (day 0-30) is a marketing and behavioural-design problem: personas, channels, campaigns.',
          'Adherence (day 30-365) is a clinical and product problem: habit, reinforcement, removing friction.',
          `Counts for ${month}: ${valueList}.`,
        ],
        ctx.primary,
        'engagement',
      ),
    },
  };
}
