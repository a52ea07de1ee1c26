import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../src/shared/api/errors';
import type { Backend } from '../../src/main/api/backend';
import { openTempBackend } from '../support/temp-backend';

/*
 * Issue 15: a deck's decisions and next-90-days actions become ledger entries when the CSM accepts
 * them at export; next quarter's deck opens (after the title) with what became of each, and the
 * decisions still open carry over. End to end through the API: export, mark, export again, read
 * the .pptx.
 */

let env: Awaited<ReturnType<typeof openTempBackend>>;
let backend: Backend;
const call: Backend['client']['call'] = (...args) => backend.client.call(...args);

beforeEach(async () => {
  env = await openTempBackend();
  backend = env.backend;
  await call('demo.load', {});
});
afterEach(async () => env.cleanup());

async function accountId(search: string): Promise<string> {
  return (await call('accounts.list', { search }))[0]!.id;
}

/** The text runs of every slide of a .pptx, slide by slide in order. */
async function slideTexts(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const names = Object.keys(zip.files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  return Promise.all(names.map(async (name) => [...(await zip.file(name)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]!).join(' ')));
}

async function failure(promise: Promise<unknown>): Promise<ApiFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('commitments ledger', () => {
  it('exports Q3 with accepted commitments, marks them, and finds them with their statuses at the start of the Q4 deck', async () => {
    const id = await accountId('Helix');
    const request = { accountId: id, audience: ['pharma_brand_commercial' as const, 'pharma_medical_affairs' as const], deckType: 'qbr' as const };
    const q3 = await call('decks.plan', { ...request, quarter: '2026Q3' });
    expect(q3.slides.map((s) => s.id)).not.toContain('commitments-review');
    const decisions = q3.proposedCommitments.filter((c) => c.kind === 'decision');
    const actions = q3.proposedCommitments.filter((c) => c.kind === 'action');
    expect(decisions.length).toBeGreaterThan(0);
    expect(actions.length).toBeGreaterThan(1);
    for (const proposal of q3.proposedCommitments) {
      expect(proposal.ownerName).not.toBe('');
      expect(proposal.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }

    // Accept the first decision and two actions, one of them edited; drop the rest.
    const accepted = [
      decisions[0]!,
      { ...actions[0]!, text: 'Share the prescriber engagement report with the brand team every month', dueDate: '2026-10-15' },
      actions[1]!,
    ];
    const edited = await call('decks.plan', { ...request, quarter: '2026Q3', commitments: accepted });
    const next90 = edited.slides.find((s) => s.id === 'next-90-days')!;
    expect(next90.title).toMatch(/^Two actions over the next 90 days/);

    const q3File = path.join(env.dir, 'helix-q3.pptx');
    const exported = await call('decks.export', { ...request, quarter: '2026Q3', commitments: accepted, filePath: q3File });
    expect(exported.commitmentsSaved).toBe(3);
    const q3Texts = (await slideTexts(q3File)).join(' ');
    expect(q3Texts).toContain('Share the prescriber engagement report with the brand team every month');

    const ledger = await call('commitments.list', { accountId: id });
    expect(ledger).toHaveLength(3);
    expect(ledger.every((c) => c.quarterRaised === '2026Q3' && c.deckId === exported.deckId && c.status === 'open')).toBe(true);
    const decision = ledger.find((c) => c.kind === 'decision')!;
    const report = ledger.find((c) => c.text.startsWith('Share the prescriber'))!;
    const other = ledger.find((c) => c.kind === 'action' && c.id !== report.id)!;
    // Due 2026-10-15, still open on 2026-11-15: overdue.
    expect(report.overdue).toBe(true);

    await call('commitments.update', { id: report.id, patch: { status: 'done', outcomeNote: 'Sent monthly since October' } });
    await call('commitments.update', { id: other.id, patch: { status: 'slipped', outcomeNote: 'Waiting on the data extract' } });

    const q4 = await call('decks.plan', { ...request, quarter: '2026Q4' });
    expect(q4.slides.slice(0, 2).map((s) => s.id)).toEqual(['title', 'commitments-review']);
    const review = q4.slides[1]!;
    expect(review.title).toBe('One of the three commitments from Q3 2026 is done; one slipped and one is still open');
    expect(review.subtitle).toBe('What we committed to last quarter · Q3 2026');
    // The decision still open leads today's decisions.
    const decisionsSlide = q4.slides.find((s) => s.id === 'decisions')!;
    expect(decisionsSlide.title).toMatch(/starting with a decision still open from Q3 2026$/);

    const q4File = path.join(env.dir, 'helix-q4.pptx');
    await call('decks.export', { ...request, quarter: '2026Q4', filePath: q4File });
    const texts = await slideTexts(q4File);
    const reviewSlide = texts[1]!;
    expect(reviewSlide).toContain('What we committed to last quarter');
    expect(reviewSlide).toContain('Share the prescriber engagement report with the brand team every month.');
    expect(reviewSlide).toContain('Done');
    expect(reviewSlide).toContain('Sent monthly since October.');
    expect(reviewSlide).toContain('Slipped');
    expect(reviewSlide).toContain('Waiting on the data extract.');
    expect(reviewSlide).toContain('Open');
    expect(reviewSlide).not.toContain('…');
    expect(texts.join(' ')).toContain('Still open from Q3 2026:');
    // A Q4 export without accepted commitments saves nothing new.
    expect(await call('commitments.list', { accountId: id })).toHaveLength(3);
    expect((await call('commitments.list', { accountId: id, status: ['open', 'slipped'] })).map((c) => c.id).sort()).toEqual([decision.id, other.id].sort());
  }, 60_000);

  it('exporting the quarter again updates the same entries and keeps their status', async () => {
    const id = await accountId('Helix');
    const request = { accountId: id, audience: ['pharma_brand_commercial' as const], deckType: 'qbr' as const, quarter: '2026Q3' };
    const plan = await call('decks.plan', request);
    const accepted = plan.proposedCommitments.slice(0, 2);
    await call('decks.export', { ...request, commitments: accepted, filePath: path.join(env.dir, 'a.pptx') });
    const [first] = await call('commitments.list', { accountId: id });
    await call('commitments.update', { id: first!.id, patch: { status: 'done' } });
    await call('decks.export', { ...request, commitments: [{ ...accepted[0]!, text: 'A reworded commitment for the same decision' }, accepted[1]!], filePath: path.join(env.dir, 'b.pptx') });
    const after = await call('commitments.list', { accountId: id });
    expect(after).toHaveLength(2);
    const same = after.find((c) => c.id === first!.id)!;
    expect(same.status).toBe('done');
  }, 60_000);

  it('refuses a commitment without an owner or date, or naming another account\'s stakeholder, and saves nothing', async () => {
    const id = await accountId('Helix');
    const otherPerson = (await call('stakeholders.list', { accountId: await accountId('Riverbend') }))[0]!;
    const request = { accountId: id, audience: ['pharma_brand_commercial' as const], deckType: 'qbr' as const, quarter: '2026Q3' };
    const [proposal] = (await call('decks.plan', request)).proposedCommitments;
    const noOwner = await failure(call('decks.export', { ...request, commitments: [{ ...proposal!, ownerName: '  ' }], filePath: path.join(env.dir, 'x.pptx') }));
    expect(noOwner.code).toBe('invalid_input');
    expect(noOwner.message).toMatch(/Name who owns it/);
    const foreign = await failure(call('decks.export', { ...request, commitments: [{ ...proposal!, stakeholderId: otherPerson.id }], filePath: path.join(env.dir, 'y.pptx') }));
    expect(foreign.code).toBe('invalid_input');
    expect(fs.existsSync(path.join(env.dir, 'y.pptx'))).toBe(false);
    const badStatus = await failure(call('commitments.create', { accountId: id, kind: 'action', text: 'Send the report', ownerSide: 'ours', quarterRaised: '2026Q3', status: 'maybe' as never }));
    expect(badStatus.code).toBe('invalid_input');
    expect(await call('commitments.list', { accountId: id })).toHaveLength(0);
  }, 60_000);

  it('a KPI-linked goal shows the scorecard\'s number on the goals slide, with its baseline at the start month', async () => {
    const id = await accountId('Riverbend');
    const goal = await call('goals.create', { accountId: id, title: 'Raise average device days per patient to 16', metricKey: 'rpm_avg_device_days_per_patient', target: 16, startMonth: '2026-01' });
    expect(goal.kpi).not.toBeNull();
    expect(goal.kpi!.baselineMonth).toBe('2026-01');
    expect(goal.kpi!.current).not.toBeNull();
    expect(goal.kpi!.history[0]!.month).toBe('2026-01');
    expect(goal.kpi!.history.at(-1)).toEqual({ month: goal.kpi!.currentMonth, value: goal.kpi!.current });
    expect(goal.kpi!.baseline).toBe(goal.kpi!.history[0]!.value);

    const plan = await call('decks.plan', { accountId: id, audience: ['clinic_administrator'], quarter: '2026Q3' });
    expect(plan.slides.map((s) => s.id)).toEqual(expect.arrayContaining(['goals', 'scorecard']));
    const file = path.join(env.dir, 'riverbend.pptx');
    await call('decks.export', { accountId: id, audience: ['clinic_administrator'], quarter: '2026Q3', filePath: file });
    const texts = await slideTexts(file);
    const scorecard = texts.find((t) => t.includes('Metrics vs target'))!;
    const goals = texts.find((t) => t.includes('Success plan as of'))!;
    const scorecardValue = scorecard.match(/Average device days per patient (\S+ days)/)![1]!;
    expect(goals).toContain(`Raise average device days per patient to 16 `);
    expect(goals).toContain(scorecardValue);
    expect(goals).not.toContain('Not measured');
  }, 60_000);
});

describe('demo: last quarter\'s commitments and KPI-linked goals', () => {
  it('at least three demo accounts open their current-quarter deck with last quarter\'s commitments in mixed statuses', async () => {
    const accounts = await call('accounts.list', {});
    let withReview = 0;
    for (const account of accounts) {
      const ledger = await call('commitments.list', { accountId: account.id });
      if (ledger.length === 0) continue;
      expect(new Set(ledger.map((c) => c.status)).size).toBeGreaterThan(1);
      expect(ledger.every((c) => c.quarterRaised === '2026Q3' && c.ownerName !== '' && c.dueDate !== null)).toBe(true);
      const audience = (await call('stakeholders.list', { accountId: account.id })).map((p) => p.archetype).slice(0, 1);
      const plan = await call('decks.plan', { accountId: account.id, audience: audience as never });
      expect(plan.quarter).toBe('2026Q4');
      expect(plan.slides[1]!.id).toBe('commitments-review');
      const goals = await call('goals.list', { accountId: account.id });
      expect(goals.some((g) => g.kpi !== null && g.kpi.current !== null && g.kpi.baseline !== null)).toBe(true);
      withReview += 1;
    }
    expect(withReview).toBeGreaterThanOrEqual(3);
  }, 60_000);
});

describe('qbr commitments', () => {
  it('lists the ledger with owners, dates and statuses, as a table or JSON, and refuses an unknown status', async () => {
    const { runCli } = await import('../../src/main/transports/cli/main');
    await backend.close();
    const run = async (argv: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
      return { code, stdout, stderr };
    };
    const table = await run(['commitments', '--db', env.workspacePath, '--account', 'riverbend cardiology associates']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Riverbend Cardiology Associates: 4 commitments, 3 open, 2 overdue/);
    expect(table.stdout).toContain('Decide whether to add a second RPM nurse before the renewal');
    expect(table.stdout).toContain('Slipped (overdue)');
    const json = JSON.parse((await run(['commitments', '--db', env.workspacePath, '--account', 'Riverbend Cardiology Associates', '--status', 'open', '--json'])).stdout);
    expect(json.commitments.map((c: { status: string }) => c.status)).toEqual(['open', 'open']);
    expect(json.commitments[0]).toMatchObject({ ownerName: expect.any(String), dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), quarterRaised: '2026Q3' });
    const bad = await run(['commitments', '--db', env.workspacePath, '--account', 'Riverbend', '--status', 'maybe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown status "maybe"/);
    backend = await (await import('../../src/main/api/backend')).openBackend({ workspacePath: env.workspacePath, transport: 'direct', log: () => {} });
    env.backend = backend;
  }, 60_000);
});

describe('next quarter starts from last quarter\'s edits', () => {
  it('carries the edits whose slide is still there and names the ones that no longer apply', async () => {
    const id = await accountId('Helix');
    const key = { accountId: id, deckType: 'qbr' as const, audience: ['pharma_brand_commercial' as const] };
    expect(await call('decks.lastQuarterEdits', { ...key, quarter: '2026Q4' })).toBeNull();
    await call('decks.saveDraft', {
      ...key,
      quarter: '2026Q3',
      edits: {
        hidden: ['peer-benchmark-gone', 'methodology'],
        order: ['next-90-days', 'decisions'],
        titles: { 'executive-summary': 'Where the program stands', 'retired-slide': 'A slide that is gone' },
        notes: { decisions: 'Open with the renewal question.' },
        sections: { 'kpi-definitions': 'main' },
      },
    });
    const carried = (await call('decks.lastQuarterEdits', { ...key, quarter: '2026Q4' }))!;
    expect(carried.fromQuarter).toBe('2026Q3');
    expect(carried.edits).toEqual({
      hidden: ['methodology'],
      order: ['next-90-days', 'decisions'],
      titles: { 'executive-summary': 'Where the program stands' },
      notes: { decisions: 'Open with the renewal question.' },
      sections: { 'kpi-definitions': 'main' },
    });
    expect(carried.notApplied.map((n) => [n.slideId, n.kind])).toEqual([
      ['peer-benchmark-gone', 'hidden'],
      ['retired-slide', 'title'],
    ]);
    expect(carried.notApplied[1]!.description).toBe('New title “A slide that is gone” for: retired slide');
    // Another audience or deck type does not inherit these edits.
    expect(await call('decks.lastQuarterEdits', { ...key, deckType: 'ebr', quarter: '2026Q4' })).toBeNull();
  }, 60_000);
});
