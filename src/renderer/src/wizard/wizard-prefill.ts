import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import type { RevenueStream } from '../../../shared/api/schemas/stream-schemas';
import type { HowPaidKey, IdentificationAnswers, StreamAnswer } from '../../../shared/framework/answers';
import { HOW_PAID_OPTIONS } from '../../../shared/framework/answers';
import { identifyStream } from '../../../shared/framework/identify-stream';
import {
  STREAM_MODELS,
  type HybridStructureKey,
  type PaymentEnvironmentKey,
  type RevenueModelKey,
  type RevenuePathKey,
  type StreamModelKey,
  type ValueOrientationKey,
} from '../../../shared/framework/keys';
import { orient } from '../../../shared/framework/orient';
import { revenueModel } from '../../../shared/framework/revenue-models';
import { daysBetween } from '../dates';

/*
 * How the wizard pre-fills the framework's answers from what the account already records, and
 * keeps the rule-based suggestions (orientation, path to revenue) in step with later answers until
 * the CSM chooses otherwise. Pure: streams and answers in, answers out.
 */

/** Streams whose orientation or path the CSM chose, rather than accepting the framework's suggestion. */
export interface ChosenByCsm {
  orientation: Record<string, true>;
  path: Record<string, true>;
}

type Terms = Record<string, unknown>;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const HYBRID_HOW_PAID: Record<HybridStructureKey, HowPaidKey> = {
  annual_minimum_case_rate_pepm: 'annual_minimum',
  pmpm_base_plus_outcomes_bonus: 'per_member_per_month',
  pmpm_plus_shared_savings: 'per_member_per_month',
  engagement_fee_plus_withheld_performance: 'engagement_fee',
  saas_license_plus_cpt_revenue: 'platform_subscription',
};

/** How a recorded stream pays, read from its model and terms; 'unknown' where the terms don't say. */
export function howPaidOf(stream: Pick<RevenueStream, 'revenueModel' | 'terms'>): HowPaidKey {
  const terms = stream.terms as Terms;
  switch (stream.revenueModel) {
    case 'cpt_rpm': {
      const variant = str(terms.variant);
      if (variant === 'revenue_share') return 'cpt_revenue_share';
      if (variant === 'per_patient_fee' || variant === 'platform_license') return 'per_patient_fee';
      return 'cpt_billing';
    }
    case 'pmpm_pepm':
      if (terms.enrollmentBased === true) return 'per_enrolled_member';
      return terms.unit === 'employee' ? 'per_employee_per_month' : 'per_member_per_month';
    case 'saas_license': {
      const licensing = str(terms.licensing);
      if (licensing === 'per_user') return 'per_user_license';
      if (licensing === 'entity') return 'entity_license';
      if (licensing === 'module') return 'module_license';
      return 'platform_subscription';
    }
    case 'value_based': {
      const mechanism = str((terms.performanceComponent as Terms | undefined)?.mechanism);
      if (mechanism === 'withheld_until_validated') return 'withheld_performance_component';
      const structure = str(terms.structure);
      if (structure === 'shared_savings' || structure === 'performance_tiers' || structure === 'pay_for_performance' || structure === 'risk_corridor') return structure;
      return 'unknown';
    }
    case 'hybrid': {
      const structure = str(terms.structure) as HybridStructureKey | undefined;
      return structure ? HYBRID_HOW_PAID[structure] : 'unknown';
    }
  }
}

/** How-paid answers that fit a recorded model (a hybrid stream may be any of them). */
export function howPaidOptionsFor(model: RevenueModelKey): HowPaidKey[] {
  if (model === 'hybrid') return [...HOW_PAID_OPTIONS];
  return HOW_PAID_OPTIONS.filter((option) => option === 'unknown' || identifyStream({ howPaid: option, orientation: 'unknown', pathToRevenue: 'unknown' }, 0, 0, []).model === model);
}

/** Contract length in whole months; an end date the day before the anniversary counts as the full term. */
function termMonthsOf(start: string | null, end: string | null): number | undefined {
  if (!start || !end) return undefined;
  const months = Math.round((daysBetween(start, end) + 1) / 30.44);
  return months > 0 ? months : undefined;
}

/** A fresh answer for a recorded stream: its id and name, how it pays, the terms that sharpen identification. */
export function answerFromStream(stream: RevenueStream): StreamAnswer {
  const terms = stream.terms as Terms;
  const model = (STREAM_MODELS as readonly string[]).includes(stream.revenueModel) ? (stream.revenueModel as StreamModelKey) : undefined;
  const contractTerms: NonNullable<StreamAnswer['contractTerms']> = {};
  const termMonths = termMonthsOf(stream.startDate, stream.endDate);
  if (termMonths) contractTerms.termMonths = termMonths;
  if (stream.revenueModel === 'pmpm_pepm' && typeof terms.enrollmentBased === 'boolean') contractTerms.paysOnlyForEngaged = terms.enrollmentBased;
  if (stream.revenueModel === 'value_based' && str((terms.performanceComponent as Terms | undefined)?.mechanism) === 'withheld_until_validated') {
    contractTerms.performanceWithheldUntilValidated = true;
  }
  return {
    id: stream.id,
    label: stream.name,
    howPaid: howPaidOf(stream),
    ...(model ? { model } : {}),
    contractTerms,
    ...(stream.paymentEnvironment ? { paymentEnvironments: [stream.paymentEnvironment] } : {}),
    orientation: 'unknown',
    pathToRevenue: 'unknown',
  };
}

