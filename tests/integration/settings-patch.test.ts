import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempBackend } from '../support/temp-backend';

/*
 * Issue 13, item 1: a settings patch changes only the settings it names. zod 4 fills `.default()`
 * values inside `.partial()`, so a patch schema derived from the full schema turned
 * `{ backupsToKeep: 3 }` into "every other setting back to its default".
 */
describe('settings.update with a partial patch', () => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  beforeEach(async () => (ctx = await openTempBackend()));
  afterEach(async () => ctx.cleanup());

  const call = <M extends 'settings.get' | 'settings.update'>(method: M, input: object) => ctx.backend.client.call(method, input as never);

  it('saving one section keeps every other setting', async () => {
    const everything = {
      csmName: 'Jordan Lee',
      companyName: 'Acme Health',
      backupsToKeep: 7,
      onboardingCompleted: true,
      healthWeights: { cpt_rpm: { device_engagement: 50 } },
      brand: { primaryColor: '0F766E' },
    };
    const full = await call('settings.update', everything);
    expect(full).toMatchObject(everything);

    // Each section of the Settings screen saves only its own fields.
    const afterBackups = await call('settings.update', { backupsToKeep: 3 });
    expect(afterBackups).toEqual({ ...full, backupsToKeep: 3 });
    const afterBrand = await call('settings.update', { companyName: 'Acme Health Inc.', brand: { primaryColor: 'C2410C' } });
    expect(afterBrand).toEqual({ ...full, backupsToKeep: 3, companyName: 'Acme Health Inc.', brand: { primaryColor: 'C2410C' } });
    const afterWeights = await call('settings.update', { healthWeights: {} });
    expect(afterWeights).toMatchObject({ csmName: 'Jordan Lee', companyName: 'Acme Health Inc.', backupsToKeep: 3, onboardingCompleted: true, healthWeights: {} });

    // And the file holds the same: only named keys were written.
    expect(await call('settings.get', {})).toEqual(afterWeights);
  });

  it('an empty patch changes nothing and writes nothing', async () => {
    await call('settings.update', { csmName: 'Jordan Lee', onboardingCompleted: true });
    const before = ctx.backend.workspace.sqlite!.prepare('SELECT key, value_json, updated_at FROM settings ORDER BY key').all();
    expect(await call('settings.update', {})).toMatchObject({ csmName: 'Jordan Lee', onboardingCompleted: true, backupsToKeep: 10 });
    expect(ctx.backend.workspace.sqlite!.prepare('SELECT key, value_json, updated_at FROM settings ORDER BY key').all()).toEqual(before);
  });
});
