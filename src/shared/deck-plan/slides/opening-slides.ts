import type { DeckBullet } from '../../deck/deck-document';
import { NOT_AVAILABLE } from '../../format/quantity';
import { daysBetween } from '../../calendar';
import { audienceNames } from '../deck-audience';
import { dayLabel, monthLabel, quarterLabel } from '../deck-period';
import { speakerNotes } from '../likely-questions';
import type { SlideContext, SlideDraft } from '../slide-context';
import { capitalise, countWord, lowerFirst } from '../value-format';
import { watchPointFact, watchPoints } from '../watch-points';
import { orientationWords } from './value-slides';
import { carriedDecisions } from './commitments-review-slide';

/*
 * The opening: title, the decisions we ask for today, and the executive summary's three findings,
 * each written from the slides that follow so the opening never promises what the body cannot show.
 */

/** The title slide. */
export function titleSlide(ctx: SlideContext): SlideDraft {
  const { input } = ctx.facts;
  const meeting = ctx.deckType === 'ebr' ? 'Executive Business Review' : 'Quarterly Business Review';
  const preparedBy = input.preparer?.csmName ? ` · ${input.preparer.csmName}${input.preparer.companyName ? `, ${input.preparer.companyName}` : ''}` : '';
  return {
    id: 'title',
    reason: 'Opens the meeting: account, meeting and who it is for.',
    priority: 0,
    placement: 'main',
    content: {
      kind: 'title',
      title: input.account.name,
      subtitle: `Value measured as ${orientationWords(ctx.reading.lead.orientation)} · prepared for ${audienceNames(ctx.audience)}`,
      meetingLabel: `${meeting} · ${quarterLabel(input.quarter)}`,
      dateLabel: `${dayLabel(input.today)} · data through ${monthLabel(ctx.facts.reportMonth)}${preparedBy}`,
      notes: `Open with why we are here: the decisions on the next slide. Audience: ${ctx.audience.map((m) => m.label).join('; ')}.`,
    },
  };
}

/** One decision we ask the buyer for, with a short form for the title. */
export interface Decision {
  short: string;
  bullet: DeckBullet;
  /** The ledger entry of a decision still open from an earlier review; such decisions are not proposed again. */
  carriedFrom?: string;
  /** What the next 90 days do to carry the decision out, as an action row; none when another action already does. */
  followUp?: string;
}

/** The decisions to ask for, most consequential first. */
export function decisionsFor(ctx: SlideContext): Decision[] {
  const { input } = ctx.facts;
  const decisions: Decision[] = carriedDecisions(ctx);
  const conflict = ctx.reading.conflicts.find((c) => c.tradeOffQuestion && c.options.length >= 2);
  if (conflict) {
    decisions.push({
      short: 'where effort goes between the contract\'s streams',
      bullet: { emphasis: 'Choose the focus:', text: `${conflict.options[0]!.label} or ${lowerFirst(conflict.options[1]!.label)} (trade-off slide).` },
      followUp: 'Re-plan the quarter\'s outreach and reporting around the chosen focus',
    });
  }
  const urgent = watchPoints(ctx).find((point) => point.signal.severity === 'critical');
  // The watch point's step is already an action of its own.
  if (urgent) decisions.push({ short: 'the next step on what could hold results back', bullet: { emphasis: 'Agree the next step:', text: `${urgent.step}.` } });
  const dataGap = ctx.gaps.find((gap) => gap.proofKind !== null && /claims|data|extract|readmission|evaluator|cost per/i.test(gap.howToClose));
  if (dataGap) {
    decisions.push({
      short: 'data access to close an evidence gap',
      bullet: { emphasis: 'Approve data access:', text: `for ${lowerFirst(dataGap.need)}, so it can be shown at the next review.` },
      followUp: 'Name who signs off the data access and set the date the first extract arrives',
    });
  }
  const openTerms = ctx.reading.readiness.flatMap((entry) => entry.readiness.items.filter((item) => item.status !== 'present').map((item) => item.label.toLowerCase()));
  if (openTerms.length > 0) {
    decisions.push({
      short: 'the outcomes terms still open',
      bullet: { emphasis: 'Agree contract terms:', text: `${openTerms.slice(0, 3).join(', ')}${openTerms.length > 3 ? ` and ${openTerms.length - 3} more` : ''} before settlement.` },
      followUp: 'Write the agreed outcomes terms into a contract amendment for signature',
    });
  }
  if (input.goals.length === 0) {
    decisions.push({
      short: 'success-plan goals',
      bullet: { emphasis: 'Agree success-plan goals:', text: 'two or three measurable goals with targets and dates, so the next review is judged on your definition of success.' },
      followUp: 'Confirm the success-plan goals in writing, each with its target and review date',
    });
  }
  if (input.account.renewalDate) {
    const days = daysBetween(input.today, input.account.renewalDate);
    if (days >= 0 && days <= 180) {
      decisions.push({
        short: 'the renewal path',
        bullet: { emphasis: 'Confirm the renewal path:', text: `renewal is ${dayLabel(input.account.renewalDate)}, ${days} days away.` },
        followUp: 'Set the renewal timeline: who signs, the paperwork and the date of the decision meeting',
      });
    }
  }
  return decisions.slice(0, 4);
}

