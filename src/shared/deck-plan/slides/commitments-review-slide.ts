import { isOverdue, COMMITMENT_STATUS_LABEL, isOutstanding } from '../../commitments/commitment';
import { dayLabel, quarterLabel } from '../deck-period';
import type { DeckPlanCommitment } from '../deck-plan-types';
import type { SlideContext, SlideDraft } from '../slide-context';
import { countWord, joinPhrases } from '../value-format';
import type { Decision } from './opening-slides';

/*
 * "What we committed to last quarter": the review opens (after the title) with what the last one
 * promised and what became of it, read from the commitments ledger; decisions still open carry
 * over to today's decisions. Customer-facing: every row has an owner and a date, every sentence is
 * whole.
 */

/** The owner as the slide names them; the side when no name was recorded. */
function ownerText(commitment: DeckPlanCommitment): string {
  if (commitment.ownerName) return commitment.ownerName;
  return commitment.ownerSide === 'ours' ? 'Customer Success (us)' : commitment.ownerSide === 'customer' ? 'Your team' : 'Both teams';
}

/** Ends a ledger text as a sentence. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function statusText(commitment: DeckPlanCommitment, today: string): string {
  return isOverdue(commitment, today) ? `${COMMITMENT_STATUS_LABEL[commitment.status]}, past due` : COMMITMENT_STATUS_LABEL[commitment.status];
}

/** The quarter the deck looks back on, as words: "Q3 2026" or "Q3 2026 and earlier". */
function lookBackLabel(commitments: readonly DeckPlanCommitment[]): string {
  const quarters = [...new Set(commitments.map((c) => c.quarterRaised))].sort();
  const latest = quarterLabel(quarters[quarters.length - 1]!);
  return quarters.length > 1 ? `${latest} and earlier` : latest;
}

/** The action title: how many were kept, and what is still owed. */
function reviewTitle(commitments: readonly DeckPlanCommitment[]): string {
  const count = (status: DeckPlanCommitment['status']) => commitments.filter((c) => c.status === status).length;
  const done = count('done');
  const rest = [
    count('slipped') > 0 ? `${countWord(count('slipped'))} slipped` : null,
    count('open') > 0 ? `${countWord(count('open'))} ${count('open') === 1 ? 'is' : 'are'} still open` : null,
    count('dropped') > 0 ? `${countWord(count('dropped'))} ${count('dropped') === 1 ? 'was' : 'were'} dropped` : null,
  ].filter((part): part is string => part !== null);
  const head = `${countWord(done, true)} of the ${countWord(commitments.length)} commitment${commitments.length === 1 ? '' : 's'} from ${lookBackLabel(commitments)} ${done === 1 ? 'is' : 'are'} done`;
  return rest.length > 0 ? `${head}; ${joinPhrases(rest)}` : `${head}; nothing is outstanding`;
}

/** The carry-over slide; null when nothing was committed before this quarter. */
export function commitmentsReviewSlide(ctx: SlideContext): SlideDraft | null {
  const commitments = ctx.facts.input.priorCommitments ?? [];
  if (commitments.length === 0) return null;
  const today = ctx.facts.input.today;
  // Still owed first (they need the room's attention), then kept, then dropped.
  const rank = (c: DeckPlanCommitment) => (isOutstanding(c) ? 0 : c.status === 'done' ? 1 : 2);
  const rows = [...commitments].sort((a, b) => rank(a) - rank(b) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  const owed = rows.filter(isOutstanding);
  const label = lookBackLabel(commitments);
  return {
    id: 'commitments-review',
    reason: 'Opens with what the last review promised and what became of each, so every review builds on the one before.',
    priority: 1,
    placement: 'main',
    content: {
      kind: 'table',
      title: reviewTitle(commitments),
      subtitle: `What we committed to last quarter · ${label}`,
      // Four columns, the commitment widest: a cell holds three lines, so whole sentences fit.
      columns: [
        { header: 'Commitment', weight: 3.8 },
        { header: 'Owner', weight: 1.6 },
        { header: 'Due', align: 'center', weight: 1.1 },
        { header: 'Status', weight: 2.3 },
      ],
      rows: rows.map((c) => [asSentence(c.text), ownerText(c), c.dueDate ? dayLabel(c.dueDate) : 'No date set', `${statusText(c, today)}.${c.outcomeNote ? ` ${asSentence(c.outcomeNote)}` : ''}`]),
      footnote: { source: `Commitments agreed in the ${label} review`, dateRange: `Status as of ${dayLabel(today)}` },
      notes: [
        'Walk through what was promised before anything new: start with what is still owed and agree a new date for each in the room.',
        ...owed.slice(0, 4).map((c) => `${asSentence(c.text)} Owner: ${ownerText(c)}.${c.dueDate ? ` It was due ${dayLabel(c.dueDate)}.` : ''}`),
      ].join('\n'),
    },
  };
}

/** Decisions the last review sought that are still open: they lead today's decisions. */
export function carriedDecisions(ctx: SlideContext): Decision[] {
  return (ctx.facts.input.priorCommitments ?? [])
    .filter((c) => c.kind === 'decision' && isOutstanding(c))
    .slice(0, 2)
    .map((c) => ({
      short: `a decision still open from ${quarterLabel(c.quarterRaised)}`,
      bullet: { emphasis: `Still open from ${quarterLabel(c.quarterRaised)}:`, text: asSentence(c.text) },
      carriedFrom: c.id,
    }));
}
