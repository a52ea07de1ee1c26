import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatQuantity } from '../../src/shared/format/quantity';
import { formulaInWords } from '../../src/shared/metrics/kpis/formula-words';
import { findKpiDefinition } from '../../src/shared/metrics/kpis/kpi-catalog';
import { openTempBackend } from '../support/temp-backend';

/*
 * The Engagement Gate's adherence step and the 30-day retention KPI are one figure: members still
 * active 30 days on are a cohort of the previous month's actives, so both divide the retained
 * members by the previous month's active members. A deck that printed one rule on the funnel and
 * another in the scorecard would say two different "30-day" numbers on neighbouring slides.
 */

type Env = Awaited<ReturnType<typeof openTempBackend>>;
let env: Env;
let accountId: string;
let streamId: string;
const REPORT_MONTH = '2026-10'; // the last complete month before the temp backend's fixed clock

/** A PMPM month; the report month's retained members are compared with September's actives. */
const month = (active: number, retained: number) => ({
  pmpm_eligible_members: 60_000,
  pmpm_enrolled_members: 11_000,
  pmpm_active_members: active,
  pmpm_retained_30d_members: retained,
});

beforeEach(async () => {
  env = await openTempBackend();
  const account = await env.backend.client.call('accounts.create', { name: 'Gate Health Plan', customerSegment: 'health_plan', buyerType: 'payer' });
  const stream = await env.backend.client.call('streams.create', {
    accountId: account.id,
    name: 'Cardiometabolic PMPM',
    revenueModel: 'pmpm_pepm',
    paymentEnvironment: 'commercial_insurance',
    terms: { unit: 'member', ratePerMonthUsd: 0.9, eligiblePopulation: 60_000, enrollmentBased: false },
  });
  accountId = account.id;
  streamId = stream.id;
});
afterEach(async () => env.cleanup());

async function saveMonths(previousActive: number) {
  await env.backend.client.call('metrics.saveMonth', { accountId, streamId, month: '2026-09', values: month(previousActive, 4_500) });
  await env.backend.client.call('metrics.saveMonth', { accountId, streamId, month: REPORT_MONTH, values: month(7_000, 5_000) });
}

/** The 30-day retention KPI as the app's Metrics tab and the deck's scorecard state it. */
async function retentionKpi(): Promise<string> {
  const insights = await env.backend.client.call('insights.account', { accountId, asOfMonth: REPORT_MONTH });
  const kpi = insights.streams.find((s) => s.streamId === streamId)!.kpis.find((k) => k.key === 'pmpm_retention_30d_rate')!;
  return formatQuantity(kpi.current.value, 'fraction')!;
}

/** The adherence percentage the Engagement Gate slide's title states. */
async function gateAdherence(): Promise<string> {
  const outline = await env.backend.client.call('decks.plan', { accountId, audience: ['health_plan_operational_lead'] });
  expect(outline.reportMonth).toBe(REPORT_MONTH);
  const gate = outline.slides.find((slide) => slide.id === 'engagement-gate')!;
  const stated = /([\d.]+%) of last month's active members (?:stayed|are) adherent/.exec(gate.title);
  expect(stated, gate.title).not.toBeNull();
  return stated![1]!;
}

describe('the Engagement Gate states adherence with the 30-day retention KPI', () => {
  it('the gate\'s adherent percentage is the 30-day retention KPI for the same account and month', async () => {
    await saveMonths(6_000);
    // Retained ÷ the previous month's active: 5,000 ÷ 6,000 = 83%, not ÷ this month's 7,000 (71%).
    expect(await retentionKpi()).toBe('83%');
    expect(await gateAdherence()).toBe(await retentionKpi());
  });

  it('both move together when only the previous month\'s active members change: one rule', async () => {
    await saveMonths(6_000);
    const before = await gateAdherence();
    await saveMonths(5_500);
    const after = await gateAdherence();
    expect(after).not.toBe(before);
    expect(after).toBe(await retentionKpi());
    expect(after).toBe(formatQuantity(5_000 / 5_500, 'fraction'));
  });

  it('a previous month of 1-10 active members suppresses the adherence rate, which would give that count away', async () => {
    await env.backend.client.call('metrics.saveMonth', { accountId, streamId, month: '2026-09', values: month(9, 4) });
    await env.backend.client.call('metrics.saveMonth', { accountId, streamId, month: REPORT_MONTH, values: month(7_000, 12) });
    const outline = await env.backend.client.call('decks.plan', { accountId, audience: ['health_plan_operational_lead'] });
    const gate = outline.slides.find((slide) => slide.id === 'engagement-gate')!;
    expect(gate.title).toMatch(/counts of 1–10 members, which are suppressed/);
    expect(gate.title).not.toMatch(/133%/);
  });

  it('the funnel slide defines adherence with the formula the KPI definitions slide prints', async () => {
    await saveMonths(6_000);
    const file = path.join(env.dir, 'gate.pptx');
    await env.backend.client.call('decks.export', { accountId, audience: ['health_plan_operational_lead'], filePath: file });
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const slideNames = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    const texts = await Promise.all(slideNames.map(async (name) => [...(await zip.file(name)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' ')));
    const formula = formulaInWords(findKpiDefinition('pmpm_retention_30d_rate')!.formula);
    expect(formula).toBe('30-day retained members ÷ active members of the previous month');
    const gate = texts.find((text) => text.includes('Engagement Gate ·'))!;
    const definitions = texts.find((text) => text.includes('30-day retention') && text.includes(formula) && !text.includes('Engagement Gate ·'));
    expect(definitions, 'the KPI definitions slide prints the formula').toBeDefined();
    expect(gate).toContain(formula);
    // The previous month's base is printed, so the reader can check 83% against the bars.
    expect(gate).toContain('6,000');
  }, 60_000);
});
