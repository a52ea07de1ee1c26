import type { IdentificationAnswers } from './answers';
import type { AssessmentStream, FrameworkAssessment } from './assessment';
import { FRAMEWORK_CATALOG_VERSION } from './catalog-version';
import { detectIncentiveConflicts, type IncentiveConflict } from './hybrid-conflicts';
import { hybridStructure } from './hybrid-structures';
import { identifyGates, type IdentifiedGate } from './identify-gates';
import { identifyStream, humanizeKey, streamWeights, type IdentifiedStream } from './identify-stream';
import type { HybridStructureKey, RevenueModelKey, RevenuePathKey, StreamModelKey } from './keys';
import type { OpenQuestion } from './open-question';
import { reason, type Reason } from './reason';
import { revenueModel } from './revenue-models';

/*
 * identify(): the framework's five orienting questions turned into a ranked reading of the account.
 * Unknowns are not errors; each becomes an open question, and an unknown orientation is flagged as
 * the first conversation to have.
 */

export interface RankedModel {
  model: RevenueModelKey;
  /** primary: the account's model; component: a stream of a hybrid; read_also: an element the framework says to study; candidate: a guess from indirect answers. */
  role: 'primary' | 'component' | 'read_also' | 'candidate';
  /** Share of contract revenue (0-1) behind this model; 0 for read_also and candidates. */
  weight: number;
  reasons: Reason[];
}

export interface IdentificationResult {
  catalogVersion: string;
  primaryModel: RevenueModelKey | null;
  rankedModels: RankedModel[];
  isHybrid: boolean;
  hybridStructure: HybridStructureKey | null;
  hybridReasons: Reason[];
  streams: IdentifiedStream[];
  engagementGates: IdentifiedGate[];
  shortestPathToRevenue: RevenuePathKey | null;
  incentiveConflicts: IncentiveConflict[];
  findings: Reason[];
  openQuestions: OpenQuestion[];
  /** A starting assessment to save, or null while any stream's model is unknown. */
  suggestedAssessment: FrameworkAssessment | null;
}

const PATH_ORDER: readonly RevenuePathKey[] = ['monthly', 'at_renewal', 'measurement_period_18_24_months'];

const PATH_WARNING: Record<RevenuePathKey, string> = {
  monthly: 'Engagement turns into revenue every month, so problems show quickly and can be corrected within weeks.',
  at_renewal: 'Revenue impact arrives only at renewal, so warning signals must fire long before the renewal review.',
  measurement_period_18_24_months:
    'Revenue depends on a measurement period up to 18-24 months away; negative trajectories must be caught months before it ends, when correction is still possible.',
};

function matchHybridStructure(streams: readonly IdentifiedStream[]): { key: HybridStructureKey | null; reason: Reason } {
  const has = (model: StreamModelKey) => streams.some((stream) => stream.model === model);
  if (streams.some((stream) => stream.howPaid === 'annual_minimum' || stream.howPaid === 'case_rate')) {
    return { key: 'annual_minimum_case_rate_pepm', reason: reason('structure_phased', 'An annual minimum or case rate marks the phased annual minimum → case rate → PEPM structure.') };
  }
  const vbc = streams.filter((stream) => stream.model === 'value_based');
  const withheld = vbc.some((stream) => stream.howPaid === 'withheld_performance_component' || stream.contractTerms?.performanceWithheldUntilValidated === true);
  if (has('pmpm_pepm') && withheld) {
    return {
      key: 'engagement_fee_plus_withheld_performance',
      reason: reason('structure_two_stream', 'An engagement-type fee plus a performance component withheld until validated is the two-stream model.'),
    };
  }
  if (has('pmpm_pepm') && vbc.some((stream) => stream.variant === 'shared_savings')) {
    return { key: 'pmpm_plus_shared_savings', reason: reason('structure_pmpm_shared_savings', 'A per-member fee plus shared savings.') };
  }
  if (has('pmpm_pepm') && has('value_based')) {
    return { key: 'pmpm_base_plus_outcomes_bonus', reason: reason('structure_pmpm_bonus', 'A per-member base fee plus an outcomes-based performance payment.') };
  }
  if (has('saas_license') && has('cpt_rpm')) {
    return { key: 'saas_license_plus_cpt_revenue', reason: reason('structure_saas_cpt', 'A platform license plus CPT reimbursement revenue.') };
  }
  return {
    key: null,
    reason: reason('structure_unlisted', 'This combination is not one of the common hybrid structures; map each stream separately and look for conflicts between them.'),
  };
}

