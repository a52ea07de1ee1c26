import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/transports/cli/main';
import { checkPptx } from '../support/check-pptx';
import { openTempBackend } from '../support/temp-backend';

/*
 * One character XML cannot carry (Word's Shift+Enter is U+000B) in any name, title or note made
 * every deck showing it unreadable, while `qbr deck` said "wrote". The API now refuses such text
 * field by field with one shared rule, and the renderer strips it from text stored before the rule.
 */

/** Every class of XML-illegal character: C0 controls (not tab, LF, CR) and the noncharacters U+FFFE/U+FFFF. */
const ILLEGAL = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u000E', '\u001B', '\u001F', '\uFFFE', '\uFFFF'];

type Dispatch = Awaited<ReturnType<typeof openTempBackend>>['backend']['dispatch'];

/** Each user-text field the API takes, as [method, input with the text in that field, the field's path]. */
function fieldCases(ids: { accountId: string; streamId: string }): [string, (text: string) => unknown, string[]][] {
  const account = { customerSegment: 'employer', buyerType: 'employer' };
  const person = { accountId: ids.accountId, archetype: 'buyer_cfo' };
  const answers = (patch: Record<string, unknown>) => ({ accountId: ids.accountId, quarter: '2026Q3', answers: { streams: [{ id: 'base', howPaid: 'per_member_per_month' }], ...patch } });
  return [
    ['accounts.create', (text) => ({ ...account, name: `Acme ${text}Health` }), ['name']],
    ['accounts.create', (text) => ({ ...account, name: 'Acme Notes', notes: `Call ${text}Monday` }), ['notes']],
    ['accounts.update', (text) => ({ id: ids.accountId, patch: { name: `Renamed ${text}` } }), ['patch', 'name']],
    ['stakeholders.create', (text) => ({ ...person, personName: `Dana ${text}Whitfield` }), ['personName']],
    ['stakeholders.create', (text) => ({ ...person, personName: 'Dana', title: `VP ${text}Finance` }), ['title']],
    ['stakeholders.create', (text) => ({ ...person, personName: 'Dana', email: `dana${text}@example.com` }), ['email']],
    ['stakeholders.create', (text) => ({ ...person, personName: 'Dana', communicationPreference: `Email ${text}` }), ['communicationPreference']],
    ['stakeholders.create', (text) => ({ ...person, personName: 'Dana', successDefinition: `Fewer ${text}readmissions` }), ['successDefinition']],
    ['streams.create', (text) => ({ accountId: ids.accountId, name: `PMPM ${text}base`, revenueModel: 'pmpm_pepm' }), ['name']],
    ['streams.create', (text) => ({ accountId: ids.accountId, name: 'SaaS', revenueModel: 'saas_license', terms: { modules: [`Care ${text}gaps`] } }), ['terms', 'modules', '0']],
    ['goals.create', (text) => ({ accountId: ids.accountId, title: `Raise ${text}engagement` }), ['title']],
    ['goals.create', (text) => ({ accountId: ids.accountId, title: 'Raise engagement', unit: `members${text}` }), ['unit']],
    ['settings.update', (text) => ({ csmName: `Sam ${text}Lee` }), ['csmName']],
    ['settings.update', (text) => ({ companyName: `Vendor ${text}Inc` }), ['companyName']],
    ['decks.plan', (text) => ({ accountId: ids.accountId, audience: ['buyer_cfo'], edits: { titles: { title: `Our ${text}story` } } }), ['edits', 'titles', 'title']],
    ['decks.plan', (text) => ({ accountId: ids.accountId, audience: ['buyer_cfo'], edits: { notes: { title: `Say ${text}this` } } }), ['edits', 'notes', 'title']],
    ['assessments.saveDraft', (text) => answers({ conflictingIncentives: { answer: 'yes', buyerAnswer: `Broad ${text}first` } }), ['answers', 'conflictingIncentives', 'buyerAnswer']],
    ['assessments.saveDraft', (text) => ({ ...(answers({}) as object), orientationNotes: { base: `Because ${text}` } }), ['orientationNotes', 'base']],
  ];
}

