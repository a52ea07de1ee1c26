import { describe, expect, it } from 'vitest';
import {
  applyDeckEdits,
  autoAudience,
  composeDeckPlan,
  deckDocumentFromPlan,
  MAIN_SLIDES,
  planFingerprint,
  type DeckPlan,
  type PlannedSlide,
} from '../../../src/shared/deck-plan';
import { DEFAULT_BRAND, deckDocumentSchema, isDataSlide } from '../../../src/shared/deck/deck-document';
import type { ArchetypeKey } from '../../../src/shared/framework/keys';
import { demoPlanInput, type DemoPlanOptions } from '../../support/deck-plan-fixtures';

const plan = (name: string, options: DemoPlanOptions): DeckPlan => composeDeckPlan(demoPlanInput(name, options));
const slide = (p: DeckPlan, id: string): PlannedSlide | undefined => p.slides.find((s) => s.id === id);
const main = (p: DeckPlan) => p.slides.filter((s) => s.section === 'main');
const ids = (p: DeckPlan) => main(p).map((s) => s.id);

describe('the value story follows the buyer\'s payment environment', () => {
  it('the same RPM account leads with reimbursement under fee-for-service and with readmissions avoided under Medicare Advantage', () => {
    const ffs = plan('Riverbend', { audience: ['clinic_administrator'], environment: 'medicare_ffs' });
    const ma = plan('Riverbend', { audience: ['clinic_administrator'], environment: 'medicare_advantage' });
    expect(ffs.orientation).toBe('generating_revenue');
    expect(ma.orientation).toBe('reducing_costs');
    const ffsStory = slide(ffs, 'value-story')!.content;
    const maStory = slide(ma, 'value-story')!.content;
    expect(ffsStory.title).toMatch(/^The practice kept \$[\d,]+ of \$[\d,]+ RPM reimbursement in Q4 2026 to date \(Oct\) after our 30% share$/);
    expect(ffsStory.subtitle).toContain('Revenue generated for the practice');
    expect(maStory.title).toMatch(/^In [A-Z][a-z]{2} \d{4}, monitored patients were readmitted at [\d.]+% vs [\d.]+% unmonitored: [\d.]+ points lower$/);
    expect(maStory.subtitle).toContain('Costs avoided under capitation');
    expect(maStory.title).not.toMatch(/reimbursement|CPT/);
    // ER visits avoided and Star Ratings are named on the MA story even though not recorded, never shown as 0.
    const side = maStory.kind === 'chart' ? maStory.sideBullets!.map((b) => `${b.emphasis} ${b.text}`).join(' ') : '';
    expect(side).toMatch(/ER visits avoided: not recorded yet/);
    expect(side).toMatch(/Star Ratings: not recorded yet/);
  });
});

describe('action titles state the takeaway with numbers from the KPIs', () => {
  it('device days: value, movement and threshold all come from the insights', () => {
    const input = demoPlanInput('Riverbend', { audience: ['clinic_administrator'] });
    const days = input.insights.streams[0]!.kpis.find((k) => k.key === 'rpm_avg_device_days_per_patient')!;
    const p = composeDeckPlan(input);
    const title = slide(p, 'engagement-trend')!.content.title;
    const pct = Math.round(Math.abs(days.yearOverYear.relativeChange!) * 100);
    expect(title).toBe(`Average device days per patient fell ${pct}% over the year to ${days.current.value!.toFixed(1)} days, below the 16-day clinical threshold`);
  });

  it('the funnel names activation vs adherence with the measured conversions', () => {
    const input = demoPlanInput('Riverbend', { audience: ['clinic_administrator'] });
    const obs = (key: string) => input.observations.find((o) => o.metricKey === key && o.month === input.insights.month)!.value;
    const enrolled = obs('rpm_enrolled_patients');
    const activated = obs('rpm_patients_2_15_days') + obs('rpm_patients_16_30_days');
    const adherent = obs('rpm_patients_16_30_days');
    const gate = slide(composeDeckPlan(input), 'engagement-gate')!.content;
    expect(gate.kind).toBe('funnel');
    expect(gate.title).toBe(`${Math.round((activated / enrolled) * 100)}% of enrolled patients activated, but only ${Math.round((adherent / activated) * 100)}% of them are adherent: adherence, not activation, is the gap`);
  });

  it('clinical outcomes carry the sample size and a 95% interval for the clinical lead', () => {
    const p = plan('Granite', { audience: ['health_plan_clinical_lead'] });
    expect(slide(p, 'value-story')!.content.title).toMatch(/^\d+% of engaged members are at the clinical target \(n = [\d,]+, 95% CI \d+–\d+%\) against a 70% target$/);
  });
});