/** Rank the revenue model(s) an account runs under from the orienting questions, with reasons and open questions. */
export function identify(answers: IdentificationAnswers): IdentificationResult {
  const findings: Reason[] = [];
  const openQuestions: OpenQuestion[] = [];
  const weights = streamWeights(answers.streams);
  const streams = answers.streams.map((answer, index) => identifyStream(answer, index, weights[index] ?? 0, answers.paymentEnvironments));
  const known = streams.filter((stream): stream is IdentifiedStream & { model: StreamModelKey } => stream.model !== null);
  const models = new Set(known.map((stream) => stream.model));

  if (streams.length === 0) {
    openQuestions.push({
      key: 'how_paid',
      question: 'How does the company get paid for this account: CPT billing, a per-member/per-employee fee, a platform subscription, or outcome-contingent payments?',
      why: 'The revenue model decides which stakeholders matter, what to measure and how value is proven.',
      priority: 'high',
    });
  }
  for (const stream of streams) {
    if (!stream.model) {
      openQuestions.push({
        key: 'stream_how_paid',
        question: `How exactly is ${stream.label ?? stream.id} paid?`,
        why: 'Without it this stream cannot be placed in a revenue model.',
        priority: 'high',
        streamId: stream.id,
      });
    }
    if (stream.statedOrientation === 'unknown') {
      openQuestions.push({
        key: 'orientation_unknown',
        question: `Does the buyer experience ${stream.label ?? stream.id} as generating revenue or as reducing their costs?`,
        why: 'This is the first conversation to have: the answer decides who holds budget, which metrics belong in the QBR and how the champion sells the renewal internally.',
        priority: 'first_conversation',
        streamId: stream.id,
      });
    }
    if (stream.pathToRevenue === 'unknown' && !stream.expectedPathToRevenue) {
      openQuestions.push({
        key: 'path_unknown',
        question: `How long is the path from engagement to revenue for ${stream.label ?? stream.id}: monthly, at renewal, or after an 18-24 month measurement period?`,
        why: 'The length of that path sets how early warning signals must fire.',
        priority: 'normal',
        streamId: stream.id,
      });
    }
  }
  if (answers.paymentEnvironments.length === 0 && (streams.length === 0 || streams.some((stream) => stream.paymentEnvironments.length === 0))) {
    openQuestions.push({
      key: 'payment_environment',
      question: 'How is the buyer paid upstream: fee-for-service Medicare, Medicare Advantage, Medicaid managed care, ACO shared savings, commercial insurance, self-insured, provider fee-for-service, or pharma?',
      why: 'The same product can earn one buyer money and save another money; the environment flips the value story.',
      priority: 'high',
    });
  }
  if (!answers.customerSegment) {
    openQuestions.push({
      key: 'customer_segment',
      question: 'What kind of organisation is the customer (hospital / health system, physician practice, health-tech company, health plan, employer, pharma)?',
      why: 'The segment sets the target metrics and success factors used in reviews.',
      priority: 'normal',
    });
  }

  // Hybrid detection: several distinct ways of being paid, or the buyer's own statement that streams conflict.
  const hybridReasons: Reason[] = [];
  const distinctHowPaid = new Set(known.map((stream) => stream.howPaid));
  if (models.size >= 2) {
    hybridReasons.push(reason('several_models', `Streams follow ${models.size} different models (${[...models].map((model) => revenueModel(model).name).join('; ')}).`));
  } else if (known.length >= 2 && distinctHowPaid.size >= 2) {
    hybridReasons.push(reason('several_payment_forms', 'Several forms of payment are combined in one contract.'));
  }
  if (answers.conflictingIncentives.answer === 'yes') {
    hybridReasons.push(reason('conflict_stated', 'Revenue streams in this contract create conflicting incentives, which is the mark of a hybrid model.'));
  }
  const isHybrid = hybridReasons.length > 0;
  let hybridStructureKey: HybridStructureKey | null = null;
  if (isHybrid) {
    const match = matchHybridStructure(streams);
    hybridStructureKey = match.key;
    hybridReasons.push(match.reason);
    if (match.key) {
      hybridReasons.push(reason('structure_priorities', `CS priorities: ${hybridStructure(match.key).csPriorities.join(' ')}`));
    }
    // The phased structure (minimum → case rate → PEPM) is one stream whose pricing changes over time.
    if (streams.length < 2 && hybridStructureKey !== 'annual_minimum_case_rate_pepm') {
      openQuestions.push({
        key: 'second_stream',
        question: 'Which other revenue stream in the contract creates the conflicting incentive?',
        why: 'A hybrid is managed stream by stream; each needs its own model and orientation.',
        priority: 'high',
      });
    }
  }

  // Ranking.
  const rankedModels: RankedModel[] = [];
  const modelWeight = new Map<StreamModelKey, number>();
  for (const stream of known) modelWeight.set(stream.model, (modelWeight.get(stream.model) ?? 0) + stream.weight);
  const byWeight = [...modelWeight].sort((a, b) => b[1] - a[1]);
  if (isHybrid) {
    rankedModels.push({ model: 'hybrid', role: 'primary', weight: 1, reasons: hybridReasons });
    for (const [model, weight] of byWeight) {
      rankedModels.push({
        model,
        role: 'component',
        weight,
        reasons: [reason('component_share', `${Math.round(weight * 100)}% of contract revenue flows through ${revenueModel(model).name}.`)],
      });
    }
    if (byWeight.length > 0) {
      findings.push(
        reason('dominant_stream', `Primary stakeholders follow the dominant stream, ${revenueModel(byWeight[0]![0]).name}: ${revenueModel(byWeight[0]![0]).primaryStakeholderNote}`),
      );
    }
  } else {
    // Without a hybrid there is at most one known model: two distinct models always make a hybrid.
    for (const [model, weight] of byWeight) {
      rankedModels.push({
        model,
        role: 'primary',
        weight,
        reasons: known.filter((stream) => stream.model === model).flatMap((stream) => stream.reasons.filter((step) => step.code.startsWith('how_paid') || step.code.startsWith('model_'))),
      });
    }
  }
  const contingent = known.filter((stream) => stream.model !== 'value_based' && (stream.contractTerms?.outcomeContingentPct ?? 0) > 0);
  if (contingent.length > 0 && !models.has('value_based')) {
    rankedModels.push({
      model: 'value_based',
      role: 'read_also',
      weight: 0,
      reasons: [reason('outcome_contingent_portion', 'Part of the revenue depends on outcome targets, so the value-based model\'s risks (targets, risk adjustment, data) apply whatever the primary model.')],
    });
  }
  if (known.length === 0) {
    const path = streams.map((stream) => stream.pathToRevenue).find((value) => value !== 'unknown');
    const candidates: Array<[StreamModelKey, Reason]> = [];
    if (path === 'monthly') candidates.push(['cpt_rpm', reason('candidate_monthly', 'A monthly, direct path from engagement to revenue points to CPT / RPM reimbursement.')]);
    if (path === 'measurement_period_18_24_months') candidates.push(['value_based', reason('candidate_measurement', 'Revenue waiting on a long measurement period points to a value-based contract.')]);
    if (path === 'at_renewal' || answers.behaviourChange !== 'unknown') {
      if (answers.behaviourChange === 'clinicians') candidates.push(['saas_license', reason('candidate_clinicians', 'Clinicians as the users who must change points to platform licensing.')]);
      else if (answers.behaviourChange === 'patients') candidates.push(['pmpm_pepm', reason('candidate_patients', 'Members who must engage, with revenue realised at renewal, points to PMPM / PEPM.')]);
    }
    for (const [model, why] of candidates) rankedModels.push({ model, role: 'candidate', weight: 0, reasons: [why] });
  }

  // Engagement gates.
  const gateResult = identifyGates(answers, models);
  openQuestions.push(...gateResult.questions);

  // Path to revenue.
  const paths = streams.map((stream) => (stream.pathToRevenue !== 'unknown' ? stream.pathToRevenue : stream.expectedPathToRevenue)).filter((path): path is RevenuePathKey => path !== null);
  const shortestPathToRevenue = paths.length > 0 ? PATH_ORDER.find((path) => paths.includes(path)) ?? null : null;
  if (shortestPathToRevenue) findings.push(reason(`path_${shortestPathToRevenue}`, PATH_WARNING[shortestPathToRevenue]));

  // Conflicting incentives.
  const incentiveConflicts = detectIncentiveConflicts(
    known.map((stream) => ({ id: stream.id, model: stream.model, variant: stream.variant, howPaid: stream.howPaid, orientation: stream.statedOrientation })),
  );
  const tradeOffs = incentiveConflicts.filter((conflict) => conflict.kind === 'trade_off');
  const conflictAnswer = answers.conflictingIncentives;
  if (isHybrid && conflictAnswer.answer === 'unknown') {
    openQuestions.push({
      key: 'conflicting_incentives',
      question: 'Do the revenue streams in this contract pull CS priorities in different directions?',
      why: 'Conflicts between streams should be settled explicitly with the buyer, not managed quietly.',
      priority: 'high',
    });
  }
  if (conflictAnswer.answer === 'no' && tradeOffs.length > 0) {
    findings.push(
      reason('conflict_expected', `The answer was "no conflicting incentives", but this combination usually creates one (${tradeOffs.map((conflict) => humanizeKey(conflict.key)).join(', ')}); confirm with the buyer.`),
    );
  }
  const buyerDecided = Boolean(conflictAnswer.buyerAnswer?.trim()) || (conflictAnswer.buyerPriority !== undefined && conflictAnswer.buyerPriority !== 'undecided');
  if ((conflictAnswer.answer === 'yes' || tradeOffs.length > 0) && !buyerDecided) {
    for (const conflict of tradeOffs) {
      openQuestions.push({
        key: `trade_off_${conflict.key}`,
        question: conflict.tradeOffQuestion ?? conflict.description,
        why: 'Putting the trade-off to the buyer aligns strategy now and makes them co-owner of the outcome instead of its judge.',
        priority: 'high',
      });
    }
    if (tradeOffs.length === 0) {
      openQuestions.push({
        key: 'trade_off_unspecified',
        question: 'Which of the conflicting goals matters more to the buyer this year?',
        why: 'The buyer should choose the trade-off explicitly.',
        priority: 'high',
      });
    }
  }
  if (buyerDecided) {
    findings.push(
      reason(
        'buyer_decided',
        `The buyer has answered the trade-off${conflictAnswer.buyerPriority ? ` (${humanizeKey(conflictAnswer.buyerPriority)})` : ''}${conflictAnswer.buyerAnswer ? `: "${conflictAnswer.buyerAnswer.trim()}"` : ''}. Report against that choice.`,
      ),
    );
  }
  if (models.has('value_based') || rankedModels.some((ranked) => ranked.role === 'read_also')) {
    findings.push(
      reason('check_contract_readiness', 'There is an outcomes component: check the contract\'s readiness (payment release, risk adjustment, data, baseline, measurement period, disputes, operations, targets).'),
    );
  }
  if (isHybrid) findings.push(reason('protect_base', 'Secure the base revenue before chasing the performance upside.'));

  // Orientation unknown for every stream is itself the headline finding.
  if (streams.length > 0 && streams.every((stream) => stream.statedOrientation === 'unknown')) {
    findings.push(reason('orientation_unknown_everywhere', 'Nobody has yet confirmed whether this buyer sees the program as revenue or as savings; until they do, the value story rests on assumptions.'));
  }

  const primaryModel: RevenueModelKey | null = rankedModels.find((ranked) => ranked.role === 'primary')?.model ?? null;
  const suggestedAssessment: FrameworkAssessment | null =
    primaryModel && known.length === streams.length && streams.length > 0
      ? {
          catalogVersion: FRAMEWORK_CATALOG_VERSION,
          primaryModel,
          hybridStructure: hybridStructureKey,
          streams: known.map(
            (stream): AssessmentStream => ({
              id: stream.id,
              ...(stream.label ? { label: stream.label } : {}),
              model: stream.model,
              variant: stream.variant,
              paymentEnvironment: stream.paymentEnvironments[0] ?? null,
              orientation: stream.statedOrientation !== 'unknown' ? stream.statedOrientation : 'unknown',
              role: streams.length === 1 ? 'sole' : stream.role === 'unknown' ? 'base' : stream.role,
            }),
          ),
          engagementGates: gateResult.gates.map((gate) => gate.gate),
          customerSegment: answers.customerSegment ?? null,
          buyerType: answers.buyerType ?? null,
        }
      : null;

  return {
    catalogVersion: FRAMEWORK_CATALOG_VERSION,
    primaryModel,
    rankedModels,
    isHybrid,
    hybridStructure: hybridStructureKey,
    hybridReasons,
    streams,
    engagementGates: gateResult.gates,
    shortestPathToRevenue,
    incentiveConflicts,
    findings,
    openQuestions,
    suggestedAssessment,
  };
}