describe('text XML cannot carry is refused at the API, naming the field', () => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  let dispatch: Dispatch;
  let ids: { accountId: string; streamId: string };
  beforeEach(async () => {
    ctx = await openTempBackend();
    dispatch = ctx.backend.dispatch;
    const account = await ctx.backend.client.call('accounts.create', { name: 'Northwind', customerSegment: 'employer', buyerType: 'employer' });
    const stream = await ctx.backend.client.call('streams.create', { accountId: account.id, name: 'Base', revenueModel: 'pmpm_pepm' });
    ids = { accountId: account.id, streamId: stream.id };
  });
  afterEach(async () => ctx.cleanup());

  it('every name, title and notes field refuses every XML-illegal character with a message naming it', async () => {
    for (const [method, build, fieldPath] of fieldCases(ids)) {
      for (const character of ILLEGAL) {
        const code = `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
        const result = await dispatch(method, build(character));
        expect(result.ok, `${method} ${fieldPath.join('.')} ${code}`).toBe(false);
        if (result.ok) continue;
        expect(result.error.code).toBe('invalid_input');
        const issues = (result.error.details as { issues: { path: string[]; message: string }[] }).issues;
        expect(issues.map((issue) => issue.path), `${method} ${code}`).toContainEqual(fieldPath);
        expect(result.error.message, `${method} ${code}`).toContain(code);
        expect(result.error.message).toMatch(/cannot be saved or shown on a slide/);
      }
    }
    // Nothing was written by any refused call.
    expect((await ctx.backend.client.call('accounts.list', {})).map((a) => a.name)).toEqual(['Northwind']);
    expect(await ctx.backend.client.call('stakeholders.list', { accountId: ids.accountId })).toEqual([]);
    expect((await ctx.backend.client.call('streams.list', { accountId: ids.accountId })).map((s) => s.name)).toEqual(['Base']);
    expect(await ctx.backend.client.call('goals.list', { accountId: ids.accountId })).toEqual([]);
    expect(await ctx.backend.client.call('settings.get', {})).toMatchObject({ csmName: '', companyName: '' });
  });

  it('says which character and where, in words a user can act on', async () => {
    const result = await dispatch('accounts.create', { name: 'Acme\u000BHealth', customerSegment: 'employer', buyerType: 'employer' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!result.ok && result.error.message).toBe(
      'Invalid input for accounts.create: name: This text contains a vertical tab (Word writes one for Shift+Enter), U+000B, after "Acme", which cannot be saved or shown on a slide; delete it or retype the text.',
    );
  });

  it('tab, line feed and carriage return are ordinary text and still accepted', async () => {
    const notes = 'Line one\nLine two\r\n\tindented';
    const created = await ctx.backend.client.call('accounts.create', { name: 'Tabs\tand lines', customerSegment: 'employer', buyerType: 'employer', notes });
    expect(created).toMatchObject({ name: 'Tabs\tand lines', notes });
  });
});

describe('a workspace holding such text from before the rule still gives a valid deck', () => {
  it('qbr deck strips what XML cannot carry instead of writing a file PowerPoint cannot open', async () => {
    const ctx = await openTempBackend();
    try {
      await ctx.backend.client.call('demo.load', {});
      const [account] = await ctx.backend.client.call('accounts.list', { search: 'Riverbend' });
      await ctx.backend.close();
      // What an older version let in: written straight into the file, as the API allowed it then.
      const sqlite = new Database(ctx.workspacePath);
      sqlite.prepare('UPDATE accounts SET name = ? WHERE id = ?').run('Riverbend\u000BCardiology\u0001', account!.id);
      sqlite.prepare('UPDATE revenue_streams SET name = name || ? WHERE account_id = ?').run('\u000C\uFFFF', account!.id);
      sqlite.prepare('UPDATE stakeholders SET person_name = person_name || ?, title = title || ? WHERE account_id = ?').run('\u0008', '\u001F', account!.id);
      sqlite.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('companyName', ?, '2026-01-01T00:00:00.000Z') ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json").run(JSON.stringify('Vendor\u000BInc'));
      sqlite.close();
      const out = path.join(ctx.dir, 'legacy.pptx');
      let stdout = '';
      let stderr = '';
      const code = await runCli(['deck', '--db', ctx.workspacePath, '--account', 'Riverbend\u000BCardiology\u0001', '--audience', 'clinic_administrator,billing_rcm_staff', '--out', out], {
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
        env: {},
      });
      expect(code, stderr).toBe(0);
      expect(stdout).toMatch(/wrote/);
      const check = checkPptx([out]);
      expect(check.ok, check.report).toBe(true);
    } finally {
      await ctx.cleanup();
    }
  }, 60_000);
});