describe('different people in the room get visibly different decks', () => {
  const cases: [string, ArchetypeKey[], ArchetypeKey[]][] = [
    ['Northwind', ['employer_hr_benefits_leader'], ['buyer_cfo']],
    ['Granite', ['health_plan_cfo_actuary'], ['health_plan_clinical_lead']],
    ['Lakeshore', ['it_integration_lead'], ['platform_executive_sponsor']],
    ['Riverbend', ['clinic_administrator'], ['provider_clinician']],
    ['Summit', ['health_plan_executive_sponsor'], ['health_plan_operational_lead']],
  ];
  it.each(cases)('%s: %s vs %s differ in lead proof and slide set or order', (name, a, b) => {
    const first = plan(name, { audience: a });
    const second = plan(name, { audience: b });
    expect(slide(first, 'value-story')!.content.title).not.toBe(slide(second, 'value-story')!.content.title);
    expect(ids(first)).not.toEqual(ids(second));
  });

  it('the CFO sees a dollar figure, the HR leader an engagement trend, the IT lead uptime, the actuary method and data completeness', () => {
    expect(slide(plan('Northwind', { audience: ['buyer_cfo'] }), 'value-story')!.content.title).toMatch(/^The program cost \$[\d,]+ in Q4 2026 to date \(Oct\), \$[\d.]+ per engaged member per month; savings are not yet validated on claims$/);
    expect(slide(plan('Northwind', { audience: ['employer_hr_benefits_leader'] }), 'value-story')!.content.title).toMatch(/^Engagement of the eligible population .* to [\d.]+%, below the 20% low-engagement line$/);
    expect(slide(plan('Lakeshore', { audience: ['it_integration_lead'] }), 'value-story')!.content.title).toMatch(/^Integration uptime .* to [\d.]+%; security incidents are not reported yet$/);
    expect(slide(plan('Granite', { audience: ['health_plan_cfo_actuary'] }), 'value-story')!.content.title).toMatch(/^Claims-data completeness .* to [\d.]+%.*; eligibility-file accuracy is [\d.]+%$/);
    expect(slide(plan('Riverbend', { audience: ['billing_rcm_staff'] }), 'value-story')!.content.title).toMatch(/^In Q4 2026 to date \(Oct\), [\d,]+ of [\d,]+ RPM claims were paid/);
  });

  it('an EBR puts strategy first and operating detail in the appendix; a QBR presents the engagement trend', () => {
    const qbr = plan('Meridian', { audience: ['health_plan_executive_sponsor'], deckType: 'qbr' });
    const ebr = plan('Meridian', { audience: ['health_plan_executive_sponsor'], deckType: 'ebr' });
    expect(slide(qbr, 'engagement-trend')!.section).toBe('main');
    expect(slide(ebr, 'engagement-trend')!.section).toBe('appendix');
    expect(slide(ebr, 'scorecard')!.section).toBe('appendix');
    expect(ids(ebr).indexOf('trade-off')).toBeLessThan(ids(ebr).indexOf('engagement-gate'));
    expect(slide(ebr, 'trade-off')!.content.title).toMatch(/^With engagement at [\d.]+% and [\d.]+% of engaged members at target, what engagement floor earns the base fee\?$/);
  });
});

