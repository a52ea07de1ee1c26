import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchetypeKey } from '../../src/shared/framework/keys';
import { checkPptx } from '../support/check-pptx';
import { openTempBackend } from '../support/temp-backend';

/*
 * The property behind the text rule: whatever string the API accepts, in any name, title, note or
 * setting a deck prints, the exported deck is a valid package (check-pptx). Strings mix arbitrary
 * code points, XML-illegal and XML-special characters, bidi and zero-width marks, emoji, and long
 * runs of words up to and past the API's limits. check-pptx is slow (a Python process), so the run
 * count is modest: each run puts about twenty generated strings into one deck.
 */

const RUNS = Number(process.env.QBR_DECK_TEXT_RUNS ?? 8);
const SEED = Number(process.env.QBR_FUZZ_SEED ?? 20_261_115);

const SPECIAL = ['\u0000', '\u0001', '\u000B', '\u000C', '\u001B', '\uFFFE', '\uFFFF', '\uD800', '\uDC00', '\t', '\n', '\r\n', ' ', '&', '<', '>', ']]>', '"', "'", '&amp;', '\u202E', '\u200B', '\u00A0', '😀', '👩🏽‍⚕️', 'e\u0301', 'ﬁ'];
const WORDS = ['Riverbend', 'Cardiology', 'Associates', 'of', 'the', 'Greater', 'Valley', 'Health', 'System', 'Vice', 'President,', 'Population', '—', 'Care'];

const text: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 220 }),
  fc.string({ unit: 'grapheme', maxLength: 220 }),
  fc.array(fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ unit: 'grapheme-ascii', maxLength: 12 })), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 45 }).map((words) => words.join(' ')),
  fc.nat({ max: 320 }).map((length) => 'W'.repeat(length)),
);

const AUDIENCE: ArchetypeKey[] = ['clinic_administrator', 'provider_clinician', 'billing_rcm_staff', 'buyer_cfo'];

describe('any text the API accepts yields a deck check-pptx accepts', () => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  let accountId: string;
  beforeAll(async () => {
    ctx = await openTempBackend();
    await ctx.backend.client.call('demo.load', {});
    accountId = (await ctx.backend.client.call('accounts.list', { search: 'Riverbend' }))[0]!.id;
  });
  afterAll(async () => ctx.cleanup());

  /** Runs one call; a refusal must be a typed invalid_input or conflict, never anything else. */
  async function tryCall(method: string, input: unknown): Promise<boolean> {
    const result = await ctx.backend.dispatch(method, input);
    if (!result.ok) expect(['invalid_input', 'conflict'], `${method}: ${result.error.message}`).toContain(result.error.code);
    return result.ok;
  }

  it('for generated names, titles, goals, settings and slide edits', async () => {
    let run = 0;
    const accepted = { count: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          account: text,
          stream: text,
          people: fc.array(fc.tuple(text, text), { minLength: 4, maxLength: 4 }),
          goals: fc.array(text, { minLength: 2, maxLength: 4 }),
          companyName: text,
          csmName: text,
          slideTitle: text,
          slideNotes: text,
          successDefinition: text,
        }),
        async (strings) => {
          run += 1;
          const count = (ok: boolean) => ok && (accepted.count += 1);
          if (!(await tryCall('accounts.update', { id: accountId, patch: { name: strings.account } }))) {
            await ctx.backend.client.call('accounts.update', { id: accountId, patch: { name: `Riverbend run ${run}` } });
          } else count(true);
          const [stream] = await ctx.backend.client.call('streams.list', { accountId });
          count(await tryCall('streams.update', { id: stream!.id, patch: { name: strings.stream } }));
          const people = await ctx.backend.client.call('stakeholders.list', { accountId });
          for (const [index, [personName, title]] of strings.people.entries()) {
            const archetype = AUDIENCE[index]!;
            const existing = people.find((p) => p.archetype === archetype);
            const patch = { personName, title, successDefinition: strings.successDefinition };
            count(existing ? await tryCall('stakeholders.update', { id: existing.id, patch }) : await tryCall('stakeholders.create', { accountId, archetype, ...patch }));
          }
          for (const goal of await ctx.backend.client.call('goals.list', { accountId })) await ctx.backend.client.call('goals.delete', { id: goal.id });
          for (const title of strings.goals) count(await tryCall('goals.create', { accountId, title, metricKey: 'rpm_enrolled_patients', unit: title.slice(0, 200), target: 100, current: 7 }));
          count(await tryCall('settings.update', { companyName: strings.companyName }));
          count(await tryCall('settings.update', { csmName: strings.csmName }));

          const edits = { titles: { title: strings.slideTitle, decisions: strings.slideTitle }, notes: { title: strings.slideNotes } };
          const withEdits = await tryCall('decks.plan', { accountId, audience: AUDIENCE, deckType: 'qbr', edits });
          const file = path.join(ctx.dir, `property-${run}.pptx`);
          const exported = await ctx.backend.dispatch('decks.export', { accountId, audience: AUDIENCE, deckType: run % 2 ? 'qbr' : 'ebr', filePath: file, ...(withEdits ? { edits } : {}) });
          expect(exported, JSON.stringify(exported)).toMatchObject({ ok: true });
          const check = checkPptx([file]);
          expect(check.ok, check.report).toBe(true);
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // The generators must reach the deck, not just be refused.
    expect(accepted.count).toBeGreaterThan(RUNS * 5);
  }, 300_000);
});