/** "Decisions we are seeking today". */
export function decisionsSlide(ctx: SlideContext, decisions: readonly Decision[] = decisionsFor(ctx)): SlideDraft {
  const bullets = decisions.length > 0 ? decisions.map((d) => d.bullet) : [{ emphasis: 'No decision needed today:', text: 'we ask you to confirm the plan for the next 90 days.' }];
  return {
    id: 'decisions',
    reason: 'States up front what we need from the room, so every later slide supports a decision.',
    priority: 1,
    placement: 'main',
    content: {
      kind: 'bullets',
      title: decisions.length > 0 ? `${countWord(decisions.length, true)} decision${decisions.length === 1 ? '' : 's'} we need today, starting with ${decisions[0]!.short}` : 'No decision is needed today; we ask you to confirm the 90-day plan',
      subtitle: `Decisions we are seeking · ${quarterLabel(ctx.facts.input.quarter)}`,
      bullets,
      notes: speakerNotes(['Name the decisions now; come back to them at the end.', ...decisions.map((d) => `${d.bullet.emphasis} ${d.bullet.text}`)], ctx.primary, 'plan'),
    },
  };
}

/** A finding for the executive summary: a big figure, a lead-in and a sentence. */
export interface Finding {
  figure?: string;
  emphasis: string;
  text: string;
}

/** The figure a slide leads with: its callout, its first tile with a value, or nothing. */
export function leadFigure(draft: SlideDraft): string | undefined {
  const content = draft.content;
  if ((content.kind === 'chart' || content.kind === 'funnel') && content.callout) return content.callout.figure;
  if (content.kind === 'kpis') return content.tiles.find((tile) => tile.value !== null)?.value ?? undefined;
  if (content.kind === 'bullets') return content.bullets[0]?.figure;
  return undefined;
}

/**
 * What a value slide shows beyond its title, so the summary adds to the headline instead of
 * repeating it: the other tiles, or the chart's callout and side notes.
 */
export function supportingText(ctx: SlideContext, draft: SlideDraft): string {
  const content = draft.content;
  if (content.kind === 'kpis') {
    const parts = content.tiles.slice(1).map((tile) => `${lowerFirst(tile.label)}: ${tile.value ?? NOT_AVAILABLE}`);
    return parts.length > 0 ? `${capitalise(parts.join('; '))}.` : `${content.title}.`;
  }
  if (content.kind === 'bullets' && content.bullets.some((bullet) => bullet.figure)) {
    // The summary's subtitle names the period, so each row's lead-in drops it: "yours after our 30% share: $39,067".
    const lead = (bullet: DeckBullet) => lowerFirst((bullet.emphasis ?? '').replace(/:$/, '').replace(`, ${ctx.facts.period}`, ''));
    const parts = content.bullets.slice(1).map((bullet) => `${lead(bullet)}: ${bullet.figure ?? NOT_AVAILABLE}`);
    return parts.length > 0 ? `${capitalise(parts.join('; '))}.` : `${content.title}.`;
  }
  if (content.kind === 'chart') {
    const parts = [content.callout ? `${content.callout.figure} ${content.callout.label}` : null, ...(content.sideBullets ?? []).map((b) => `${b.emphasis ?? ''} ${b.text}`.trim())].filter((p): p is string => !!p);
    return parts.length > 0 ? `${capitalise(parts.join('; '))}.` : `${content.title}.`;
  }
  return `${content.title}.`;
}