describe('missing data is said to be missing', () => {
  it('without claims data the reimbursement story says so, shows no $0 and names the gap', () => {
    const p = plan('Riverbend', { audience: ['clinic_administrator'], dropMetrics: /^rpm_claims_/ });
    const story = slide(p, 'value-story')!.content;
    expect(story.title).toBe('RPM reimbursement collected cannot be shown yet: paid-claim counts are not recorded');
    expect(story.kind === 'bullets' && story.bullets[0]!.figure).toBe('Not available');
    expect(JSON.stringify(p.slides)).not.toMatch(/\$0(?![.,\d])/);
    expect(p.evidenceGaps.map((g) => g.need)).toContain('Reimbursement actually paid, per enrolled patient');
    expect(slide(p, 'evidence-gaps')!.section).toBe('main');
  });

  it('a missing assessment is a notice for the CSM, never a customer evidence gap', () => {
    const p = plan('Summit', { audience: ['health_plan_cfo_actuary'] });
    expect(p.assessmentStatus).toBe('missing');
    expect(p.evidenceGaps.map((gap) => gap.need).join(' ')).not.toMatch(/assessment/i);
    expect(p.notices.join(' ')).toMatch(/No framework assessment is saved for Q4 2026/);
  });

  it('proof the data cannot supply gets an honest gap slide, not weaker data', () => {
    const p = plan('Helix', { audience: ['pharma_medical_affairs'], dropMetrics: /^outcome_(medication_adherence|rwe_patients|prescribers_engaged)/ });
    const honest = p.slides.filter((s) => /Adherence and real-world evidence cannot be shown yet/.test(JSON.stringify(s.content)));
    // The honest statement is the slide built for that proof (or the value story it leads), not a footnote elsewhere.
    expect(honest.map((s) => s.id)).toContainEqual(expect.stringMatching(/^(proof-pharma_medical_affairs|value-story)/));
    expect(p.slides.find((s) => s.id === 'value-story')!.content.title).toMatch(/^Adherence and real-world evidence cannot be shown yet/);
  });
});

describe('deck shape', () => {
  const accounts = ['Riverbend', 'Summit', 'Northwind', 'Bayview', 'Lakeshore', 'Granite', 'Meridian', 'Cascadia', 'Helix'];
  it.each(accounts)('%s: 8-15 main slides, notes with a likely question on every content slide, footnotes on data slides', (name) => {
    const people = demoPlanInput(name, { audience: ['buyer_cfo'] }).stakeholders;
    for (const deckType of ['qbr', 'ebr'] as const) {
      const audience = autoAudience(people, demoPlanInput(name, { audience: ['buyer_cfo'] }).streams, deckType);
      for (const audienceSet of [audience, ['buyer_cfo' as ArchetypeKey], ['it_integration_lead' as ArchetypeKey]]) {
        const p = plan(name, { audience: audienceSet, deckType });
        expect(main(p).length).toBeGreaterThanOrEqual(MAIN_SLIDES.min);
        expect(main(p).length).toBeLessThanOrEqual(MAIN_SLIDES.max);
        for (const s of p.slides) {
          if (s.content.kind !== 'title' && s.content.kind !== 'section') expect(s.content.notes, s.id).toBeTruthy();
          if (isDataSlide(s.content)) expect(s.content.footnote.source && s.content.footnote.dateRange, s.id).toBeTruthy();
          if (s.section === 'main' && s.content.kind !== 'title' && !['kpi-definitions', 'data-sources', 'methodology'].includes(s.id)) expect(s.content.notes, s.id).toMatch(/Likely question from /);
        }
        expect(deckDocumentSchema.safeParse(deckDocumentFromPlan(p, { ...DEFAULT_BRAND, companyName: 'Acme' })).success).toBe(true);
      }
    }
  });

  it('is deterministic: same inputs, same plan and fingerprint; another audience, another fingerprint', () => {
    const a = plan('Cascadia', { audience: ['buyer_cfo'], deckType: 'ebr' });
    const b = plan('Cascadia', { audience: ['buyer_cfo'], deckType: 'ebr' });
    expect(b).toEqual(a);
    expect(planFingerprint(b)).toBe(planFingerprint(a));
    expect(planFingerprint(a)).toMatch(/^[0-9a-f]{28}$/);
    expect(planFingerprint(plan('Cascadia', { audience: ['employer_hr_benefits_leader'], deckType: 'ebr' }))).not.toBe(planFingerprint(a));
  });
});

