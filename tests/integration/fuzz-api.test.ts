import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiHandlers, type ApiHandlers } from '../../src/main/api/api-handlers';
import { createDispatcher, type ApiDispatcher } from '../../src/main/api/dispatch';
import type { WorkspaceControl } from '../../src/main/api/host/workspace-control';
import { describeWorkspace } from '../../src/main/api/host/workspace-control';
import { API_METHOD_NAMES, apiContract, type ApiMethodName } from '../../src/shared/api/contract';
import { API_ERROR_CODES } from '../../src/shared/api/errors';
import { seedFor, type SeedIds } from '../support/contract-seeds';
import { FIXED_NOW, openTempBackend, sequentialIds } from '../support/temp-backend';

/*
 * Property-based fuzzing of every API method through the validating dispatcher (the entry point
 * IPC and the browser harness use). Per method: FUZZ_RUNS payloads, a quarter arbitrary values of
 * any shape, the rest mutations of a seed derived from the contract. For every call: no throw, no
 * unhandled rejection, a typed error when it fails, no handler run when the input does not match
 * the contract, and the database exactly as it was whenever the call is rejected.
 */

const FUZZ_RUNS = Number(process.env.QBR_FUZZ_RUNS ?? 1_000);
const FUZZ_SEED = Number(process.env.QBR_FUZZ_SEED ?? 20_261_115);

/** Property names that mean "a file on disk": such handlers are replaced by recorders so fuzzing never writes outside the temp folder. */
const FILE_INPUT = /path|file|folder|dir/i;

const ANY_VALUE = { withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withObjectString: true, maxDepth: 4 } as const;

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(ANY_VALUE),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.double(),
  fc.integer(),
  fc.constantFrom<unknown>(
    NaN, Infinity, -Infinity, -0, 1e308, 2 ** 53, -1, '', ' ', '\uD800', '\u0000', 'x'.repeat(100_000), null, undefined, [], {},
    '__proto__', '2026-02-30', '9999-99-99', '2026-13', '<script>alert(1)</script>', '../../etc/passwd', true, false,
  ),
);

/** Payloads built from a seed: values swapped, keys dropped or added, wrapped, deeply nested. */
function mutationsOf(seed: unknown): fc.Arbitrary<unknown> {
  const base = typeof seed === 'object' && seed !== null && !Array.isArray(seed) ? (seed as Record<string, unknown>) : {};
  const keys = Object.keys(base);
  const keyArb = keys.length ? fc.constantFrom(...keys) : fc.constant('x');
  const withKey = (object: Record<string, unknown>, key: string, value: unknown) => {
    const copy = { ...object };
    // defineProperty, so '__proto__' becomes an own key as JSON.parse would make it.
    Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
    return copy;
  };
  const nestedFieldMutation = fc.tuple(keyArb, fc.string({ maxLength: 12 }), hostileValue).map(([key, inner, value]) => {
    const current = base[key];
    const object = typeof current === 'object' && current !== null && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
    return withKey(base, key, withKey(object, inner, value));
  });
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(seed) },
    { weight: 6, arbitrary: fc.tuple(keyArb, hostileValue).map(([key, value]) => withKey(base, key, value)) },
    { weight: 3, arbitrary: fc.dictionary(keyArb, hostileValue, { maxKeys: 3 }).map((changes) => ({ ...base, ...changes })) },
    { weight: 2, arbitrary: keyArb.map((key) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key))) },
    { weight: 3, arbitrary: fc.tuple(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString')), hostileValue).map(([key, value]) => withKey(base, key, value)) },
    { weight: 2, arbitrary: nestedFieldMutation },
    { weight: 1, arbitrary: fc.constantFrom<unknown>([seed], { input: seed }, JSON.stringify(seed), null, undefined) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1, max: 1_000 }).map((depth) => {
        let value: unknown = seed;
        for (let i = 0; i < depth; i += 1) value = { ...base, nested: value };
        return value;
      }),
    },
  );
}

