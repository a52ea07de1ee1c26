import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRefusedError } from '../../src/main/services/metrics-import/import-refused-error';
import { commitMetricsImport, previewMetricsImport } from '../../src/main/services/metrics-import/run-import';
import { openTempBackend } from '../support/temp-backend';

/*
 * Byte-level fuzzing of the CSV importer (the golden corpus of expected rows is the importer's own
 * suite). Inputs are random bytes and mutations of the corpus files: flipped, inserted and deleted
 * bytes, encodings' byte-order marks, stray quotes, separators and line breaks, truncation. Every
 * input is previewed; a share is also committed. Properties: nothing throws except a typed refusal,
 * no unhandled rejection, a preview never writes, and a commit that does not commit changes nothing.
 */

const PREVIEW_RUNS = Number(process.env.QBR_FUZZ_IMPORT_RUNS ?? 10_000);
const COMMIT_RUNS = Math.ceil(PREVIEW_RUNS / 10);
const SEED = Number(process.env.QBR_FUZZ_SEED ?? 20_261_115);
const CORPUS_DIR = path.resolve('tests/fixtures/csv');

/** Bytes that matter to a CSV reader. */
const SPECIAL_BYTES = [0x22, 0x2c, 0x3b, 0x09, 0x0d, 0x0a, 0x00, 0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x5c, 0x20, 0x2e, 0x25, 0x2d, 0xc3, 0x80];

function corpus(): Buffer[] {
  const files = fs.existsSync(CORPUS_DIR) ? fs.readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.csv')) : [];
  const seeds = files.map((name) => fs.readFileSync(path.join(CORPUS_DIR, name)));
  // A clean file of our own, so there is always a valid seed whatever the corpus holds.
  seeds.push(Buffer.from('account,stream,metric,month,value\nFuzz Clinic,,rpm_enrolled_patients,2026-05,120\nFuzz Clinic,,rpm_eligible_patients,2026-05,400\n'));
  return seeds;
}

function mutate(seed: Buffer): fc.Arbitrary<Buffer> {
  const position = fc.nat({ max: Math.max(seed.length, 1) });
  const byte = fc.oneof(fc.constantFrom(...SPECIAL_BYTES), fc.integer({ min: 0, max: 255 }));
  const edit = fc.oneof(
    fc.tuple(fc.constant('flip' as const), position, byte),
    fc.tuple(fc.constant('insert' as const), position, byte),
    fc.tuple(fc.constant('delete' as const), position, fc.constant(0)),
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(edit, { minLength: 1, maxLength: 12 }).map((edits) => applyEdits(seed, edits)) },
    { weight: 1, arbitrary: position.map((at) => seed.subarray(0, at)) },
    { weight: 1, arbitrary: fc.constantFrom(Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff]), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('sep=;\n')).map((prefix) => Buffer.concat([prefix, seed])) },
    { weight: 1, arbitrary: fc.integer({ min: 2, max: 40 }).map((times) => Buffer.concat([seed, ...Array.from({ length: times }, () => seed.subarray(seed.indexOf(0x0a) + 1))])) },
  );
}

function applyEdits(seed: Buffer, edits: ['flip' | 'insert' | 'delete', number, number][]): Buffer {
  let bytes = Buffer.from(seed);
  for (const [kind, at, value] of edits) {
    const i = Math.min(at, bytes.length);
    if (kind === 'flip' && i < bytes.length) bytes[i] = value;
    else if (kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from([value]), bytes.subarray(i)]);
    else if (kind === 'delete' && i < bytes.length) bytes = Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)]);
  }
  return bytes;
}

describe('CSV importer fuzzing (byte level)', () => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  let inputFile: string;
  let payloads: fc.Arbitrary<Buffer>;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  const figures = { previews: 0, previewRefusals: 0, commits: 0, committed: 0, commitRefusals: 0 };

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    ctx = await openTempBackend();
    // Names the corpus uses, so mutated rows still reach validation and writing.
    for (const name of ['Fuzz Clinic', 'Riverbend Cardiology Associates', 'Northwind Logistics', 'Lakeshore Health System']) {
      await ctx.backend.client.call('accounts.create', { name, customerSegment: 'physician_practice', buyerType: 'provider' });
    }
    inputFile = path.join(ctx.dir, 'fuzz.csv');
    const seeds = corpus();
    payloads = fc.oneof(
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 3_000 }).map((b) => Buffer.from(b)) },
      { weight: 4, arbitrary: fc.constantFrom(...seeds).chain(mutate) },
    );
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await ctx?.cleanup();
    console.log(`fuzz-import: ${JSON.stringify(figures)}, seed ${SEED}`);
  });

  const dataVersion = () => Number(ctx.backend.workspace.sqlite!.pragma('data_version', { simple: true }));
  const rowCount = () => Number(ctx.backend.workspace.sqlite!.prepare('SELECT count(*) FROM metric_observations').pluck().get());

  it(`previews ${PREVIEW_RUNS} arbitrary and mutated files: a result or a typed refusal, never a write`, async () => {
    await fc.assert(
      fc.asyncProperty(payloads, async (bytes) => {
        fs.writeFileSync(inputFile, bytes);
        const before = dataVersion();
        const preview = await previewMetricsImport(ctx.backend.workspace, { source: { kind: 'path', path: inputFile } }, { remembered: {}, now: () => new Date('2026-11-15T10:00:00Z') });
        figures.previews += 1;
        if (preview.refusal) figures.previewRefusals += 1;
        expect(typeof preview.counts.rows).toBe('number');
        expect(preview.errorCount).toBeGreaterThanOrEqual(0);
        expect(dataVersion()).toBe(before);
      }),
      { numRuns: PREVIEW_RUNS, seed: SEED, endOnFailure: true },
    );
    expect(figures.previews).toBeGreaterThanOrEqual(PREVIEW_RUNS);
    expect(unhandled).toEqual([]);
  }, 600_000);

  it(`commits ${COMMIT_RUNS} of them: all-or-nothing holds, a refused or failed file changes nothing`, async () => {
    await fc.assert(
      fc.asyncProperty(payloads, async (bytes) => {
        fs.writeFileSync(inputFile, bytes);
        const before = { version: dataVersion(), rows: rowCount() };
        figures.commits += 1;
        try {
          const result = await commitMetricsImport(
            ctx.backend.workspace,
            { source: { kind: 'path', path: inputFile } },
            { mode: 'all-or-nothing', now: () => new Date('2026-11-15T10:00:00Z'), remembered: {}, backup: async () => null },
          );
          if (result.committed) {
            figures.committed += 1;
            expect(result.errorCount).toBe(0);
            expect(rowCount()).toBe(before.rows + result.counts.added);
          } else {
            expect(dataVersion()).toBe(before.version);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(ImportRefusedError);
          figures.commitRefusals += 1;
          expect(dataVersion()).toBe(before.version);
        }
      }),
      { numRuns: COMMIT_RUNS, seed: SEED + 1, endOnFailure: true },
    );
    expect(ctx.backend.workspace.sqlite!.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(unhandled).toEqual([]);
  }, 600_000);
});
