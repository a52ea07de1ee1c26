import type { DeckBullet } from '../../deck/deck-document';
import type { Signal, SignalEvidence } from '../../metrics/signals/signal';
import { severityRank } from '../../metrics/signals/signal';
import { monthLabel, quarterLabel } from '../deck-period';
import { speakerNotes } from '../likely-questions';
import type { SlideContext, SlideDraft } from '../slide-context';
import { countWord, lowerFirst } from '../value-format';
import { formatQuantity, groupDigits } from '../../format/quantity';

/*
 * Risks and early warnings with the mitigation play, and the evidence gaps named honestly. Both are
 * where trust is won: a buyer who hears the bad news first believes the good news.
 */

/** Warnings shown on the slide; more go in the notes. */
const MAX_SIGNALS = 4;

/** The first sentence of a longer text, for slide bullets. */
export function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text.trim());
  return (match ? match[1]! : text.trim()).replace(/[.!?]$/, '');
}

/** An evidence number as text with its unit. */
export function evidenceText(evidence: SignalEvidence): string | null {
  const { value, unit } = evidence;
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (unit === 'date' || unit === 'text') return String(value);
  if (unit === 'months') return `${groupDigits(value)} months`;
  return formatQuantity(value, unit);
}

/** Signals worth raising with the buyer, most severe first (info-only context is left out). */
export function rankedSignals(ctx: SlideContext): Signal[] {
  return ctx.facts.input.insights.signals
    .filter((signal) => signal.severity !== 'info')
    .map((signal, i) => ({ signal, i }))
    .sort((a, b) => severityRank(a.signal.severity) - severityRank(b.signal.severity) || a.i - b.i)
    .map(({ signal }) => signal);
}

/** Risks and early warnings with their plays, or null when none fired. */
export function risksSlide(ctx: SlideContext): SlideDraft | null {
  const signals = rankedSignals(ctx);
  if (signals.length === 0) return null;
  const shown = signals.slice(0, MAX_SIGNALS);
  const critical = signals.filter((s) => s.severity === 'critical').length;
  const lead = shown[0]!;
  const left: DeckBullet[] = shown.map((signal) => {
    const evidence = signal.evidence.find((e) => evidenceText(e) !== null);
    return {
      emphasis: signal.severity === 'critical' ? 'Critical:' : 'Warning:',
      text: `${signal.headline}${evidence ? ` (${evidence.label.charAt(0).toLowerCase()}${evidence.label.slice(1)}: ${evidenceText(evidence)})` : ''}`,
    };
  });
  const right: DeckBullet[] = shown.map((signal) => ({ text: signal.play.summary }));
  return {
    id: 'risks',
    reason: 'Early warnings from the metrics, each with the play we are running, so the buyer hears the risk from us first.',
    priority: 8,
    placement: 'main',
    content: {
      kind: 'two-column',
      title: `${countWord(signals.length, true)} early warning${signals.length === 1 ? '' : 's'}${critical > 0 ? ` (${countWord(critical)} critical)` : ''}; the most urgent: ${lowerFirst(lead.headline)}`,
      subtitle: `Risks and mitigation plays · signals as of ${monthLabel(ctx.facts.reportMonth)}`,
      left: { heading: 'Early warning', bullets: left },
      right: { heading: 'Mitigation play', bullets: right },
      footnote: { source: 'Early-warning rules over the account\'s recorded metrics (QBR Workbench signals)', dateRange: monthLabel(ctx.facts.reportMonth) },
      notes: speakerNotes(
        signals.map((signal) => `${signal.headline}: ${signal.explanation} Play: ${signal.play.summary} ${signal.play.steps.join(' ')}`),
        ctx.primary,
        'risk',
      ),
    },
  };
}

/** The evidence gaps of everyone in the room, with the honest statement and how we close each. */
export function evidenceGapsSlide(ctx: SlideContext): SlideDraft | null {
  const gaps = ctx.gaps;
  const quarter = quarterLabel(ctx.facts.input.quarter);
  if (gaps.length === 0) return null;
  const people = new Set(gaps.filter((g) => g.proofKind !== null).map((g) => g.archetype)).size;
  return {
    id: 'evidence-gaps',
    reason: 'Names the proof people in the room will ask for that the data cannot supply yet, instead of stretching weaker data.',
    priority: 5,
    placement: 'main',
    content: {
      kind: 'table',
      title: `${countWord(gaps.length, true)} piece${gaps.length === 1 ? '' : 's'} of proof ${people > 1 ? `${countWord(people)} people in this room` : 'this audience'} will ask for ${gaps.length === 1 ? 'is' : 'are'} not in the data yet; here is how we close ${gaps.length === 1 ? 'it' : 'each'}`,
      subtitle: `Evidence gaps · ${quarter}`,
      columns: [{ header: 'Who asks', weight: 1.4 }, { header: 'Proof they need', weight: 2 }, { header: 'How we close it', weight: 2.8 }],
      rows: gaps.map((gap) => [gap.audienceLabel, gap.streamName ? `${gap.need} (${gap.streamName})` : gap.need, gap.howToClose]),
      footnote: { source: 'Framework believable-proof requirements checked against the metrics recorded for this account', dateRange: `Metrics recorded through ${monthLabel(ctx.facts.reportMonth)}` },
      notes: speakerNotes(
        ['Say each gap in one sentence, then the plan to close it:', ...gaps.slice(0, 6).map((gap) => gap.honestStatement)],
        ctx.primary,
        'gaps',
      ),
    },
  };
}
