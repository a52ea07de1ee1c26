import type { ContractReadinessItem } from '../../framework/contract-readiness';
import type { IncentiveConflict } from '../../framework/hybrid-conflicts';
import { monthLabel } from '../deck-period';
import { kpiValueText } from '../kpi-sentence';
import { speakerNotes } from '../likely-questions';
import { kpiFootnote, type SlideContext, type SlideDraft } from '../slide-context';
import { countWord } from '../value-format';
import type { KpiKey } from '../../metrics/kpis/kpi-definition';

/*
 * The strategic slides of a hybrid or outcomes contract: the trade-off between streams put to the
 * buyer as a question they co-own, and whether the outcomes terms are specific enough to settle on.
 */

/** The numbers that frame a trade-off question, from the account's KPIs. */
function framingFor(ctx: SlideContext, conflict: IncentiveConflict): string {
  const value = (key: KpiKey) => {
    const found = ctx.facts.findKpi(key);
    return found ? kpiValueText(found.kpi) : null;
  };
  switch (conflict.key) {
    case 'breadth_vs_targeting': {
      const enrolled = value('pmpm_enrollment_rate') ?? value('vbc_enrollment_rate');
      return `With ${enrolled ?? 'an unknown share'} of eligible members enrolled, do we broaden enrollment to 35-40% or target the highest-risk 15%?`;
    }
    case 'engagement_vs_outcomes': {
      const engagement = value('pmpm_engagement_rate');
      const achievement = value('vbc_clinical_goal_achievement_rate');
      return `With engagement at ${engagement ?? 'an unknown level'} and ${achievement ?? 'an unknown share'} of engaged members at target, what engagement floor earns the base fee?`;
    }
    case 'billing_threshold_vs_clinical_depth': {
      const eligibility = value('rpm_billing_eligibility_rate');
      const days = value('rpm_avg_device_days_per_patient');
      return `With ${eligibility ?? 'an unknown share'} of patients billing but ${days ?? 'unknown'} average device days, do we chase billable patients or device days?`;
    }
    default:
      return conflict.tradeOffQuestion ?? conflict.description;
  }
}

/** The hybrid trade-off as a question for the buyer, or null when the streams do not conflict. */
export function tradeOffSlide(ctx: SlideContext): SlideDraft | null {
  const conflict = ctx.reading.conflicts.find((candidate) => candidate.tradeOffQuestion && candidate.options.length >= 2);
  if (!conflict) return null;
  const [a, b] = conflict.options as [IncentiveConflict['options'][number], IncentiveConflict['options'][number]];
  const keys: KpiKey[] = ['pmpm_enrollment_rate', 'pmpm_engagement_rate', 'vbc_clinical_goal_achievement_rate', 'rpm_billing_eligibility_rate', 'rpm_avg_device_days_per_patient'];
  const kpis = keys.map((key) => ctx.facts.findKpi(key)?.kpi).filter((k) => k !== undefined);
  const column = (option: typeof a) => ({
    heading: option.label,
    bullets: [
      { emphasis: 'Strengthens:', text: option.strengthens },
      { emphasis: 'Weakens:', text: option.weakens },
    ],
  });
  return {
    id: 'trade-off',
    reason: 'The contract\'s revenue streams pull in different directions; the buyer should co-own the choice rather than judge the outcome later.',
    priority: 9,
    placement: 'main',
    content: {
      kind: 'two-column',
      title: framingFor(ctx, conflict),
      subtitle: 'A strategic choice for you: we cannot optimise both at once',
      left: column(a),
      right: column(b),
      ...(kpis.length > 0 ? { footnote: kpiFootnote(ctx, kpis) } : {}),
      notes: speakerNotes([conflict.description, `Put it to them: ${conflict.tradeOffQuestion}`, conflict.csGuidance], ctx.primary, 'trade_off', 'Record their choice and report against it from next quarter.'),
    },
  };
}

/**
 * A readiness row's last column: what the contract says when the term is specific (with the risk
 * that remains), else why the gap matters. The terms shown are the ones the value slides read.
 */
function whyItMatters(item: ContractReadinessItem): string {
  if (item.status === 'present') return [item.explanation, item.concerns[0]].filter(Boolean).join(' ');
  return item.concerns[0] ?? item.explanation;
}

/** Contract readiness of every outcomes stream, or null when the contract has none. */
export function contractReadinessSlide(ctx: SlideContext): SlideDraft | null {
  const entries = ctx.reading.readiness;
  if (entries.length === 0) return null;
  const items = entries.flatMap((entry) => entry.readiness.items.map((item) => ({ entry, item })));
  const present = items.filter(({ item }) => item.status === 'present').length;
  const open = items.length - present;
  const flags = entries.flatMap((entry) => entry.readiness.targetFlags);
  const financeInRoom = ctx.audience.some((m) => ['health_plan_cfo_actuary', 'buyer_cfo', 'independent_evaluator', 'health_plan_clinical_lead'].includes(m.archetype));
  const statusWord = { present: 'Specific', vague: 'Vague', missing: 'Missing' } as const;
  return {
    id: 'contract-readiness',
    reason: 'Outcomes terms left vague become disputes at settlement; they are cheapest to fix now.',
    priority: financeInRoom ? 8 : 12,
    placement: financeInRoom || ctx.deckType === 'ebr' ? 'main' : 'appendix',
    content: {
      kind: 'table',
      title: `${countWord(present, true)} of ${countWord(items.length)} outcomes-contract terms are specific enough to settle on; ${countWord(open)} ${open === 1 ? 'is' : 'are'} missing or vague${flags.length > 0 ? `, and ${countWord(flags.length)} target${flags.length === 1 ? ' sits' : 's sit'} far above benchmark` : ''}`,
      subtitle: `Contract readiness for outcomes components · ${entries.map((e) => e.streamName).join(', ')}`,
      columns: [{ header: 'Term', weight: 1.6 }, { header: 'Status', align: 'center', weight: 0.9 }, { header: 'Why it matters', weight: 3.5 }],
      rows: items
        .sort((x, y) => ['missing', 'vague', 'present'].indexOf(x.item.status) - ['missing', 'vague', 'present'].indexOf(y.item.status))
        .map(({ entry, item }) => [entries.length > 1 ? `${item.label} · ${entry.streamName}` : item.label, statusWord[item.status], whyItMatters(item)]),
      footnote: { source: 'Contract terms recorded for the outcomes stream(s), checked item by item against a standard outcomes-contract checklist', dateRange: `As recorded in ${monthLabel(ctx.facts.input.today.slice(0, 7))}` },
      notes: speakerNotes(
        [
          'Risk adjustment, data sources, baseline and dispute resolution must be precise before measurement: a vague clause is a future dispute.',
          ...flags.map((flag) => flag.message),
        ],
        ctx.primary,
        'readiness',
      ),
    },
  };
}
