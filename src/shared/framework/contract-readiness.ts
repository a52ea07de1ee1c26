import { formatQuantity, formatQuantityRange } from '../format/quantity';
import type { OutcomesContractTerms } from './contract-terms';

/*
 * Contract readiness for an outcomes component. Disputes are cheapest to prevent before signature:
 * every item here is something that, left vague, turns into an argument at settlement.
 */

export type ReadinessStatus = 'present' | 'missing' | 'vague';

export const CONTRACT_READINESS_ITEMS = [
  'payment_model',
  'risk_adjustment',
  'data_sources',
  'baseline_method',
  'measurement_period',
  'dispute_resolution',
  'operations_outreach',
  'operations_data_flows',
  'targets_vs_benchmark',
] as const;
export type ContractReadinessItemKey = (typeof CONTRACT_READINESS_ITEMS)[number];

export interface ContractReadinessItem {
  key: ContractReadinessItemKey;
  label: string;
  status: ReadinessStatus;
  explanation: string;
  /** Risks that remain even when the item is present. */
  concerns: string[];
}

export interface TargetFlag {
  metric: string;
  targetPct: number;
  benchmarkPct: { min: number; max: number };
  /** Target divided by the top of the benchmark range. */
  ratioToBenchmark: number;
  message: string;
}

export interface ContractReadiness {
  items: ContractReadinessItem[];
  /** True only when every item is present and none carries a concern. */
  ready: boolean;
  counts: Record<ReadinessStatus, number>;
  targetFlags: TargetFlag[];
}

/** A target more than this multiple of the benchmark's upper bound is flagged as unrealistic. */
export const TARGET_STRETCH_LIMIT = 1.25;
/** Clauses with fewer words than this cannot name a method, source and owner. */
export const MIN_SPECIFIC_WORDS = 5;
/** Cost outcomes need 18-24 months with runout; anything under a year cannot show them, in months. */
export const MIN_MEASUREMENT_MONTHS = 12;

const VAGUE_MARKERS = ['tbd', 'to be determined', 'to be agreed', 'to be defined', 'mutually agreed', 'as agreed', 'good faith', 'industry standard', 'best practice', 'customary'];

/** Whether a contract clause is missing, vague, or specific enough to hold both sides to. */
export function clauseStatus(text: string | undefined | null): ReadinessStatus {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return 'missing';
  const lower = trimmed.toLowerCase();
  if (VAGUE_MARKERS.some((marker) => lower.includes(marker))) return 'vague';
  if (trimmed.split(/\s+/).length < MIN_SPECIFIC_WORDS) return 'vague';
  return 'present';
}

function item(key: ContractReadinessItemKey, label: string, status: ReadinessStatus, explanation: string, concerns: string[] = []): ContractReadinessItem {
  return { key, label, status, explanation, concerns };
}

function paymentModel(terms: OutcomesContractTerms, fixedFeeStreams: readonly string[]): ContractReadinessItem {
  const label = 'Payment model';
  const fee = terms.engagementFee;
  const perf = terms.performanceComponent;
  if (!fee && !perf) {
    return item('payment_model', label, 'missing', 'Neither an engagement fee nor a performance component is described; nobody can tell what is paid when.');
  }
  const concerns: string[] = [];
  // Another stream's fixed fee (PMPM, licence) is the floor this contract does not carry itself.
  const floor = fee || fixedFeeStreams.length === 0 ? '' : ` With no engagement fee here, the fixed fees of ${fixedFeeStreams.map((name) => `“${name}”`).join(' and ')} are paid whatever the outcome.`;
  if (!fee && fixedFeeStreams.length === 0) concerns.push('No engagement fee: if a target is missed, the program\'s work can go unpaid altogether, so any dispute over the measurement becomes a dispute over whether the program is funded.');
  if (!perf) {
    const hasBasis = Boolean(fee?.basis?.trim());
    return item(
      'payment_model',
      label,
      hasBasis ? 'present' : 'vague',
      hasBasis ? 'Only an engagement fee is described; there is no outcome-contingent money to manage.' : 'An engagement fee is mentioned without saying what it is paid on.',
      concerns,
    );
  }
  if (fee && !fee.basis?.trim()) concerns.push('The engagement fee does not say what it is paid on (enrolled members, engaged members, eligible lives).');
  if (!perf.mechanism) {
    return item('payment_model', label, 'vague', 'A performance component exists but how its money moves (withheld, bonus, clawback, shared savings, corridor) is not stated.', concerns);
  }
  if (perf.mechanism === 'upfront_with_clawback') {
    concerns.push('Up-front payment with a clawback tends to end in disputes and weak accountability; a fee plus a component withheld until validation is the recommended alternative.');
  }
  if (perf.mechanism === 'withheld_until_validated') {
    const release = clauseStatus(perf.releaseConditions);
    if (release !== 'present') {
      return item(
        'payment_model',
        label,
        'vague',
        release === 'missing'
          ? 'The performance component is withheld, but nothing says what validation releases it or when.'
          : 'The release conditions for the withheld component are too loose to decide payment without argument.',
        concerns,
      );
    }
  }
  const amounts = [
    perf.sharedSavingsPct !== undefined ? `${formatQuantity(perf.sharedSavingsPct, 'percent')} of validated savings` : null,
    perf.atRiskAmountUsd !== undefined ? `${formatQuantity(perf.atRiskAmountUsd, 'usd')} at risk` : null,
  ].filter((text): text is string => text !== null);
  const component = `paid as ${perf.mechanism.replace(/_/g, ' ')}${amounts.length > 0 ? `: ${amounts.join(', ')}` : ''}`;
  return item('payment_model', label, 'present', fee ? `An engagement fee, and a performance component ${component}.` : `A performance component ${component}.${floor}`, concerns);
}

