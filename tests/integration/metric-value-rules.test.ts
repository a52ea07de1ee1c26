import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../src/shared/api/errors';
import { openTempBackend } from '../support/temp-backend';
import { importAndWait } from './metrics-import/import-test-helpers';

/*
 * One rule set for a stored metric value (src/shared/metrics/metric-validation.ts): CSV import,
 * manual month entry and workspace restore must accept and refuse exactly the same values.
 * Each case goes through all three public paths on a fresh workspace.
 */

type Env = Awaited<ReturnType<typeof openTempBackend>>;
let env: Env;
let accountId: string;
const streams: Record<'rpm' | 'vbc', string> = { rpm: '', vbc: '' };

beforeEach(async () => {
  env = await openTempBackend();
  const account = await env.backend.client.call('accounts.create', { name: 'Agreement Clinic', customerSegment: 'physician_practice', buyerType: 'provider' });
  accountId = account.id;
  streams.rpm = (await env.backend.client.call('streams.create', { accountId, name: 'RPM program', revenueModel: 'cpt_rpm', paymentEnvironment: 'medicare_ffs' })).id;
  streams.vbc = (await env.backend.client.call('streams.create', { accountId, name: 'Outcomes contract', revenueModel: 'value_based', paymentEnvironment: 'medicare_advantage' })).id;
});
afterEach(async () => env.cleanup());

interface Case {
  stream: keyof typeof streams;
  metricKey: string;
  value: number;
  accepted: boolean;
}

const CASES: Case[] = [
  { stream: 'rpm', metricKey: 'rpm_enrolled_patients', value: 120, accepted: true },
  { stream: 'rpm', metricKey: 'rpm_enrolled_patients', value: -1, accepted: false },
  { stream: 'rpm', metricKey: 'saas_weekly_active_users', value: 40, accepted: false },
  { stream: 'rpm', metricKey: 'saas_integration_uptime_pct', value: 99.5, accepted: false },
  { stream: 'rpm', metricKey: 'outcome_care_gaps_closed', value: 12, accepted: true },
  { stream: 'vbc', metricKey: 'vbc_earned_revenue_usd', value: -500, accepted: false },
  { stream: 'vbc', metricKey: 'vbc_earned_revenue_usd', value: 500, accepted: true },
  { stream: 'vbc', metricKey: 'vbc_claims_completeness_pct', value: 101, accepted: false },
  { stream: 'vbc', metricKey: 'outcome_hedis_measure_lift_pct', value: -4, accepted: true },
  { stream: 'vbc', metricKey: 'outcome_matched_cohort_savings_usd', value: -25_000, accepted: true },
  { stream: 'vbc', metricKey: 'pmpm_nps', value: 30, accepted: false },
  { stream: 'vbc', metricKey: 'vbc_engaged_members', value: 1e13, accepted: false },
];
const MONTH = '2026-09';

async function viaManualEntry(c: Case): Promise<boolean> {
  try {
    await env.backend.client.call('metrics.saveMonth', { accountId, streamId: streams[c.stream], month: MONTH, values: { [c.metricKey]: c.value } });
    return true;
  } catch (error) {
    if (error instanceof ApiFailure && error.code === 'invalid_input') return false;
    throw error;
  }
}

async function viaCsvImport(c: Case): Promise<boolean> {
  const streamName = c.stream === 'rpm' ? 'RPM program' : 'Outcomes contract';
  const text = `account,stream,metric,month,value\nAgreement Clinic,${streamName},${c.metricKey},${MONTH},${c.value}\n`;
  const { final } = await importAndWait(env.backend, { source: { kind: 'text', fileName: 'agreement.csv', text }, mode: 'valid-rows' });
  if (final.state !== 'done' && final.state !== 'failed') throw new Error(`import ended ${final.state}`);
  const stored = await env.backend.client.call('metrics.list', { accountId });
  return stored.some((row) => row.metricKey === c.metricKey && row.month === MONTH);
}

async function viaRestore(c: Case): Promise<boolean> {
  const exportPath = path.join(env.dir, 'export.json');
  await env.backend.client.call('workspace.exportJson', { path: exportPath });
  const data = JSON.parse(fs.readFileSync(exportPath, 'utf8'));
  const stamp = '2026-11-15T10:00:00.000Z';
  data.metricObservations.push({ accountId, streamId: streams[c.stream], metricKey: c.metricKey, month: MONTH, value: c.value, source: 'restore-test', updatedAt: stamp });
  fs.writeFileSync(exportPath, JSON.stringify(data));
  try {
    await env.backend.client.call('workspace.importJson', { path: exportPath, mode: 'merge' });
    return true;
  } catch (error) {
    if (error instanceof ApiFailure) return false;
    throw error;
  }
}

describe('one rule set for metric values: import, manual entry and restore agree', () => {
  for (const c of CASES) {
    it(`${c.metricKey} = ${c.value} on the ${c.stream} stream is ${c.accepted ? 'stored' : 'refused'} by every path`, async () => {
      const manual = await viaManualEntry(c);
      await env.backend.client.call('metrics.saveMonth', { accountId, streamId: streams[c.stream], month: MONTH, values: { [c.metricKey]: null } }).catch(() => undefined);
      const imported = await viaCsvImport(c);
      await env.backend.client.call('metrics.saveMonth', { accountId, streamId: streams[c.stream], month: MONTH, values: { [c.metricKey]: null } }).catch(() => undefined);
      const restored = await viaRestore(c);
      expect({ manual, imported, restored }).toEqual({ manual: c.accepted, imported: c.accepted, restored: c.accepted });
    });
  }
});
