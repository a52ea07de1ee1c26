import { healthTrendChart } from '../../charts/kpi-charts';
import { believableProof } from '../../framework/believable-proof';
import type { BelievableProofKind } from '../../framework/keys';
import type { AudienceMember, DeckPlanStream } from '../deck-plan-types';
import { streamOrientation } from '../framework-reading';
import { speakerNotes } from '../likely-questions';
import { chartFootnote, type SlideContext } from '../slide-context';
import { capitalise, countWord } from '../value-format';
import { dataCompletenessView, goalAchievementView, performancePaymentView } from './outcomes-contract-proof';
import { switchoverView } from './phased-contract-proof';
import { adherenceView, integrationView, saasAdoptionView, saasValueBridgeView } from './platform-proof';
import { pmpmEngagementView, pmpmSpendView, populationOutcomesView, savingsValidationView } from './population-proof';
import { methodView } from './method-proof';
import type { ProofView } from './proof-view';
import { rpmBillingComplianceView, rpmCostAvoidanceView, rpmEngagementDepthView, rpmProviderAdoptionView, rpmRevenueView } from './rpm-proof';
import { formatQuantity } from '../../format/quantity';

/*
 * Picks the evidence view for one kind of believable proof on one stream, or, when the data cannot
 * supply it, an honest gap slide naming what is missing and how it will be closed.
 */

type Model = DeckPlanStream['revenueModel'];

/** The view that shows this kind of proof for this stream, or null when the data cannot. */
function evidenceView(ctx: SlideContext, member: AudienceMember, kind: BelievableProofKind, stream: DeckPlanStream): ProofView | null {
  const model: Model = stream.revenueModel;
  const costs = streamOrientation(ctx.facts, stream, member.archetype).orientation === 'reducing_costs';
  const population = model === 'pmpm_pepm' || model === 'hybrid';
  switch (kind) {
    case 'dollar_figure':
      if (model === 'cpt_rpm') return costs ? rpmCostAvoidanceView(ctx, member, stream, 'costs') : rpmRevenueView(ctx, member, stream);
      if (model === 'pmpm_pepm') return pmpmSpendView(ctx, member, stream);
      if (model === 'saas_license') return saasValueBridgeView(ctx, member, stream);
      if (model === 'value_based') return performancePaymentView(ctx, member, stream);
      return switchoverView(ctx, member, stream) ?? pmpmSpendView(ctx, member, stream);
    case 'matched_cohort_claims_validated':
      return model === 'cpt_rpm' ? rpmCostAvoidanceView(ctx, member, stream, 'costs') : savingsValidationView(ctx, member, stream);
    case 'clinical_outcomes_with_statistics':
      if (model === 'cpt_rpm') return rpmCostAvoidanceView(ctx, member, stream, 'outcomes');
      if (model === 'value_based') return goalAchievementView(ctx, member, stream);
      return populationOutcomesView(ctx, member, stream);
    case 'engagement_satisfaction_trends':
      if (model === 'cpt_rpm') return rpmEngagementDepthView(ctx, member, stream);
      if (population) return pmpmEngagementView(ctx, member, stream);
      if (model === 'saas_license') return saasAdoptionView(ctx, member, stream);
      return null;
    case 'billing_compliance':
      return model === 'cpt_rpm' ? rpmBillingComplianceView(ctx, member, stream) : null;
    case 'integration_uptime_security':
      return integrationView(ctx, member, stream);
    case 'workflow_adoption_time_saved':
      if (model === 'saas_license') return saasAdoptionView(ctx, member, stream);
      return model === 'cpt_rpm' ? rpmProviderAdoptionView(ctx, member, stream) : null;
    case 'methodology_data_completeness':
      return model === 'value_based' ? dataCompletenessView(ctx, member, stream) : methodView(ctx, member, stream);
    case 'adherence_real_world_evidence':
      return adherenceView(ctx, member, stream);
    case 'leading_indicators':
      return healthTrendView(ctx, member);
  }
}

/** Leading indicators: the account's health score over six months. */
function healthTrendView(ctx: SlideContext, member: AudienceMember): ProofView {
  const { health } = ctx.facts.input.insights;
  const chart = healthTrendChart(health);
  return {
    key: 'health-trend',
    content: {
      kind: 'chart',
      title: health.score === null ? 'The health score cannot be computed: its inputs are missing' : `Account health is ${formatQuantity(health.score, 'score')}/100 (${health.band.replace('_', ' ')})`,
      subtitle: `Leading indicators · for ${member.label}`,
      chart: chart,
      altText: `Line chart of the account health score over six months, ${health.score === null ? 'not available' : `${formatQuantity(health.score, 'score')} of 100`} in the report month.`,
      footnote: chartFootnote(chart, []),
      notes: speakerNotes(['Internal view: which component moved the score, and which signal we act on first.'], member, 'risk'),
    },
  };
}

/** An honest slide for proof the data cannot supply: what is missing and how we will get it. */
function gapView(ctx: SlideContext, member: AudienceMember, kind: BelievableProofKind, stream: DeckPlanStream): ProofView {
  const proof = believableProof(kind);
  const unmet = ctx.proofChecks.filter((check) => check.member.archetype === member.archetype && check.kind === kind && !check.met);
  const items = unmet.length > 0 ? unmet.map((check) => ({ need: check.requirement.need, how: check.requirement.howToClose })) : [{ need: proof.description, how: 'Agree with the buyer which measure would convince them and where the data will come from.' }];
  return {
    key: `gap-${kind}-${stream.id}`,
    content: {
      kind: 'bullets',
      title: `${capitalise(proof.label)} cannot be shown yet: ${countWord(items.length)} measure${items.length === 1 ? ' is' : 's are'} not recorded`,
      subtitle: `Proof ${member.label} will look for · ${stream.name}`,
      bullets: items.slice(0, 5).flatMap((item) => [
        { emphasis: 'Missing:', text: item.need },
        { text: `How we close it: ${item.how}`, level: 1 as const },
      ]),
      notes: speakerNotes(
        [`Name the gap rather than stretching weaker data to fill it: ${proof.description}`, 'Offer the plan to close it and a date for the first result.'],
        member,
        'gaps',
      ),
    },
  };
}

/** The slide proving `kind` to `member` on `stream`: evidence when the data has it, else the honest gap. */
export function proofSlide(ctx: SlideContext, member: AudienceMember, kind: BelievableProofKind, stream: DeckPlanStream): ProofView & { isGap: boolean } {
  const view = evidenceView(ctx, member, kind, stream);
  return view ? { ...view, isGap: false } : { ...gapView(ctx, member, kind, stream), isGap: true };
}
