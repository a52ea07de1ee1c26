import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempBackend } from '../../support/temp-backend';
import { compareRows, importAndWait, importedRows } from './import-test-helpers';

/*
 * The golden corpus (tests/fixtures/csv, table in its README): each real-world quirk yields exactly
 * the expected values in the database and exactly the expected line errors, or a refusal at the
 * expected line — never a silently changed value.
 */

interface Expected {
  rows?: [string, string, string, string, number][];
  errors?: [number, string][];
  refusal?: [string, number | null];
}

const CORPUS = path.resolve('tests/fixtures/csv');
const expected = JSON.parse(fs.readFileSync(path.join(CORPUS, 'expected.json'), 'utf8')).files as Record<string, Expected>;

describe('golden CSV corpus', () => {
  let env: Awaited<ReturnType<typeof openTempBackend>>;
  beforeAll(async () => {
    env = await openTempBackend();
    await env.backend.client.call('demo.load', {});
  });
  afterAll(async () => env.cleanup());

  it('has at least 25 files, each with an expected outcome', () => {
    const files = fs.readdirSync(CORPUS).filter((name) => name.endsWith('.csv'));
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(Object.keys(expected).sort()).toEqual(files.sort());
  });

  for (const [file, outcome] of Object.entries(expected)) {
    it(`${file}: ${outcome.refusal ? `refused (${outcome.refusal[0]})` : `${outcome.rows?.length ?? 0} values, ${outcome.errors?.length ?? 0} errors`}`, async () => {
      const { final } = await importAndWait(env.backend, { source: { kind: 'path', path: path.join(CORPUS, file) }, mode: 'valid-rows' });
      if (outcome.refusal) {
        expect(final.state).toBe('failed');
        expect([final.error?.code, final.error?.line]).toEqual(outcome.refusal);
      } else {
        expect(final.state, JSON.stringify(final.error)).toBe('done');
        const errors = final.result!.rowErrors.map((e) => [e.line, e.code]);
        expect(errors).toEqual(outcome.errors ?? []);
        expect(final.result!.counts.valid).toBe(outcome.rows!.length);
      }
      expect(importedRows(env.backend, file)).toEqual([...(outcome.rows ?? [])].sort(compareRows));
    });
  }
});
