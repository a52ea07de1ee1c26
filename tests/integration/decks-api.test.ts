import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/transports/cli/main';
import type { Backend } from '../../src/main/api/backend';
import { ApiFailure } from '../../src/shared/api/errors';
import { MAIN_SLIDES } from '../../src/shared/deck-plan';
import type { ArchetypeKey } from '../../src/shared/framework/keys';
import { openTempBackend } from '../support/temp-backend';
import { xmlProblem } from '../support/pptx-inspect';
import { checkPptxPath } from '../support/check-pptx';

const CHECK_PPTX = checkPptxPath();

let backend: Backend;
let workspacePath: string;
let dir: string;
let cleanup: () => Promise<void>;
const ids = new Map<string, string>();

async function call<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; code: string; message: string }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof ApiFailure) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

beforeAll(async () => {
  ({ backend, workspacePath, dir, cleanup } = await openTempBackend());
  await backend.client.call('demo.load', {});
  for (const account of await backend.client.call('accounts.list', {})) ids.set(account.name, account.id);
});

afterAll(async () => cleanup());

/** Every revenue model, several audiences and both deck types. */
const EXPORTS: [string, ArchetypeKey[], 'qbr' | 'ebr'][] = [
  ['Riverbend Cardiology Associates', ['clinic_administrator'], 'qbr'],
  ['Summit Senior Health Plan', ['health_plan_executive_sponsor', 'health_plan_cfo_actuary'], 'ebr'],
  ['Northwind Logistics', ['employer_hr_benefits_leader'], 'qbr'],
  ['Lakeshore Health System', ['it_integration_lead'], 'qbr'],
  ['Granite State ACO', ['health_plan_cfo_actuary', 'health_plan_clinical_lead'], 'ebr'],
  ['Meridian Commercial Health', ['health_plan_executive_sponsor'], 'ebr'],
  ['Cascadia Manufacturing', ['buyer_cfo', 'employer_hr_benefits_leader'], 'ebr'],
  ['Helix Therapeutics', ['pharma_brand_commercial'], 'qbr'],
];

