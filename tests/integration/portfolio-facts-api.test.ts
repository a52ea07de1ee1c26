import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { portfolioViewSchema } from '../../src/shared/api/schemas/portfolio-view-schemas';
import { annualContractValueUsd } from '../../src/shared/portfolio/annual-contract-value';
import { openTempBackend } from '../support/temp-backend';
import { TEST_DIALECTS } from '../support/test-dialects';

/*
 * portfolio.facts: what the portfolio's summary strip and each account's setup checklist read that
 * the account list does not carry — the yearly contract value the terms give, the last saved
 * assessment, and how many decks were exported.
 */
describe.each(TEST_DIALECTS)('portfolio.facts (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  beforeEach(async () => {
    ctx = await openTempBackend({ dialect });
  });
  afterEach(async () => ctx.cleanup());

  it('adds up the yearly value the terms give, says which streams give none, and counts assessments and decks', async () => {
    const call = ctx.backend.client.call;
    const plan = await call('accounts.create', { name: 'Meridian', customerSegment: 'health_plan', buyerType: 'payer' });
    await call('streams.create', { accountId: plan.id, name: 'PMPM base', revenueModel: 'pmpm_pepm', paymentEnvironment: 'commercial_insurance', terms: { ratePerMonthUsd: 2.5, eligiblePopulation: 10_000 } });
    await call('streams.create', { accountId: plan.id, name: 'Outcomes bonus', revenueModel: 'value_based', terms: { structure: 'shared_savings', atRiskAmountUsd: 800_000 } });
    // A stream that ended last year is not part of today's contract value.
    await call('streams.create', { accountId: plan.id, name: 'Old pilot', revenueModel: 'saas_license', terms: { annualFeeUsd: 50_000 }, endDate: '2025-12-31' });

    const clinic = await call('accounts.create', { name: 'Riverbend', customerSegment: 'physician_practice', buyerType: 'provider' });
    const rpm = await call('streams.create', { accountId: clinic.id, name: 'RPM share', revenueModel: 'cpt_rpm', paymentEnvironment: 'medicare_ffs', terms: { variant: 'revenue_share', revenueSharePct: 40 } });
    await call('stakeholders.create', { accountId: clinic.id, archetype: 'clinic_administrator', personName: 'Dana Whitfield', isBudgetHolder: true });
    await call('assessments.finalize', {
      accountId: clinic.id,
      quarter: '2026Q3',
      answers: { behaviourChange: 'patients', paymentEnvironments: ['medicare_ffs'], streams: [{ id: rpm.id, label: 'RPM share', howPaid: 'cpt_revenue_share', orientation: 'generating_revenue', pathToRevenue: 'monthly' }] },
    });
    await call('assessments.saveDraft', { accountId: clinic.id, quarter: '2026Q4', answers: {} });
    await call('decks.export', { accountId: clinic.id, audience: ['clinic_administrator'], filePath: path.join(ctx.dir, 'riverbend.pptx') });

    const empty = await call('accounts.create', { name: 'Newco', customerSegment: 'employer', buyerType: 'employer' });

    const facts = new Map((await call('portfolio.facts', {})).map((row) => [row.accountId, row]));
    expect(facts.get(plan.id)).toEqual({ accountId: plan.id, annualContractValueUsd: 300_000, streamsWithoutValue: 1, lastAssessedQuarter: null, deckCount: 0, openCommitments: 0, overdueCommitments: 0 });
    // A revenue share depends on claims paid, so its value is not known from the terms; a draft is not a saved assessment.
    expect(facts.get(clinic.id)).toEqual({ accountId: clinic.id, annualContractValueUsd: null, streamsWithoutValue: 1, lastAssessedQuarter: '2026Q3', deckCount: 1, openCommitments: 0, overdueCommitments: 0 });
    expect(facts.get(empty.id)).toEqual({ accountId: empty.id, annualContractValueUsd: null, streamsWithoutValue: 0, lastAssessedQuarter: null, deckCount: 0, openCommitments: 0, overdueCommitments: 0 });

    // Open commitments: open and slipped count, done and dropped do not; overdue is past its due date (today is 2026-11-15).
    const entry = (text: string, status: 'open' | 'slipped' | 'done' | 'dropped', dueDate: string | null) =>
      call('commitments.create', { accountId: clinic.id, kind: 'action', text, ownerSide: 'ours', ownerName: 'Us', quarterRaised: '2026Q3', status, dueDate });
    await entry('Past due and open', 'open', '2026-11-01');
    await entry('Slipped and past due', 'slipped', '2026-10-01');
    await entry('Open, due later', 'open', '2026-12-01');
    await entry('Open, no date', 'open', null);
    await entry('Done late', 'done', '2026-10-01');
    await entry('Dropped', 'dropped', '2026-10-01');
    const withLedger = (await call('portfolio.facts', {})).find((row) => row.accountId === clinic.id)!;
    expect(withLedger).toMatchObject({ openCommitments: 4, overdueCommitments: 2 });

    // A deleted account is not in the portfolio.
    await call('accounts.delete', { id: empty.id });
    expect((await call('portfolio.facts', {})).map((row) => row.accountId).sort()).toEqual([plan.id, clinic.id].sort());
  }, 60_000);
});

