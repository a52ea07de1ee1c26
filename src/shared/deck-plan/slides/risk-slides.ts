import type { DeckBullet } from '../../deck/deck-document';
import { monthLabel, quarterLabel } from '../deck-period';
import { speakerNotes } from '../likely-questions';
import type { SlideContext, SlideDraft } from '../slide-context';
import { countWord, joinPhrases, lowerFirst } from '../value-format';
import { watchPointFact, watchPoints } from '../watch-points';

/*
 * What could hold results back, with the step we propose, and the evidence gaps named honestly. Both
 * are where trust is won: a buyer who hears the bad news first believes the good news. The slide says
 * it in the buyer's terms (src/shared/deck-plan/watch-points.ts); the signal and its play, written
 * for us, stay in the speaker notes and the prep brief.
 */

/** Watch points shown on the slide; more go in the notes. */
const MAX_WATCH_POINTS = 4;

/** What could hold results back and what we propose, or null when nothing worth raising fired. */
export function risksSlide(ctx: SlideContext): SlideDraft | null {
  const points = watchPoints(ctx);
  if (points.length === 0) return null;
  const shown = points.slice(0, MAX_WATCH_POINTS);
  const lead = shown[0]!;
  const left: DeckBullet[] = shown.map((point) => ({ text: watchPointFact(point) }));
  const right: DeckBullet[] = shown.map((point) => ({ text: `${point.step}.` }));
  return {
    id: 'risks',
    reason: 'What could hold results back, each with the step we propose, so the buyer hears it from us first.',
    priority: 8,
    placement: 'main',
    content: {
      kind: 'two-column',
      title: points.length === 1 ? `One thing could hold results back next quarter: ${lowerFirst(lead.topic)}` : `${countWord(points.length, true)} things could hold results back next quarter; first, ${lowerFirst(lead.topic)}`,
      subtitle: `Watch points and proposed steps · as of ${monthLabel(ctx.facts.reportMonth)}`,
      left: { heading: 'What we see', bullets: left },
      right: { heading: 'What we propose', bullets: right },
      footnote: { source: 'Monthly metrics recorded for this account', dateRange: monthLabel(ctx.facts.reportMonth) },
      notes: speakerNotes(
        points.map(({ signal }) => `${signal.headline}: ${signal.explanation} Our play: ${signal.play.summary} ${signal.play.steps.join(' ')}`),
        ctx.primary,
        'risk',
      ),
    },
  };
}

/** The evidence gaps of everyone in the room, with how we close each. */
export function evidenceGapsSlide(ctx: SlideContext): SlideDraft | null {
  const missing = ctx.missingProof;
  if (missing.length === 0) return null;
  const quarter = quarterLabel(ctx.facts.input.quarter);
  const n = missing.length;
  return {
    id: 'evidence-gaps',
    reason: 'Names the proof people in the room will ask for that the data cannot supply yet, instead of stretching weaker data.',
    priority: 5,
    placement: 'main',
    content: {
      kind: 'table',
      title: `${countWord(n, true)} piece${n === 1 ? '' : 's'} of proof you will want ${n === 1 ? 'is' : 'are'} not in the data yet; here is how we close ${n === 1 ? 'it' : 'each'}`,
      subtitle: `Evidence still to come · ${quarter}`,
      columns: [{ header: 'Who asks', weight: 1.4 }, { header: 'Proof needed', weight: 2 }, { header: 'How we close it', weight: 2.8 }],
      rows: missing.map((m) => [m.askers.join('; '), `${m.needs.join('; ')}${m.streams.length > 0 ? ` (${joinPhrases(m.streams)})` : ''}`, m.howToClose]),
      footnote: { source: 'The proof each role in the room usually asks for, against the data recorded so far', dateRange: `Metrics recorded through ${monthLabel(ctx.facts.reportMonth)}` },
      notes: speakerNotes(
        ['Say each gap in one sentence, then the plan to close it:', ...ctx.gaps.slice(0, 6).map((gap) => gap.honestStatement)],
        ctx.primary,
        'gaps',
      ),
    },
  };
}