function targets(terms: OutcomesContractTerms): { item: ContractReadinessItem; flags: TargetFlag[] } {
  const label = 'Targets vs stated benchmark';
  const list = terms.targets ?? [];
  if (list.length === 0) return { item: item('targets_vs_benchmark', label, 'missing', 'No outcome targets are written down.'), flags: [] };
  const flags: TargetFlag[] = [];
  const withoutBenchmark: string[] = [];
  for (const target of list) {
    if (!target.benchmarkPct) {
      withoutBenchmark.push(target.metric);
      continue;
    }
    const ratio = target.benchmarkPct.max > 0 ? target.targetPct / target.benchmarkPct.max : Number.POSITIVE_INFINITY;
    if (ratio > TARGET_STRETCH_LIMIT) {
      flags.push({
        metric: target.metric,
        targetPct: target.targetPct,
        benchmarkPct: target.benchmarkPct,
        ratioToBenchmark: ratio,
        message: `A ${target.targetPct}% target for ${target.metric} against a benchmark of ${formatQuantityRange(target.benchmarkPct.min, target.benchmarkPct.max, 'percent')} sets the team up to deliver excellent results and still fail the contract.`,
      });
    }
  }
  const concerns = flags.map((flag) => flag.message);
  if (withoutBenchmark.length > 0) {
    return {
      item: item('targets_vs_benchmark', label, 'vague', `No benchmark is stated for ${withoutBenchmark.join(', ')}, so nobody can tell whether the target is realistic for this population.`, concerns),
      flags,
    };
  }
  return {
    item: item('targets_vs_benchmark', label, 'present', flags.length > 0 ? 'Every target has a stated benchmark.' : 'Every target has a stated benchmark and sits within reach of it.', concerns),
    flags,
  };
}

/**
 * Check an outcomes contract's terms item by item: present, missing or vague, with the reason.
 * `fixedFeeStreams` names the account's other streams paid whatever the outcome (PMPM, licence):
 * with one, a contract without an engagement fee still has a floor.
 */
