import { describe, expect, it } from 'vitest';
import { orient, orientStreams } from '../../../src/shared/framework';

describe('orient', () => {
  it('the same RPM program generates revenue under FFS Medicare and reduces costs under MA', () => {
    expect(orient('cpt_rpm', 'medicare_ffs').orientation).toBe('generating_revenue');
    expect(orient('cpt_rpm', 'medicare_advantage').orientation).toBe('reducing_costs');
    expect(orient('cpt_rpm', 'medicare_advantage').source).toBe('framework');
  });

  it('falls back to the model default and asks for the environment when it is unknown', () => {
    const result = orient('pmpm_pepm', null);
    expect(result.orientation).toBe('reducing_costs');
    expect(result.source).toBe('default');
    expect(result.reasons[0]!.code).toBe('environment_unknown');
    expect(result.reason).toMatch(/Ask how the buyer is paid/);
  });

  it('says hybrids must be oriented per stream', () => {
    const result = orient('hybrid', 'medicare_advantage');
    expect(result.orientation).toBe('both');
    expect(result.reasons[0]!.code).toBe('hybrid_orient_per_stream');
  });

  it('resolves a mixed account to the stakeholder\'s lens', () => {
    expect(orient('saas_license', 'provider_ffs').orientation).toBe('both');
    expect(orient('saas_license', 'provider_ffs', 'clinical_end_user').orientation).toBe('reducing_costs');
    expect(orient('saas_license', 'provider_ffs', 'clinic_administrator').orientation).toBe('generating_revenue');
    expect(orient('saas_license', 'provider_ffs', 'it_integration_lead').orientation).toBe('both');
  });

  it('keeps the account orientation but notes a differing stakeholder lens', () => {
    const result = orient('cpt_rpm', 'medicare_advantage', 'clinic_administrator');
    expect(result.orientation).toBe('reducing_costs');
    expect(result.reasons.map((step) => step.code)).toContain('stakeholder_lens_differs');
  });

  it('points out the Star Ratings revenue angle to an MA clinical lead', () => {
    expect(orient('value_based', 'medicare_advantage', 'health_plan_clinical_lead').reasons.map((step) => step.code)).toContain('star_ratings_revenue_angle');
  });
});

describe('orientStreams', () => {
  it('combines streams on opposite sides of the line into both', () => {
    const result = orientStreams([
      { id: 'license', model: 'saas_license', environment: 'medicare_advantage' },
      { id: 'cpt', model: 'cpt_rpm', environment: 'medicare_ffs' },
    ]);
    expect(result.streams.map((stream) => stream.orientation)).toEqual(['reducing_costs', 'generating_revenue']);
    expect(result.combined).toBe('both');
  });

  it('uses what the buyer stated, and notes when it differs from the framework', () => {
    const result = orientStreams([{ id: 'a', model: 'cpt_rpm', environment: 'medicare_advantage', statedOrientation: 'generating_revenue' }]);
    expect(result.streams[0]!.orientation).toBe('generating_revenue');
    expect(result.streams[0]!.expected).toBe('reducing_costs');
    expect(result.streams[0]!.source).toBe('stated');
    expect(result.streams[0]!.reasons.map((step) => step.code)).toContain('stated_differs_from_expected');
    expect(result.combined).toBe('generating_revenue');
  });

  it('combines to a single orientation when every stream agrees', () => {
    const result = orientStreams([
      { id: 'base', model: 'pmpm_pepm', environment: 'medicare_advantage' },
      { id: 'bonus', model: 'value_based', environment: 'medicare_advantage' },
    ]);
    expect(result.combined).toBe('reducing_costs');
  });

  it('reports unknown when nothing is known', () => {
    expect(orientStreams([]).combined).toBe('unknown');
  });
});
