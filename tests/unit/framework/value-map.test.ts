import { describe, expect, it } from 'vitest';
import { archetypesCalledFor, buildValueMap, type AccountStakeholder, type FrameworkAssessment } from '../../../src/shared/framework';

const stream = (overrides: Partial<FrameworkAssessment['streams'][number]> & Pick<FrameworkAssessment['streams'][number], 'id' | 'model'>) => ({
  variant: null,
  paymentEnvironment: null,
  orientation: 'unknown' as const,
  role: 'sole' as const,
  ...overrides,
});

const vbcUnderMa = { streams: [stream({ id: 'outcomes', model: 'value_based', paymentEnvironment: 'medicare_advantage' })] };
const actuary: AccountStakeholder = { id: 'p1', personName: 'Dana Actuary', archetype: 'health_plan_cfo_actuary' };
const cmo: AccountStakeholder = { id: 'p2', personName: 'Dr. Lee', archetype: 'health_plan_clinical_lead' };

describe('buildValueMap', () => {
  it('maps a person to the archetype\'s concerns, KPIs and believable proof', () => {
    const map = buildValueMap(vbcUnderMa, [actuary], []);
    const entry = map.entries[0]!;
    expect(entry.personName).toBe('Dana Actuary');
    expect(entry.streamIds).toEqual(['outcomes']);
    expect(entry.kpisToShow).toContain('TCOC trend vs benchmark');
    expect(entry.believableProof.map((proof) => proof.kind)).toEqual(['matched_cohort_claims_validated', 'dollar_figure', 'methodology_data_completeness']);
    expect(entry.orientation).toBe('reducing_costs');
  });

  it('names the actuary\'s evidence gaps when claims-validated savings are missing', () => {
    const entry = buildValueMap(vbcUnderMa, [actuary], ['vbc_engaged_members']).entries[0]!;
    expect(entry.supportedBy).toEqual([]);
    const gapKeys = entry.evidenceGaps.map((gap) => `${gap.proofKind}:${gap.need}`);
    expect(gapKeys).toContain('matched_cohort_claims_validated:Savings computed on claims against a matched control group');
    const savingsGap = entry.evidenceGaps.find((gap) => gap.proofKind === 'matched_cohort_claims_validated')!;
    expect(savingsGap.missingMetricKeys).toEqual(['outcome_matched_cohort_savings_usd']);
    expect(savingsGap.howToClose).toMatch(/matched-cohort/);
    expect(savingsGap.honestStatement).toMatch(/^We cannot yet show savings computed on claims/);
    expect(entry.notes.map((note) => note.code)).toContain('no_believable_proof_yet');
  });

  it('closes the gaps when the data is supplied', () => {
    const available = ['outcome_matched_cohort_savings_usd', 'vbc_claims_completeness_pct', 'vbc_eligibility_accuracy_pct', 'vbc_avg_risk_score'];
    const entry = buildValueMap(vbcUnderMa, [actuary], available).entries[0]!;
    expect(entry.evidenceGaps).toEqual([]);
    expect(entry.supportedBy.map((proof) => proof.proofKind)).toEqual([
      'matched_cohort_claims_validated',
      'matched_cohort_claims_validated',
      'matched_cohort_claims_validated',
      'dollar_figure',
    ]); // complete data is one requirement, listed once although two proof kinds ask for it
    expect(entry.notes).toEqual([]);
  });

  it('a clinical lead needs members at target with the sample size', () => {
    const missing = buildValueMap(vbcUnderMa, [cmo], ['vbc_members_at_clinical_target']).entries[0]!;
    expect(missing.evidenceGaps).toHaveLength(1);
    expect(missing.evidenceGaps[0]!.missingMetricKeys).toEqual(['vbc_engaged_members']);
    const supplied = buildValueMap(vbcUnderMa, [cmo], ['vbc_members_at_clinical_target', 'vbc_engaged_members']).entries[0]!;
    expect(supplied.evidenceGaps).toEqual([]);
  });

  it('an RPM clinic administrator under FFS needs paid claims; any one code will do', () => {
    const rpmFfs = { streams: [stream({ id: 'rpm', model: 'cpt_rpm', paymentEnvironment: 'medicare_ffs' })] };
    const admin: AccountStakeholder = { id: 'a', personName: 'Pat Admin', archetype: 'clinic_administrator' };
    const none = buildValueMap(rpmFfs, [admin], ['rpm_enrolled_patients']).entries[0]!;
    const dollarGap = none.evidenceGaps.find((gap) => gap.proofKind === 'dollar_figure')!;
    expect(dollarGap.missingMetricKeys).toEqual([]);
    expect(dollarGap.anyOfMetricKeys).toContain('rpm_claims_paid_99454');
    expect(none.evidenceGaps.filter((gap) => gap.proofKind === 'billing_compliance')).toHaveLength(3);

    const some = buildValueMap(rpmFfs, [admin], ['rpm_enrolled_patients', 'rpm_claims_paid_99454', 'rpm_claims_submitted_99454', 'rpm_claims_denied_99454']).entries[0]!;
    expect(some.evidenceGaps).toEqual([]);
    expect(some.supportedBy.find((proof) => proof.proofKind === 'dollar_figure')!.metricKeys).toEqual(['rpm_enrolled_patients', 'rpm_claims_paid_99454']);
  });

  it('the same administrator under MA capitation needs avoided-cost proof instead of reimbursement', () => {
    const rpmMa = { streams: [stream({ id: 'rpm', model: 'cpt_rpm', paymentEnvironment: 'medicare_advantage' })] };
    const entry = buildValueMap(rpmMa, [{ id: 'a', personName: 'Pat', archetype: 'clinic_administrator' }], ['rpm_enrolled_patients', 'rpm_claims_paid_99454']).entries[0]!;
    expect(entry.orientation).toBe('reducing_costs');
    expect(entry.evidenceGaps.find((gap) => gap.proofKind === 'dollar_figure')!.anyOfMetricKeys).toEqual(['outcome_readmission_cost_avoided_usd', 'outcome_matched_cohort_savings_usd']);
  });

  it('in a hybrid, the stakeholder is mapped only to the streams whose tables include them', () => {
    const hybrid = {
      streams: [
        stream({ id: 'base', model: 'pmpm_pepm', paymentEnvironment: 'medicare_advantage', role: 'base' }),
        stream({ id: 'savings', model: 'value_based', paymentEnvironment: 'medicare_advantage', role: 'performance' }),
      ],
    };
    const map = buildValueMap(hybrid, [actuary, { id: 'm', personName: 'Member voice', archetype: 'patient_member' }], []);
    expect(map.entries[0]!.streamIds).toEqual(['savings']);
    expect(map.entries[1]!.streamIds).toEqual(['base', 'savings']);
    expect(map.entries[1]!.kpisToShow).toEqual(expect.arrayContaining(['Time to first engagement', 'Clinical outcome achievement']));
  });

  it('shows a role outside the contract\'s tables from its general profile, with a note', () => {
    const pmpm = { streams: [stream({ id: 'base', model: 'pmpm_pepm' })] };
    const entry = buildValueMap(pmpm, [{ id: 'b', personName: 'Billing lead', archetype: 'billing_rcm_staff' }], []).entries[0]!;
    expect(entry.streamIds).toEqual([]);
    expect(entry.notes[0]!.code).toBe('archetype_outside_model_tables');
    expect(entry.kpisToShow).toContain('First-pass claim acceptance rate');
  });

  it('lists archetypes the contract calls for that nobody fills', () => {
    const map = buildValueMap(vbcUnderMa, [actuary], []);
    expect(map.unfilledArchetypes.map((entry) => entry.archetype)).toEqual(['health_plan_clinical_lead', 'independent_evaluator']);
  });

  it('does not ask a health plan, employer or pharma buyer for a clinic administrator or billing office', () => {
    const rpmUnderMa = (customerSegment: FrameworkAssessment['customerSegment']) => ({
      customerSegment,
      streams: [stream({ id: 'rpm', model: 'cpt_rpm', paymentEnvironment: 'medicare_advantage' })],
    });
    const plan = archetypesCalledFor(rpmUnderMa('health_plan')).map((entry) => entry.archetype);
    expect(plan).toEqual(['provider_clinician', 'health_plan_clinical_lead', 'buyer_cfo']);
    expect(buildValueMap(rpmUnderMa('health_plan'), [], []).unfilledArchetypes.map((entry) => entry.archetype)).toEqual(plan);
    // A practice billing RPM for Medicare Advantage patients has both.
    expect(archetypesCalledFor(rpmUnderMa('physician_practice')).map((entry) => entry.archetype)).toEqual([
      'clinic_administrator',
      'provider_clinician',
      'health_plan_clinical_lead',
      'buyer_cfo',
    ]);
    // Unknown segment: the framework's list as it is.
    expect(archetypesCalledFor(rpmUnderMa(null)).map((entry) => entry.archetype)).toContain('clinic_administrator');
  });

  it('follows the buyer as well as the segment: a health system whose own MA plan buys has no clinic office for it', () => {
    const assessed = (buyerType: FrameworkAssessment['buyerType']) => ({
      customerSegment: 'hospital_health_system' as const,
      buyerType,
      streams: [stream({ id: 'rpm', model: 'cpt_rpm', paymentEnvironment: 'medicare_advantage' })],
    });
    for (const buyer of ['payer', 'employer', 'pharma'] as const) {
      expect(archetypesCalledFor(assessed(buyer)).map((entry) => entry.archetype)).not.toEqual(expect.arrayContaining(['clinic_administrator']));
      expect(buildValueMap(assessed(buyer), [], []).unfilledArchetypes.map((entry) => entry.archetype)).not.toContain('billing_rcm_staff');
    }
    expect(archetypesCalledFor(assessed('provider')).map((entry) => entry.archetype)).toContain('clinic_administrator');
    expect(archetypesCalledFor(assessed(null)).map((entry) => entry.archetype)).toContain('clinic_administrator');
  });

  it('uses the pharma stakeholder profiles only when the buyer is pharma', () => {
    const pharma = { streams: [stream({ id: 'companion', model: 'saas_license', paymentEnvironment: 'pharma' })] };
    const brand = { id: 'br', personName: 'Brand lead', archetype: 'pharma_brand_commercial' } as const;
    const entry = buildValueMap(pharma, [brand], []).entries[0]!;
    expect(entry.streamIds).toEqual(['companion']);
    expect(entry.evidenceGaps.find((gap) => gap.proofKind === 'adherence_real_world_evidence')!.missingMetricKeys).toEqual(['outcome_medication_adherence_pct']);
    expect(buildValueMap(pharma, [brand], []).unfilledArchetypes.map((entry) => entry.archetype)).toEqual([
      'pharma_medical_affairs',
      'pharma_market_access',
      'pharma_rd',
    ]);
  });
});

describe('primary stakeholders of a PMPM stream follow the kind of buyer', () => {
  const unfilled = (paymentEnvironment: FrameworkAssessment['streams'][number]['paymentEnvironment']) =>
    buildValueMap({ streams: [stream({ id: 'pmpm', model: 'pmpm_pepm', paymentEnvironment })] }, [], []).unfilledArchetypes.map((entry) => entry.archetype);

  it('expects the plan sponsor, not an employer HR leader, for a health plan', () => {
    expect(unfilled('medicaid_managed_care')).toContain('health_plan_executive_sponsor');
    expect(unfilled('medicaid_managed_care')).not.toContain('employer_hr_benefits_leader');
  });

  it('expects the HR leader, not a plan sponsor, for a self-insured employer', () => {
    expect(unfilled('self_insured_employer')).toContain('employer_hr_benefits_leader');
    expect(unfilled('self_insured_employer')).not.toContain('health_plan_executive_sponsor');
  });

  it('expects both while the payment environment is unknown', () => {
    expect(unfilled(null)).toEqual(expect.arrayContaining(['health_plan_executive_sponsor', 'employer_hr_benefits_leader']));
  });
});