/** The model an answered stream falls in (from its override or how it pays), or null while unknown. */
export function modelOfAnswer(answer: StreamAnswer): StreamModelKey | null {
  return identifyStream(answer, 0, 0, []).model;
}

export interface OrientationSuggestion {
  orientation: ValueOrientationKey;
  /** The framework's reasoning in a sentence or two. */
  reason: string;
  /** `framework`: the framework states it for this pair; `default`: our rule or the model's usual orientation. */
  source: 'framework' | 'default';
}

/** The environments a stream's buyer is paid under: its own if recorded, else the account's. */
export function environmentsOf(answer: StreamAnswer, accountEnvironments: readonly PaymentEnvironmentKey[]): PaymentEnvironmentKey[] {
  return answer.paymentEnvironments ?? [...accountEnvironments];
}

/** What the rules expect the buyer to experience for this stream, or null until its model is known. */
export function suggestOrientation(answer: StreamAnswer, accountEnvironments: readonly PaymentEnvironmentKey[]): OrientationSuggestion | null {
  const model = modelOfAnswer(answer);
  if (!model) return null;
  const environments = environmentsOf(answer, accountEnvironments);
  const readings = environments.length > 0 ? environments.map((environment) => orient(model, environment)) : [orient(model, null)];
  const distinct = new Set(readings.map((reading) => reading.orientation));
  const orientation: ValueOrientationKey = distinct.size === 1 ? readings[0]!.orientation : 'both';
  const reasons = [...new Set(readings.map((reading) => reading.reason))];
  if (distinct.size > 1) reasons.push("The buyer's environments point different ways, so the stream is both, depending on the line of business.");
  return { orientation, reason: reasons.join(' '), source: readings.every((reading) => reading.source === 'framework') ? 'framework' : 'default' };
}

/** The usual path from engagement to revenue for a stream's model, or null until the model is known. */
export function expectedPathOf(answer: StreamAnswer): RevenuePathKey | null {
  const model = modelOfAnswer(answer);
  if (!model) return null;
  const path = revenueModel(model).pathToRevenue;
  return path === 'varies_by_stream' ? null : path;
}

/** Re-applies the suggestions to every stream the CSM has not decided for themselves. */
export function applySuggestions(answers: IdentificationAnswers, chosen: ChosenByCsm): IdentificationAnswers {
  return {
    ...answers,
    streams: answers.streams.map((stream) => {
      const id = stream.id ?? '';
      const next = { ...stream };
      if (!chosen.orientation[id]) next.orientation = suggestOrientation(stream, answers.paymentEnvironments)?.orientation ?? 'unknown';
      if (!chosen.path[id]) next.pathToRevenue = expectedPathOf(stream) ?? 'unknown';
      return next;
    }),
  };
}

/** Which saved answers differ from the suggestions, i.e. were the CSM's own choice. */
export function chosenFromSaved(answers: IdentificationAnswers): ChosenByCsm {
  const chosen: ChosenByCsm = { orientation: {}, path: {} };
  for (const stream of answers.streams) {
    const id = stream.id ?? '';
    if (stream.orientation !== (suggestOrientation(stream, answers.paymentEnvironments)?.orientation ?? 'unknown')) chosen.orientation[id] = true;
    if (stream.pathToRevenue !== (expectedPathOf(stream) ?? 'unknown')) chosen.path[id] = true;
  }
  return chosen;
}

/** Answers with nothing but what the account records. */
export function freshAnswers(account: AccountSummary, streams: readonly RevenueStream[]): IdentificationAnswers {
  const streamAnswers = streams.map(answerFromStream);
  return {
    accountName: account.name,
    customerSegment: account.customerSegment,
    buyerType: account.buyerType,
    streams: streamAnswers,
    behaviourChange: 'unknown',
    paymentEnvironments: [...new Set(streams.flatMap((stream) => (stream.paymentEnvironment ? [stream.paymentEnvironment] : [])))],
    // A stream recorded as hybrid is the CSM saying the contract mixes payment forms that pull apart.
    conflictingIncentives: { answer: streams.some((stream) => stream.revenueModel === 'hybrid') ? 'yes' : 'unknown' },
  };
}

/**
 * Lines the answers up with the account's streams as they are now: answers for removed streams are
 * dropped, new streams get fresh answers, names follow renames, and a stream whose model changed
 * is answered afresh (its old how-paid no longer fits).
 */
export function alignWithStreams(answers: IdentificationAnswers, streams: readonly RevenueStream[], previousModels: Record<string, RevenueModelKey>): IdentificationAnswers {
  const byId = new Map(answers.streams.map((answer) => [answer.id, answer]));
  return {
    ...answers,
    streams: streams.map((stream) => {
      const existing = byId.get(stream.id);
      if (!existing || (previousModels[stream.id] && previousModels[stream.id] !== stream.revenueModel)) return answerFromStream(stream);
      return { ...existing, label: stream.name };
    }),
  };
}
