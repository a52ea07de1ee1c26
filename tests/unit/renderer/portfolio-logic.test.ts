import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../src/shared/api/schemas/account-schemas';
import type { PortfolioFacts } from '../../../src/shared/api/schemas/portfolio-schemas';
import { activeFilterCount, filterAccounts, NO_FILTERS } from '../../../src/renderer/src/portfolio/portfolio-filters';
import type { PortfolioInsight } from '../../../src/renderer/src/portfolio/portfolio-sort';
import { portfolioSummary } from '../../../src/renderer/src/portfolio/portfolio-summary';
import { renewsWithin } from '../../../src/renderer/src/portfolio/renewal-window';
import { setupFactsOf, setupProgress } from '../../../src/renderer/src/setup-checklist/setup-checklist';

const TODAY = '2026-11-15';

function row(id: string, overrides: Partial<AccountSummary> = {}): AccountSummary {
  return {
    id,
    name: id,
    customerSegment: 'health_plan',
    buyerType: 'payer',
    notes: '',
    renewalDate: null,
    contractStartDate: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    revenueModels: [],
    stakeholderCount: 0,
    latestMetricMonth: null,
    ownerId: null,
    ownerName: null,
    ...overrides,
  };
}

const rows = [
  row('riverbend', { customerSegment: 'physician_practice', revenueModels: ['cpt_rpm'], renewalDate: '2027-01-10', stakeholderCount: 3, latestMetricMonth: '2026-10' }),
  row('granite', { revenueModels: ['value_based'], renewalDate: '2026-12-01', stakeholderCount: 2, latestMetricMonth: '2026-10' }),
  row('newco', { customerSegment: 'employer', renewalDate: '2026-10-01' }),
];
const insights = new Map<string, PortfolioInsight>([
  ['riverbend', { accountId: 'riverbend', healthScore: 50, worstSeverity: 'critical', signalCount: 2 }],
  ['granite', { accountId: 'granite', healthScore: 27, worstSeverity: 'warning', signalCount: 1 }],
  ['newco', { accountId: 'newco', healthScore: null, worstSeverity: null, signalCount: 0 }],
]);
const facts = new Map<string, PortfolioFacts>([
  ['riverbend', { accountId: 'riverbend', annualContractValueUsd: 120_000, streamsWithoutValue: 0, lastAssessedQuarter: '2026Q3', deckCount: 2, openCommitments: 3, overdueCommitments: 1 }],
  ['granite', { accountId: 'granite', annualContractValueUsd: null, streamsWithoutValue: 1, lastAssessedQuarter: null, deckCount: 0, openCommitments: 2, overdueCommitments: 2 }],
  ['newco', { accountId: 'newco', annualContractValueUsd: null, streamsWithoutValue: 0, lastAssessedQuarter: null, deckCount: 0, openCommitments: 0, overdueCommitments: 0 }],
]);
const names = (list: AccountSummary[]) => list.map((account) => account.id);

describe('setup checklist', () => {
  it('goes streams → stakeholders → metrics → assessment → deck and names the next step', () => {
    const fresh = setupProgress({ streamCount: 0, stakeholderCount: 0, hasMetrics: false, assessed: false, deckCount: 0 });
    expect(fresh.steps.map((step) => step.key)).toEqual(['streams', 'stakeholders', 'metrics', 'assessment', 'deck']);
    expect(fresh).toMatchObject({ doneCount: 0, total: 5, complete: false, next: { key: 'streams' } });
    const half = setupProgress({ streamCount: 1, stakeholderCount: 0, hasMetrics: true, assessed: false, deckCount: 0 });
    expect(half).toMatchObject({ doneCount: 2, next: { key: 'stakeholders' }, assessedWithoutStakeholders: false });
    expect(half.next!.why).toMatch(/before the assessment/);
    expect(setupProgress({ streamCount: 2, stakeholderCount: 0, hasMetrics: true, assessed: true, deckCount: 0 }).assessedWithoutStakeholders).toBe(true);
    expect(setupProgress({ streamCount: 1, stakeholderCount: 1, hasMetrics: true, assessed: true, deckCount: 1 })).toMatchObject({ complete: true, next: null });
  });

  it('reads a portfolio row and its facts, and waits for the facts', () => {
    expect(setupFactsOf(rows[0]!, facts.get('riverbend'))).toEqual({ streamCount: 1, stakeholderCount: 3, hasMetrics: true, assessed: true, deckCount: 2 });
    expect(setupFactsOf(rows[0]!, undefined)).toBeNull();
  });
});