describe('peer benchmark', () => {
  const peer = (label: string, days: number) => ({ label, kpis: { rpm_avg_device_days_per_patient: days, rpm_billing_eligibility_rate: 0.9 } });
  it('appears with three anonymised peers of the same model and ranks the account', () => {
    const p = plan('Riverbend', { audience: ['clinic_administrator'], peers: [peer('Peer 1', 18), peer('Peer 2', 14), peer('Peer 3', 9)] });
    const bench = slide(p, 'peer-benchmark')!;
    expect(bench.content.title).toMatch(/^Average device days per patient of [\d.]+ days ranks 3rd of 4 comparable accounts; the peer median is 14 days$/);
    expect(JSON.stringify(bench.content)).not.toMatch(/Summit|Peer 1/);
  });
  it('is left out with fewer than three peers, and the notice says why', () => {
    const p = plan('Riverbend', { audience: ['clinic_administrator'], peers: [peer('Peer 1', 18), peer('Peer 2', 14)] });
    expect(slide(p, 'peer-benchmark')).toBeUndefined();
    expect(p.notices.join(' ')).toMatch(/at least 3 other accounts/);
  });
});

describe('user edits', () => {
  it('hide, reorder, retitle, rewrite notes and move sections, without touching the original plan', () => {
    const p = plan('Northwind', { audience: ['employer_hr_benefits_leader'] });
    const edited = applyDeckEdits(p, {
      hidden: ['scorecard'],
      order: ['risks', 'value-story'],
      titles: { 'value-story': 'Engagement is the story this quarter' },
      notes: { risks: 'Open with the renewal date.' },
      sections: { 'engagement-gate': 'appendix' },
    });
    expect(edited.slides.map((s) => s.id)).not.toContain('scorecard');
    expect(main(edited).slice(0, 2).map((s) => s.id)).toEqual(['risks', 'value-story']);
    expect(slide(edited, 'value-story')!.content.title).toBe('Engagement is the story this quarter');
    expect(slide(edited, 'risks')!.content.notes).toBe('Open with the renewal date.');
    expect(slide(edited, 'engagement-gate')!.section).toBe('appendix');
    expect(slide(p, 'scorecard')).toBeDefined();
    expect(planFingerprint(edited)).not.toBe(planFingerprint(p));
  });

  it('the document puts an Appendix divider between the main body and the appendix', () => {
    const p = plan('Lakeshore', { audience: ['it_integration_lead'] });
    const doc = deckDocumentFromPlan(p, { ...DEFAULT_BRAND, companyName: 'Acme' });
    const divider = doc.slides.findIndex((s) => s.kind === 'section' && s.title === 'Appendix');
    expect(divider).toBe(main(p).length);
    expect(doc.slides.length).toBe(p.slides.length + 1);
  });
});

describe('data sources appendix', () => {
  it('lists each source\'s metrics in one order, whatever order the workspace returns its rows in', () => {
    const input = demoPlanInput('Meridian', { audience: ['health_plan_executive_sponsor'] });
    const asGiven = slide(composeDeckPlan(input), 'data-sources');
    const reversed = slide(composeDeckPlan({ ...input, observations: [...input.observations].reverse() }), 'data-sources');
    expect(asGiven).toBeDefined();
    expect(reversed!.content).toEqual(asGiven!.content);
  });
});