/** Figures print beside bullets in a narrow column; longer ones read better in the text. */
function shortFigure(figure: string | undefined): string | undefined {
  return figure && figure.length <= 12 ? figure : undefined;
}

/** A title two lines long holds about this many characters at the smallest title size. */
const SUMMARY_TITLE_CHARS = 140;

/**
 * The value headline's leading clauses (split at "; ") that fit the room left, always the first: the
 * summary adds to the headline without growing past two lines, and never cuts a clause.
 */
function headlineClauses(headline: string, room: number): string {
  const clauses = headline.split('; ');
  let kept = clauses[0]!;
  for (const clause of clauses.slice(1)) {
    if (kept.length + 2 + clause.length > room) break;
    kept = `${kept}; ${clause}`;
  }
  return kept;
}

/** The executive summary: three findings written from the value story, the gate and the top risk or gap. */
export function executiveSummarySlide(ctx: SlideContext, valueStory: SlideDraft, gate: SlideDraft | null): SlideDraft {
  const findings: Finding[] = [];
  const figureOf = (draft: SlideDraft) => shortFigure(leadFigure(draft));
  findings.push({ ...(figureOf(valueStory) ? { figure: figureOf(valueStory) } : {}), emphasis: 'Value:', text: supportingText(ctx, valueStory) });
  if (gate && gate.content.kind === 'funnel') {
    const weakest = gate.content.sideBullets?.find((b) => /Adherence|Activation|Outcome|Adoption/.test(b.emphasis ?? ''));
    findings.push({ ...(weakest ? { figure: shortFigure(weakest.text.split(' ')[0]) } : {}), emphasis: 'Engagement Gate:', text: `${gate.content.title}.` });
  }
  // Counted as the evidence slide lists them: one per step that closes it.
  const gapCount = ctx.missingProof.length;
  const watch = watchPoints(ctx)[0];
  if (watch) {
    findings.push({ ...(shortFigure(watch.figure ?? undefined) ? { figure: watch.figure! } : {}), emphasis: 'Watch point:', text: `${watchPointFact(watch)}; we propose to ${lowerFirst(watch.step)}.` });
  } else if (gapCount > 0) {
    findings.push({ figure: String(gapCount), emphasis: 'Evidence gaps:', text: `${capitalise(countWord(gapCount))} piece${gapCount === 1 ? '' : 's'} of proof this room will ask for ${gapCount === 1 ? 'is' : 'are'} not in the data yet; we show how we close ${gapCount === 1 ? 'it' : 'them'}.` });
  } else {
    // Our health score is an internal measure; the buyer hears what it means for the plan.
    findings.push({ emphasis: 'On track:', text: 'nothing in this quarter\'s data calls for a change of plan; the next 90 days build on what works.' });
  }
  // The value headline leads; the title adds how many risks need action so it never repeats the value slide word for word.
  const criticalCount = watchPoints(ctx).filter((point) => point.signal.severity === 'critical').length;
  const suffix = criticalCount > 0 ? `${countWord(criticalCount)} watch point${criticalCount === 1 ? ' needs' : 's need'} action now` : gapCount > 0 ? `${countWord(gapCount)} evidence gap${gapCount === 1 ? '' : 's'} to close` : `no critical risks as of ${monthLabel(ctx.facts.reportMonth)}`;
  const title = `${headlineClauses(valueStory.content.title, SUMMARY_TITLE_CHARS - suffix.length - 2)}; ${suffix}`;
  return {
    id: 'executive-summary',
    reason: 'Three findings from the data: the value delivered, the Engagement Gate, and the biggest risk or evidence gap.',
    priority: 2,
    placement: 'main',
    content: {
      kind: 'bullets',
      title,
      // Totals are the period's; rates, counts and the watch point's figure are the report month's.
      subtitle: `Executive summary · ${ctx.facts.period}; rates and counts as of ${monthLabel(ctx.facts.reportMonth)}`,
      bullets: findings.slice(0, 3).map((f) => ({ ...(f.figure ? { figure: f.figure } : {}), emphasis: f.emphasis, text: f.text })),
      notes: speakerNotes(findings.map((f) => `${f.emphasis} ${f.text}`), ctx.primary, 'value'),
    },
  };
}
