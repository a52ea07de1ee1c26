import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarnessServer, type HarnessServer } from '../../src/main/transports/web/harness-server';
import { openTempBackend } from '../support/temp-backend';

/*
 * Text a CSM pastes from email, a CRM or a hostile source must come back exactly as sent, through
 * the same HTTP transport the renderer uses. (That the UI shows it as text, never as markup, and that
 * decks lay it out, is tested by the UI and deck suites.)
 */
const HOSTILE_NAMES = [
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=fetch(`//evil.example`)>',
  "Robert'); DROP TABLE accounts;--",
  '{{constructor.constructor("alert(1)")()}}',
  'مستشفى الأمل \u202Eevil.exe\u202C',
  'שלום Clinic ‏(RTL)',
  '👩🏽‍⚕️ Care Team 🏥 ❤️‍🩹',
  'Zalgo Z̷̢̛̗a̶͉̓l̵̻̈́g̴̣̈́o̷̞͝',
  'zero\u200Bwidth and\u00A0no-break\u2060joiner',
  '__proto__',
  'C:\\Windows\\System32 ../../etc/passwd',
];

function tenThousandChars(seed: string): string {
  return seed.repeat(Math.ceil(10_000 / seed.length)).slice(0, 10_000);
}

describe('hostile content is stored and returned byte-exact', () => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  let server: HarnessServer;
  beforeEach(async () => {
    ctx = await openTempBackend();
    server = await startHarnessServer({ dispatch: ctx.backend.dispatch, staticDir: path.join(ctx.dir, 'none') });
  });
  afterEach(async () => {
    await server.close();
    await ctx.cleanup();
  });

  async function call(method: string, input: unknown): Promise<any> {
    const response = await fetch(`${server.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-qbr-token': server.token },
      body: JSON.stringify(input),
    });
    return response.json();
  }

  it.each(HOSTILE_NAMES)('account name and notes: %s', async (name) => {
    const notes = tenThousandChars(`${name} <b>bold</b> \u202E `);
    const created = await call('accounts.create', { name, customerSegment: 'employer', buyerType: 'employer', notes });
    expect(created).toMatchObject({ ok: true });
    const fetched = await call('accounts.get', { id: created.value.id });
    expect(fetched.value.name).toBe(name);
    expect(fetched.value.notes).toBe(notes);
    expect(Buffer.from(fetched.value.notes, 'utf8').equals(Buffer.from(notes, 'utf8'))).toBe(true);
    const listed = await call('accounts.list', { search: name.slice(0, 20) });
    expect(listed.value.map((a: { id: string }) => a.id)).toContain(created.value.id);
  });

  it('stakeholder names and 10,000-character success definitions round-trip exactly', async () => {
    const account = await call('accounts.create', { name: 'Hostile Health', customerSegment: 'employer', buyerType: 'employer' });
    for (const personName of HOSTILE_NAMES) {
      const successDefinition = tenThousandChars(`${personName}\n<script>document.cookie</script>\u05D0`);
      const created = await call('stakeholders.create', { accountId: account.value.id, archetype: 'buyer_cfo', personName, successDefinition });
      expect(created, personName).toMatchObject({ ok: true, value: { personName, successDefinition } });
    }
    const listed = await call('stakeholders.list', { accountId: account.value.id });
    expect(listed.value.map((p: { personName: string }) => p.personName).sort()).toEqual([...HOSTILE_NAMES].sort());
  });

  it('a 10,000-character name is refused with a typed error and nothing is stored', async () => {
    const result = await call('accounts.create', { name: tenThousandChars('A'), customerSegment: 'employer', buyerType: 'employer' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await call('accounts.list', {})).value).toEqual([]);
  });

  it('a character no slide can carry (NUL, or Word\'s Shift+Enter U+000B) is refused, naming the field', async () => {
    for (const name of ['null\u0000byte', 'Shift\u000BEnter']) {
      const result = await call('accounts.create', { name, customerSegment: 'employer', buyerType: 'employer' });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: ['name'] }] } } });
    }
    expect((await call('accounts.list', {})).value).toEqual([]);
  });

  it('text SQLite would silently alter (an unpaired surrogate) is refused rather than changed', async () => {
    const result = await ctx.backend.dispatch('accounts.create', { name: 'Broken \uD800 text', customerSegment: 'employer', buyerType: 'employer' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: ['name'] }] } } });
    expect((await call('accounts.list', {})).value).toEqual([]);
  });
});
