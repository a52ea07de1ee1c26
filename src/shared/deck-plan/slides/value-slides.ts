import { archetype } from '../../framework/stakeholder-archetypes';
import { believableProof } from '../../framework/believable-proof';
import type { BelievableProofKind, ValueOrientationKey } from '../../framework/keys';
import type { AudienceMember, DeckType } from '../deck-plan-types';
import { storyFor, streamForArchetype } from '../framework-reading';
import { proofSlide } from '../proof/proof-slide';
import type { SlideContext, SlideDraft } from '../slide-context';

/*
 * The value story (in the orientation this buyer lives in, led by the primary stakeholder's proof)
 * and one slide per other person in the room with the proof that person believes.
 */

const ORIENTATION_WORDS: Record<ValueOrientationKey, string> = {
  generating_revenue: 'revenue generated',
  reducing_costs: 'costs reduced',
  both: 'revenue generated and costs reduced',
  unknown: 'orientation not yet confirmed',
};

/** "revenue generated" / "costs reduced" for subtitles and notes. */
export function orientationWords(orientation: ValueOrientationKey): string {
  return ORIENTATION_WORDS[orientation];
}

export interface ValueSlides {
  drafts: SlideDraft[];
  /** The value story's draft, for the executive summary. */
  valueStory: SlideDraft;
  /** The proof kind the value story shows. */
  leadProof: BelievableProofKind;
}

/** "Method and data completeness · for …": what the lead slide proves, and for whom. */
function valueStorySubtitle(ctx: SlideContext, words: string, viewSubtitle: string | null): string {
  const what = viewSubtitle?.split(' · for ')[0] ?? null;
  const stream = ctx.facts.input.streams.length > 1 ? ` · ${ctx.reading.lead.stream.name}` : '';
  // The orientation is on the title slide; the subtitle says what this slide proves and for whom.
  return what ? `${what}${stream} · for ${ctx.primary.label}` : `Value story: ${words}${stream} · for ${ctx.primary.label}`;
}

/** Proof people outside these roles do not sit in a QBR: an executive review keeps only buyer-side decision makers' proof in the main body. */
function proofPriority(member: AudienceMember, index: number, deckType: DeckType): number {
  const role = archetype(member.archetype);
  const decisionMaker = role.believableProof.includes('dollar_figure') || role.believableProof.includes('matched_cohort_claims_validated');
  return 6 + index * 2 + (deckType === 'ebr' && !decisionMaker ? 4 : 0);
}

/** The value story plus per-stakeholder proof slides, without showing the same evidence twice. */
export function valueSlides(ctx: SlideContext): ValueSlides {
  const used = new Set<string>();
  const { primary, reading } = ctx;
  const leadStream = reading.lead.stream;
  const story = storyFor(leadStream, primary.archetype);
  const primaryKinds = story.proofOrder;
  // The value story is the primary stakeholder's strongest proof the data can show; when it can show
  // none, the strongest proof's gap slide says so plainly.
  const candidates = primaryKinds.map((kind) => ({ kind, view: proofSlide(ctx, primary, kind, leadStream) }));
  const chosen = candidates.find((c) => !c.view.isGap) ?? candidates[0] ?? { kind: 'leading_indicators' as const, view: proofSlide(ctx, primary, 'leading_indicators', leadStream) };
  const leadKind = chosen.kind;
  used.add(chosen.view.key);
  const words = orientationWords(reading.lead.orientation);
  // The environment's plays are the CSM's (SMS-first outreach, calibrated benchmarks...): notes only.
  const plays = story.plays.length > 0 ? `\n\nFor you, not the slide — plays for this buyer's payment environment:\n${story.plays.map((play) => `• ${play}`).join('\n')}` : '';
  const valueStory: SlideDraft = {
    id: 'value-story',
    reason: `Leads with ${believableProof(leadKind).label.toLowerCase()} for ${primary.label}, told as ${words}: ${reading.lead.orientationReason}`,
    content: { ...chosen.view.content, subtitle: valueStorySubtitle(ctx, words, chosen.view.content.subtitle ?? null), notes: `${chosen.view.content.notes ?? ''}${plays}` },
    priority: 3,
    placement: 'main',
  };

  const drafts: SlideDraft[] = [valueStory];
  ctx.audience.forEach((member, index) => {
    const stream = streamForArchetype(ctx.facts.input.streams, member.archetype) ?? leadStream;
    const kinds: BelievableProofKind[] = storyFor(stream, member.archetype).proofOrder.filter((kind) => member !== primary || kind !== leadKind);
    const views = kinds.map((kind) => ({ kind, view: proofSlide(ctx, member, kind, stream) })).filter(({ view }) => !used.has(view.key));
    // Evidence is presented before gaps: the evidence-gaps table already names every gap.
    const ordered = [...views.filter(({ view }) => !view.isGap), ...views.filter(({ view }) => view.isGap)];
    ordered.forEach(({ kind, view }, rank) => {
      if (used.has(view.key)) return;
      used.add(view.key);
      drafts.push({
        id: `proof-${member.archetype}-${kind}`,
        reason: `${member.label} believes ${believableProof(kind).label.toLowerCase()}${view.isGap ? '; the data cannot show it yet, so the slide names the gap' : ''}.`,
        content: view.content,
        // The first proof per person is presented; further proof is backup in the appendix.
        priority: rank === 0 ? proofPriority(member, index, ctx.deckType) : 20 + index,
        placement: rank === 0 ? 'main' : 'appendix',
      });
    });
  });

  // The lead stream's engagement trend (device days, engagement rate, weekly active use) backs the
  // Engagement Gate in every deck, unless a proof slide already shows it.
  const trend = proofSlide(ctx, primary, 'engagement_satisfaction_trends', leadStream);
  if (!trend.isGap && !used.has(trend.key)) {
    drafts.push({
      id: 'engagement-trend',
      reason: 'Shows the engagement trend behind the Engagement Gate: billing or fees can look healthy while engagement erodes.',
      content: { ...trend.content, subtitle: `Engagement trend · ${leadStream.name}` },
      priority: 11,
      placement: ctx.deckType === 'ebr' ? 'appendix' : 'main',
    });
  }
  return { drafts, valueStory, leadProof: leadKind };
}