export function assessContractReadiness(terms: OutcomesContractTerms, context: { fixedFeeStreams?: readonly string[] } = {}): ContractReadiness {
  const items: ContractReadinessItem[] = [paymentModel(terms, context.fixedFeeStreams ?? [])];

  const risk = clauseStatus(terms.riskAdjustment?.method);
  items.push(
    item(
      'risk_adjustment',
      'Risk-adjustment method',
      risk,
      risk === 'present'
        ? 'A specific risk-adjustment method is written down.'
        : risk === 'missing'
          ? 'No risk adjustment: if the population gets sicker for reasons outside the program (a plant closure, lost coverage), costs rise and the program looks like it failed.'
          : 'A bare reference to risk adjustment without the method, model and timing is where disputes start.',
    ),
  );

  const sources = (terms.dataSources ?? []).filter((source) => source.trim() !== '');
  const vagueSources = sources.filter((source) => VAGUE_MARKERS.some((marker) => source.toLowerCase().includes(marker)));
  items.push(
    item(
      'data_sources',
      'Data sources',
      sources.length === 0 ? 'missing' : vagueSources.length > 0 ? 'vague' : 'present',
      sources.length === 0
        ? 'The data the outcome calculation uses is not named; claims access is often outside the vendor\'s control.'
        : vagueSources.length > 0
          ? `Some sources are not pinned down: ${vagueSources.join(', ')}.`
          : `Named sources: ${sources.join(', ')}. Monitor their completeness monthly.`,
    ),
  );

  const baselineStatus = clauseStatus(terms.baseline?.method);
  const baselineFinal: ReadinessStatus = baselineStatus === 'present' && !terms.baseline?.periodMonths ? 'vague' : baselineStatus;
  items.push(
    item(
      'baseline_method',
      'Baseline method',
      baselineFinal,
      baselineFinal === 'present'
        ? `The baseline method and a ${terms.baseline?.periodMonths}-month baseline period are defined.`
        : baselineFinal === 'missing'
          ? 'How the baseline is calculated is not defined; savings cannot be measured against an undefined starting point.'
          : 'The baseline method or its period is not specific enough to reproduce.',
    ),
  );

  const period = terms.measurement?.periodMonths;
  const runout = terms.measurement?.claimsRunoutMonths;
  const measurementConcerns: string[] = [];
  if (period !== undefined && period < MIN_MEASUREMENT_MONTHS) {
    measurementConcerns.push(`A ${period}-month period is short: clinical outcomes usually need 12-18 months and cost outcomes 18-24 months including claims runout.`);
  }
  items.push(
    item(
      'measurement_period',
      'Measurement period and claims runout',
      period === undefined ? 'missing' : runout === undefined ? 'vague' : 'present',
      period === undefined
        ? 'No measurement period is set.'
        : runout === undefined
          ? `A ${period}-month period is set, but without a claims runout late claims will be argued over.`
          : `A ${period}-month measurement period with ${runout} months of claims runout.`,
      measurementConcerns,
    ),
  );

  const dispute = clauseStatus(terms.disputeResolution?.process);
  items.push(
    item(
      'dispute_resolution',
      'Dispute resolution',
      dispute,
      dispute === 'present'
        ? `A dispute process is defined${terms.disputeResolution?.independentEvaluator ? `, with ${terms.disputeResolution.independentEvaluator} as evaluator` : ''}.`
        : dispute === 'missing'
          ? 'There is no dispute process; a contested result can hold payment for months.'
          : 'The dispute process is named but not defined well enough to follow.',
    ),
  );

  const owner = terms.operations?.memberOutreachOwner;
  items.push(
    item(
      'operations_outreach',
      'Member outreach owner',
      !owner || owner === 'unspecified' ? 'missing' : 'present',
      !owner || owner === 'unspecified' ? 'Nobody is named as responsible for reaching members; activation will fall between the two sides.' : `Member outreach is owned by: ${owner}.`,
    ),
  );

  const flows = terms.operations?.dataFlows ?? [];
  const directions = new Set(flows.map((flow) => flow.from));
  const unscheduled = flows.filter((flow) => flow.frequency === 'unspecified');
  const flowStatus: ReadinessStatus = flows.length === 0 ? 'missing' : directions.size < 2 || unscheduled.length > 0 ? 'vague' : 'present';
  items.push(
    item(
      'operations_data_flows',
      'Data flows and frequency',
      flowStatus,
      flowStatus === 'missing'
        ? 'What data the buyer and vendor send each other, and how often, is not agreed.'
        : flowStatus === 'vague'
          ? directions.size < 2
            ? `Data is only agreed to flow from the ${[...directions][0]}; outcomes need data moving both ways.`
            : `Frequency is missing for: ${unscheduled.map((flow) => flow.description).join(', ')}.`
          : 'Data flows in both directions are agreed, each with a frequency.',
    ),
  );

  const targetResult = targets(terms);
  items.push(targetResult.item);

  const counts: Record<ReadinessStatus, number> = { present: 0, missing: 0, vague: 0 };
  for (const entry of items) counts[entry.status] += 1;
  const ready = items.every((entry) => entry.status === 'present' && entry.concerns.length === 0);
  return { items, ready, counts, targetFlags: targetResult.flags };
}