describe('decks API', () => {
  const written: { file: string; slideCount: number; outlineCount: number; chartSlides: number }[] = [];

  it('plans and exports a deck for every revenue model and several audiences', async () => {
    for (const [name, audience, deckType] of EXPORTS) {
      const accountId = ids.get(name)!;
      const outline = await backend.client.call('decks.plan', { accountId, audience, deckType });
      // The main body's bounds are the plan's own (slide-order.ts), not a copy of them.
      expect(outline.slides.filter((s) => s.section === 'main').length).toBeGreaterThanOrEqual(MAIN_SLIDES.min);
      expect(outline.slides.filter((s) => s.section === 'main').length).toBeLessThanOrEqual(MAIN_SLIDES.max);
      const file = path.join(dir, `${name.split(' ')[0]}-${deckType}.pptx`);
      const result = await backend.client.call('decks.export', { accountId, audience, deckType, filePath: file, overwrite: false });
      expect(result.fingerprint).toBe(outline.fingerprint);
      expect(result.slideCount).toBe(outline.renderedSlideCount);
      written.push({ file, slideCount: result.slideCount, outlineCount: outline.renderedSlideCount, chartSlides: outline.slides.filter((s) => s.kind === 'chart' || s.kind === 'funnel').length });
    }
  }, 120_000);

  it('writes compressed packages whose XML is well-formed, with native charts and notes on every slide', async () => {
    for (const deck of written) {
      const bytes = fs.readFileSync(deck.file);
      const zip = await JSZip.loadAsync(bytes);
      const names = Object.keys(zip.files);
      for (const name of names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) {
        expect(xmlProblem(await zip.file(name)!.async('string')), `${deck.file}: ${name}`).toBeNull();
      }
      expect(names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length).toBe(deck.slideCount);
      expect(names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n)).length).toBe(deck.slideCount);
      expect(names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).length).toBe(deck.chartSlides);
    }
  });

  it('every written deck passes ../shared/tools/check-pptx', () => {
    const result = spawnSync(CHECK_PPTX, written.map((d) => d.file), { encoding: 'utf8' });
    for (const deck of written) expect(result.stdout).toContain(`${path.basename(deck.file)}: valid`);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('refuses to replace an existing file unless asked, and records every export on the account', async () => {
    const accountId = ids.get('Northwind Logistics')!;
    const file = written.find((d) => d.file.includes('Northwind'))!.file;
    const before = fs.readFileSync(file);
    const refused = await call(() => backend.client.call('decks.export', { accountId, audience: ['buyer_cfo'], deckType: 'ebr', filePath: file, overwrite: false }));
    expect(refused).toMatchObject({ ok: false, code: 'conflict' });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const replaced = await backend.client.call('decks.export', { accountId, audience: ['buyer_cfo'], deckType: 'ebr', filePath: file, overwrite: true });
    expect(replaced.filePath).toBe(file);
    const records = await backend.client.call('decks.list', { accountId });
    expect(records.map((r) => r.audience)).toEqual([['buyer_cfo'], ['employer_hr_benefits_leader']]);
    expect(records[0]).toMatchObject({ deckType: 'ebr', quarter: '2026Q4', filePath: file, planFingerprint: replaced.fingerprint });
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.qbr-tmp-'))).toEqual([]);
  });

  it('exports the whole portfolio as a job with a per-account summary', async () => {
    const outDir = path.join(dir, 'portfolio');
    fs.mkdirSync(outDir);
    const { jobId } = await backend.client.call('decks.exportPortfolio', { audience: 'auto', deckType: 'qbr', outDir });
    let progress = await backend.client.call('decks.jobProgress', { jobId });
    while (progress.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      progress = await backend.client.call('decks.jobProgress', { jobId });
    }
    expect(progress).toMatchObject({ state: 'done', total: 9, done: 9, failed: [] });
    expect(fs.readdirSync(outDir).sort()).toContain('Riverbend Cardiology Associates 2026Q4 QBR.pptx');
    const again = await backend.client.call('decks.exportPortfolio', { audience: 'auto', deckType: 'qbr', outDir });
    let second = await backend.client.call('decks.jobProgress', { jobId: again.jobId });
    while (second.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      second = await backend.client.call('decks.jobProgress', { jobId: again.jobId });
    }
    expect(second.written).toEqual([]);
    expect(second.failed[0]!.reason).toMatch(/already exists/);
  }, 120_000);
});

describe('qbr deck', () => {
  async function run(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
    return { code, stdout, stderr };
  }

  it('rejects an unknown audience with the list of valid keys (exit 2)', async () => {
    const result = await run(['deck', '--db', workspacePath, '--account', 'Riverbend Cardiology Associates', '--audience', 'cfo', '--out', path.join(dir, 'x.pptx')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown audience "cfo"\. Valid audiences \(see qbr framework\): clinic_administrator, provider_clinician/);
  });

  it('writes a deck (exit 0), refuses to overwrite it (exit 1), replaces it with --force (exit 0)', async () => {
    await backend.close();
    const out = path.join(dir, 'cli-riverbend.pptx');
    const args = ['deck', '--db', workspacePath, '--account', 'Riverbend Cardiology Associates', '--audience', 'clinic_administrator,billing_rcm_staff', '--type', 'qbr', '--quarter', '2026Q3', '--out', out];
    const first = await run(args);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^wrote .*cli-riverbend\.pptx \(\d+ slides\)/);
    const second = await run(args);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already exists/);
    expect((await run([...args, '--force'])).code).toBe(0);
    expect((await run(['deck', '--db', workspacePath, '--account', 'Riverbend Cardiology Associates', '--audience', 'clinic_administrator'])).code).toBe(2);
  }, 60_000);
});