describe('API fuzzing', () => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  let dispatch: ApiDispatcher;
  let ran: string[] = [];
  let ids: SeedIds;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  const measured: Record<string, { runs: number; rejected: number; invalid: number; ok: number; ms: number }> = {};

  /** Cheap change detectors for the connection the handlers use, plus a full-content hash when they move. */
  const changeCounters = () => {
    const sqlite = ctx.backend.workspace.sqlite!;
    return `${sqlite.prepare('SELECT total_changes()').pluck().get()}/${sqlite.pragma('data_version', { simple: true })}`;
  };
  const contentHash = () => {
    const sqlite = ctx.backend.workspace.sqlite!;
    const hash = createHash('sha256');
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    for (const table of tables) {
      hash.update(`\n#${table}\n`);
      const rows = sqlite.prepare(`SELECT * FROM "${table}"`).raw().all().map((row) => JSON.stringify(row)).sort();
      for (const row of rows) hash.update(row).update('\n');
    }
    hash.update(`v${sqlite.pragma('user_version', { simple: true })}`);
    return hash.digest('hex');
  };

  /** A fresh, small workspace per method, so what one method wrote cannot slow or skew the next. */
  async function freshWorkspace(): Promise<void> {
    await ctx?.cleanup();
    ctx = await openTempBackend();
    const seeded = ctx.backend.client;
    const account = await seeded.call('accounts.create', { name: 'Fuzz Clinic', customerSegment: 'physician_practice', buyerType: 'provider' });
    await seeded.call('accounts.create', { name: 'Fuzz Employer', customerSegment: 'employer', buyerType: 'employer' });
    ids = { accountIds: [account.id], streamIds: [], stakeholderIds: [], goalIds: [] };
    ctx.backend.workspace.sqlite!
      .prepare("INSERT INTO metric_observations (account_id, stream_id, metric_key, month, value, source, updated_at) VALUES (?, '', 'enrolled_patients', '2026-05', 120, 'seed', 'x')")
      .run(account.id);

    // Switching files is the host's job: a recorder stands in, so fuzzed paths never open real files.
    const control: WorkspaceControl = {
      state: () => describeWorkspace({ path: ctx.workspacePath, workspace: ctx.backend.workspace, problem: null, newestGoodBackup: null, canSwitch: true }),
      recent: async () => [],
      forgetRecent: async () => [],
      open: async () => control.state(),
      create: async () => control.state(),
      restoreBackup: async () => ({ restoredFrom: 'x', keptAsidePath: null, workspace: control.state() }),
      // Fuzzed host names never reach the network.
      connectTeam: async () => ({ workspace: control.state(), location: 'postgres://fuzz@localhost:5432/fuzz', password: { kept: 'none', message: 'x' } }),
      testTeamConnection: async () => ({ location: 'postgres://fuzz@localhost:5432/fuzz', found: 'workspace', schemaVersion: 1, message: 'x' }),
      passwordStorage: () => ({ kind: 'memory', message: 'x' }),
    };
    const real = createApiHandlers({ workspace: ctx.backend.workspace, now: () => FIXED_NOW, newId: sequentialIds('fz'), appVersion: 'fuzz', transport: 'direct', workspaceControl: control });
    const spied = Object.fromEntries(
      Object.entries(real).map(([name, handler]) => {
        const run = touchesFiles(name as ApiMethodName) ? async () => null : (handler as (input: unknown) => Promise<unknown>);
        return [name, (input: unknown) => (ran.push(name), run(input))];
      }),
    ) as unknown as ApiHandlers;
    dispatch = createDispatcher(spied, (message) => process.env.QBR_FUZZ_LOG && console.error(message));
  }

  beforeAll(() => {
    process.on('unhandledRejection', onUnhandled);
  });
  beforeEach(freshWorkspace);

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await ctx?.cleanup();
    const total = Object.values(measured).reduce((sum, m) => sum + m.runs, 0);
    const rejected = Object.values(measured).reduce((sum, m) => sum + m.rejected, 0);
    const invalid = Object.values(measured).reduce((sum, m) => sum + m.invalid, 0);
    // Printed for the README's reliability section.
    console.log(`fuzz-api: ${Object.keys(measured).length} methods, ${total} payloads (${invalid} refused by the contract, ${rejected} rejected in all), seed ${FUZZ_SEED}`);
    if (process.env.QBR_FUZZ_LOG) console.log(JSON.stringify(measured));
  });

  it.each(API_METHOD_NAMES.map((m) => [m]))('%s survives arbitrary and mutated payloads', async (method) => {
    const schema = apiContract[method].input as z.ZodType;
    const seed = seedFor(schema, ids);
    const payloads = fc.oneof({ weight: 1, arbitrary: fc.anything(ANY_VALUE) }, { weight: 3, arbitrary: mutationsOf(seed) });
    const stats = (measured[method] = { runs: 0, rejected: 0, invalid: 0, ok: 0, ms: 0 });
    const started = performance.now();
    let knownHash = contentHash();

    await fc.assert(
      fc.asyncProperty(payloads, async (input) => {
        stats.runs += 1;
        ran = [];
        const before = changeCounters();
        const validInput = schema.safeParse(input === undefined ? {} : input).success;
        const result = await dispatch(method, input);
        const after = changeCounters();

        expect(typeof result.ok).toBe('boolean');
        if (result.ok) {
          stats.ok += 1;
          if (after !== before) knownHash = contentHash();
          return;
        }
        stats.rejected += 1;
        expect(API_ERROR_CODES).toContain(result.error.code);
        expect(typeof result.error.message).toBe('string');
        expect(result.error.message).not.toMatch(/\n\s+at /);
        if (!validInput) {
          // Handlers may also answer invalid_input for rules a schema cannot express; input the contract refuses never reaches one.
          stats.invalid += 1;
          expect(result.error.code).toBe('invalid_input');
          expect(ran, 'a handler ran on input the contract rejects').toEqual([]);
        }
        expect(result.error.code, `unexpected internal error for ${method}`).not.toBe('internal');
        // A rejected call leaves the database as it was: checked in full whenever a counter moved, and every 25th call regardless.
        if (after !== before || stats.rejected % 25 === 0) expect(contentHash()).toBe(knownHash);
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED + API_METHOD_NAMES.indexOf(method), endOnFailure: true },
    );
    stats.ms = Math.round(performance.now() - started);
    expect(stats.runs).toBeGreaterThanOrEqual(FUZZ_RUNS);
    expect(unhandled).toEqual([]);
  });

  function touchesFiles(method: ApiMethodName): boolean {
    try {
      const json = z.toJSONSchema(apiContract[method].input as z.ZodType, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
      return Object.keys(json.properties ?? {}).some((key) => FILE_INPUT.test(key));
    } catch {
      return false;
    }
  }
});
