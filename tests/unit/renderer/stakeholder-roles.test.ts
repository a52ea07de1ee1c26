import { describe, expect, it } from 'vitest';
import { ARCHETYPES } from '../../../src/shared/framework/keys';
import { roleMatches, typicalTitlesLine } from '../../../src/renderer/src/stakeholders/role-search';
import { rolesCalledForAssessment, suggestedRoles } from '../../../src/renderer/src/stakeholders/suggested-roles';

const found = (query: string) => ARCHETYPES.filter((key) => roleMatches(key, query));

describe('finding a role by job title', () => {
  it('finds the chief medical officer by initials and by words', () => {
    expect(found('CMO')).toEqual(expect.arrayContaining(['health_plan_executive_sponsor', 'health_plan_clinical_lead']));
    expect(found('Chief Medical')).toEqual(expect.arrayContaining(['health_plan_executive_sponsor', 'health_plan_clinical_lead']));
    expect(found('cmo')).not.toContain('clinic_administrator');
  });

  it('finds roles by their names and titles, any case, every word required', () => {
    expect(found('practice manager')).toEqual(['clinic_administrator']);
    expect(found('actuary')).toEqual(expect.arrayContaining(['health_plan_cfo_actuary']));
    expect(found('CFO')).toEqual(expect.arrayContaining(['buyer_cfo', 'health_plan_cfo_actuary']));
    expect(found('benefits director')).toEqual(['employer_hr_benefits_leader']);
    expect(found('')).toHaveLength(ARCHETYPES.length);
    expect(found('astronaut')).toEqual([]);
  });

  it('labels options with job titles, never with other models', () => {
    expect(typicalTitlesLine('buyer_cfo')).toBe('CFO · VP Finance · Procurement lead');
    for (const key of ARCHETYPES) expect(typicalTitlesLine(key)).not.toMatch(/PMPM|Value-based|SaaS|CPT/);
  });
});

describe('roles suggested for an account', () => {
  const streams = [{ id: 'rpm', revenueModel: 'cpt_rpm' as const, paymentEnvironment: 'medicare_advantage' as const }];

  it('follow the saved assessment once there is one', () => {
    const saved = {
      customerSegment: 'health_plan' as const,
      streams: [{ id: 'rpm', model: 'cpt_rpm' as const, variant: null, paymentEnvironment: 'medicare_advantage' as const, orientation: 'reducing_costs' as const, role: 'sole' as const }],
    };
    const roles = suggestedRoles(saved, { customerSegment: 'physician_practice', buyerType: 'provider' }, []).map((role) => role.archetype);
    expect(roles).not.toContain('clinic_administrator');
    expect(roles).toContain('health_plan_clinical_lead');
  });

  it("fill what an assessment saved without the segment or buyer does not say from the account", () => {
    const saved = {
      customerSegment: null,
      buyerType: null,
      streams: [{ id: 'rpm', model: 'cpt_rpm' as const, variant: null, paymentEnvironment: 'medicare_advantage' as const, orientation: 'reducing_costs' as const, role: 'sole' as const }],
    };
    const forAccount = (customerSegment: 'health_plan' | 'hospital_health_system', buyerType: 'payer' | 'provider') =>
      suggestedRoles(saved, { customerSegment, buyerType }, []).map((role) => role.archetype);
    expect(forAccount('health_plan', 'payer')).not.toContain('clinic_administrator');
    expect(forAccount('hospital_health_system', 'payer')).not.toContain('clinic_administrator');
    expect(forAccount('hospital_health_system', 'provider')).toContain('clinic_administrator');
    // The stakeholder tab's "calls for" list comes from the same rule.
    expect(rolesCalledForAssessment(saved, { customerSegment: 'health_plan', buyerType: 'payer' }).map((role) => role.archetype)).toEqual(forAccount('health_plan', 'payer'));
  });

  it("come from the account's streams and segment before any assessment is saved", () => {
    expect(suggestedRoles(null, { customerSegment: 'physician_practice', buyerType: 'provider' }, streams).map((role) => role.archetype)[0]).toBe('clinic_administrator');
    expect(suggestedRoles(null, { customerSegment: 'health_plan', buyerType: 'payer' }, streams).map((role) => role.archetype)).not.toContain('clinic_administrator');
    expect(suggestedRoles(null, null, [])).toEqual([]);
  });
});