describe('annual contract value from stream terms', () => {
  it('is known for fees fixed by the contract and unknown where payment depends on claims or outcomes', () => {
    expect(annualContractValueUsd({ revenueModel: 'saas_license', terms: { annualFeeUsd: 120_000 } })).toBe(120_000);
    expect(annualContractValueUsd({ revenueModel: 'pmpm_pepm', terms: { ratePerMonthUsd: 3, eligiblePopulation: 1_000 } })).toBe(36_000);
    // Paid only for enrolled members: the eligible population does not say what is billed.
    expect(annualContractValueUsd({ revenueModel: 'pmpm_pepm', terms: { ratePerMonthUsd: 3, eligiblePopulation: 1_000, enrollmentBased: true } })).toBeNull();
    expect(annualContractValueUsd({ revenueModel: 'cpt_rpm', terms: { variant: 'per_patient_fee', perPatientMonthlyFeeUsd: 50, enrolledPatientsContracted: 200 } })).toBe(120_000);
    expect(annualContractValueUsd({ revenueModel: 'cpt_rpm', terms: { variant: 'revenue_share', revenueSharePct: 40 } })).toBeNull();
    expect(annualContractValueUsd({ revenueModel: 'hybrid', terms: { annualMinimumUsd: 250_000, caseRateUsd: 400 } })).toBe(250_000);
    expect(annualContractValueUsd({ revenueModel: 'value_based', terms: { atRiskAmountUsd: 800_000 } })).toBeNull();
    expect(annualContractValueUsd({ revenueModel: 'saas_license', terms: {} })).toBeNull();
  });
});

describe.each(TEST_DIALECTS)('saved portfolio views in settings (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  beforeEach(async () => {
    ctx = await openTempBackend({ dialect });
  });
  afterEach(async () => ctx.cleanup());

  const atRiskRenewals: z.input<typeof portfolioViewSchema> = {
    id: 'view-1',
    name: 'At risk, renewing soon',
    search: '',
    filters: { health: ['at_risk'], renewalWithinDays: 90 },
    sort: { key: 'renewalDate', direction: 'asc' },
  };

  it('keeps filters and sort, fills the filters left out, and leaves the other settings alone', async () => {
    const call = ctx.backend.client.call;
    await call('settings.update', { csmName: 'Jordan Lee' });
    const saved = await call('settings.update', { portfolioViews: [atRiskRenewals] });
    expect(saved.portfolioViews).toEqual([
      { ...atRiskRenewals, filters: { health: ['at_risk'], signals: [], revenueModels: [], segments: [], renewalWithinDays: 90, setup: 'any' } },
    ]);
    expect(saved.csmName).toBe('Jordan Lee');
    expect((await call('settings.get', {})).portfolioViews).toEqual(saved.portfolioViews);
  });

  it('refuses a view with an unknown filter, a sort nobody offers or a duplicate id, and changes nothing', async () => {
    const call = ctx.backend.client.call;
    await call('settings.update', { portfolioViews: [atRiskRenewals] });
    const bad = [
      [{ ...atRiskRenewals, filters: { health: ['great'] } }],
      [{ ...atRiskRenewals, sort: { key: 'arr', direction: 'asc' } }],
      [{ ...atRiskRenewals, name: '   ' }],
      [atRiskRenewals, { ...atRiskRenewals, name: 'Copy' }],
    ];
    for (const portfolioViews of bad) {
      await expect(call('settings.update', { portfolioViews } as never)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    expect((await call('settings.get', {})).portfolioViews.map((view) => view.name)).toEqual(['At risk, renewing soon']);
  });
});
