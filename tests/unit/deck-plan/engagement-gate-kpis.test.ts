import { describe, expect, it } from 'vitest';
import { composeDeckPlan } from '../../../src/shared/deck-plan';
import { formatQuantity } from '../../../src/shared/format/quantity';
import type { KpiKey } from '../../../src/shared/metrics/kpis/kpi-definition';
import { demoPlanInput } from '../../support/deck-plan-fixtures';

/*
 * Every percentage the Engagement Gate states is the KPI the scorecard and the app show for that
 * step, for every demo account: enrolment, activation and adherence (or outcome, or adoption).
 * RPM's adherence step (16+ device days ÷ 2+) has no KPI of its own, so it is the stage ratio.
 */

/** The KPI behind each bullet, by the funnel's first stage label (the model's funnel). */
const STEP_KPIS: Record<string, Record<string, KpiKey | 'stage ratio'>> = {
  'Eligible patients': { 'Enrollment:': 'rpm_enrollment_rate', 'Activation:': 'rpm_billing_eligibility_rate', 'Adherence:': 'stage ratio' },
  Eligible: { 'Enrollment:': 'pmpm_enrollment_rate', 'Activation:': 'pmpm_active_share_of_enrolled', 'Adherence:': 'pmpm_retention_30d_rate' },
  'Licensed seats': { 'Adoption:': 'saas_weekly_active_rate' },
};
const VBC_STEPS: Record<string, KpiKey> = { 'Enrollment:': 'vbc_enrollment_rate', 'Activation:': 'vbc_engagement_rate', 'Outcome:': 'vbc_clinical_goal_achievement_rate' };

const ACCOUNTS = ['Riverbend', 'Summit', 'Northwind', 'Bayview', 'Lakeshore', 'Granite', 'Meridian', 'Cascadia', 'Helix'];

describe('the Engagement Gate states the KPIs', () => {
  it.each(ACCOUNTS)('%s: each conversion on the funnel is the KPI for that step in the report month', (name) => {
    const input = demoPlanInput(name, { audience: ['health_plan_operational_lead'] });
    const gate = composeDeckPlan(input).slides.find((slide) => slide.id === 'engagement-gate');
    if (!gate) return;
    const content = gate.content;
    if (content.kind !== 'funnel') throw new Error('the gate is a funnel');
    const stream = input.streams.find((s) => content.subtitle!.includes(s.name))!;
    const kpis = input.insights.streams.find((s) => s.streamId === stream.id)!.kpis;
    const labels = content.stages.map((stage) => stage.label);
    const steps = labels[2]?.startsWith('Engaged') ? VBC_STEPS : STEP_KPIS[labels[0]!]!;
    expect(content.sideBullets!.map((b) => b.emphasis)).toEqual(Object.keys(steps));
    for (const bullet of content.sideBullets!) {
      const step = steps[bullet.emphasis!]!;
      const stated = /^([\d.]+%|not measured)/.exec(bullet.text)![1];
      if (step === 'stage ratio') {
        const [activated, adherent] = [content.stages[2]!.value!, content.stages[3]!.value!];
        expect(stated, `${name} ${bullet.emphasis}`).toBe(formatQuantity(adherent / activated, 'fraction'));
      } else {
        const kpi = kpis.find((k) => k.key === step)!;
        expect(kpi.month).toBe(input.insights.month);
        expect(stated, `${name} ${bullet.emphasis} = ${step}`).toBe(formatQuantity(kpi.current.value, 'fraction') ?? 'not measured');
      }
    }
  });

  it('a platform whose seats come from the contract (no seats metric) states the adoption KPI, with its formula', () => {
    const input = demoPlanInput('Lakeshore', { audience: ['it_integration_lead'], dropMetrics: /^saas_licensed_seats$/ });
    const gate = composeDeckPlan(input).slides.find((slide) => slide.id === 'engagement-gate')!.content;
    if (gate.kind !== 'funnel') throw new Error('the gate is a funnel');
    const kpi = input.insights.streams.flatMap((s) => s.kpis).find((k) => k.key === 'saas_weekly_active_rate')!;
    const adoption = formatQuantity(kpi.current.value, 'fraction')!;
    expect(gate.title).toBe(`${adoption} of licensed seats are in weekly use; the gate is workflow adoption`);
    expect(gate.sideBullets![0]!.text).toBe(`${adoption} of licensed seats active weekly`);
    expect(gate.footnote.note).toContain('contracted seats');
  });
});