describe('portfolio filters', () => {
  const context = { insights, facts, today: TODAY };

  it('keep every row and their order when nothing is chosen', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(names(filterAccounts(rows, NO_FILTERS, context).rows)).toEqual(['riverbend', 'granite', 'newco']);
  });

  it('narrow by health band, worst signal, model, segment, renewal window and setup', () => {
    const only = (change: Partial<typeof NO_FILTERS>) => names(filterAccounts(rows, { ...NO_FILTERS, ...change }, context).rows);
    expect(only({ health: ['at_risk'] })).toEqual(['granite']);
    expect(only({ health: ['no_score', 'watch'] })).toEqual(['riverbend', 'newco']);
    expect(only({ signals: ['none'] })).toEqual(['newco']);
    expect(only({ revenueModels: ['cpt_rpm', 'value_based'] })).toEqual(['riverbend', 'granite']);
    expect(only({ segments: ['employer'] })).toEqual(['newco']);
    // Granite renews in 16 days, Riverbend in 56; Newco's date has passed, so it is never "renewing soon".
    expect(only({ renewalWithinDays: 30 })).toEqual(['granite']);
    expect(only({ renewalWithinDays: 90 })).toEqual(['riverbend', 'granite']);
    expect(only({ setup: 'incomplete' })).toEqual(['granite', 'newco']);
    expect(only({ setup: 'complete' })).toEqual(['riverbend']);
    expect(only({ health: ['at_risk'], segments: ['employer'] })).toEqual([]);
    expect(activeFilterCount({ ...NO_FILTERS, health: ['at_risk'], renewalWithinDays: 90 })).toBe(2);
  });

  it('say when the health or setup facts a filter needs are not in yet', () => {
    expect(filterAccounts(rows, { ...NO_FILTERS, health: ['at_risk'] }, { ...context, insights: null }).pending).toBe(true);
    expect(filterAccounts(rows, { ...NO_FILTERS, setup: 'complete' }, { ...context, facts: null }).pending).toBe(true);
    expect(filterAccounts(rows, { ...NO_FILTERS, segments: ['employer'] }, { insights: null, facts: null, today: TODAY }).pending).toBe(false);
  });

  it('wait for the rest of the list when the rows are only its first screen, and only when a filter narrows them', () => {
    const firstScreen = { ...context, complete: false };
    expect(filterAccounts(rows, { ...NO_FILTERS, segments: ['employer'] }, firstScreen).pending).toBe(true);
    expect(filterAccounts(rows, NO_FILTERS, firstScreen)).toEqual({ rows, pending: false });
  });
});

describe('portfolio summary strip', () => {
  it('counts the shown accounts, adds the contract value that is known, and renewals and at-risk accounts', () => {
    expect(portfolioSummary(rows, insights, facts, TODAY)).toEqual({
      accounts: 3,
      contractValueUsd: 120_000,
      contractValueAccounts: 1,
      renewalsSoon: 2,
      atRisk: 1,
      openCommitments: 5,
      overdueCommitments: 3,
    });
  });

  it('says unknown rather than 0 while health or contract values are not known', () => {
    expect(portfolioSummary(rows, null, null, TODAY)).toMatchObject({ contractValueUsd: null, contractValueAccounts: 0, atRisk: null, openCommitments: null, overdueCommitments: null });
  });

  it('shows no count from a first screen of rows: every figure waits for the rest of the list', () => {
    expect(portfolioSummary(rows, insights, facts, TODAY, false)).toEqual({
      accounts: null,
      contractValueUsd: null,
      contractValueAccounts: 0,
      renewalsSoon: null,
      atRisk: null,
      openCommitments: null,
      overdueCommitments: null,
    });
  });

  it('agrees with the renewal filter on what "renewing soon" means', () => {
    expect(renewsWithin('2026-11-15', 0, TODAY)).toBe(true);
    expect(renewsWithin('2026-11-14', 90, TODAY)).toBe(false);
    expect(renewsWithin(null, 90, TODAY)).toBe(false);
    const soon = portfolioSummary(rows, insights, facts, TODAY).renewalsSoon!;
    expect(filterAccounts(rows, { ...NO_FILTERS, renewalWithinDays: 90 }, { insights, facts, today: TODAY }).rows).toHaveLength(soon);
  });
});
