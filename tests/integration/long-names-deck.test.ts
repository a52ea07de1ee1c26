import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/transports/cli/main';
import { checkPptx } from '../support/check-pptx';
import { openTempBackend } from '../support/temp-backend';

/*
 * The API allows 200-character names and titles; a deck built around them failed with an internal
 * "subtitle: Too big". Slides now print names shortened between words, the title slide's notes
 * carry them in full, and the deck is a valid package.
 */

/** Words up to exactly `length` characters, so any cut must fall between words. */
function wordsOf(length: number, stem: string): string {
  const words: string[] = [];
  for (let i = 0; words.join(' ').length < length; i += 1) words.push(`${stem}${i}`);
  return words.join(' ').slice(0, length).trimEnd().padEnd(length, 'x');
}

/** Visible text of each part: slides and notes. */
async function partTexts(file: string): Promise<{ slides: string[]; notes: string }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const textOf = async (name: string) => [...(await zip.file(name)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).join(' ');
  const names = Object.keys(zip.files);
  const slides = await Promise.all(names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map(textOf));
  const notes = (await Promise.all(names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n)).map(textOf))).join(' ');
  return { slides, notes };
}

describe('200-character names (the API maximum) on a deck', () => {
  it('qbr deck fits them: shortened between words on slides, in full in the notes, valid package', async () => {
    const ctx = await openTempBackend();
    try {
      const client = ctx.backend.client;
      await client.call('demo.load', {});
      const [account] = await client.call('accounts.list', { search: 'Riverbend' });
      const accountName = wordsOf(200, 'Riverbend');
      const personName = wordsOf(200, 'Whitfield');
      await client.call('accounts.update', { id: account!.id, patch: { name: accountName } });
      for (const stream of await client.call('streams.list', { accountId: account!.id })) {
        await client.call('streams.update', { id: stream.id, patch: { name: wordsOf(200, `Stream${stream.id}`) } });
      }
      for (const person of await client.call('stakeholders.list', { accountId: account!.id })) {
        await client.call('stakeholders.update', { id: person.id, patch: { personName: person.archetype === 'clinic_administrator' ? personName : wordsOf(200, person.archetype), title: wordsOf(200, 'Director') } });
      }
      // One 200-character word: no word boundary to cut at.
      await client.call('settings.update', { companyName: 'C'.repeat(200), csmName: wordsOf(200, 'Sam') });
      await client.call('goals.create', { accountId: account!.id, title: wordsOf(300, 'Goal'), metricKey: 'rpm_enrolled_patients', target: 500 });
      await ctx.backend.close();

      const out = path.join(ctx.dir, 'long-names.pptx');
      let stdout = '';
      let stderr = '';
      const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), env: {} };
      const code = await runCli(['deck', '--db', ctx.workspacePath, '--account', accountName, '--audience', 'clinic_administrator,provider_clinician,billing_rcm_staff,buyer_cfo', '--type', 'ebr', '--out', out], io);
      expect(code, stderr).toBe(0);
      const check = checkPptx([out]);
      expect(check.ok, check.report).toBe(true);

      const { slides, notes } = await partTexts(out);
      // The title slide shows the account's name cut between words, with an ellipsis.
      const shown = /(Riverbend0[^…]*)…/.exec(slides[0]!)?.[1];
      expect(shown).toBeDefined();
      expect(accountName.startsWith(shown!.trimEnd())).toBe(true);
      expect(accountName.charAt(shown!.trimEnd().length)).toBe(' ');
      expect(slides.join(' ')).not.toContain(accountName);
      // Every full name is still in the speaker notes.
      expect(notes).toContain(accountName);
      expect(notes).toContain(personName);
    } finally {
      await ctx.cleanup();
    }
  }, 60_000);
});
