import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPptx } from '../../support/check-pptx';
import { openTempBackend } from '../../support/temp-backend';
import { demoDecks, lintLines, type DemoDeck } from './demo-decks';

/*
 * The deck lint over the whole demo portfolio: every account × QBR/EBR × its audiences is planned
 * through the API and must come back with no finding (nothing of the CSM's layer on a slide, no cut
 * or raw text, at most twelve main slides that mostly look forward). Each account's decks are then
 * rendered and checked as files: schema-valid, a real title placeholder on every slide, nothing
 * shortened with an ellipsis, no continuation slide with fewer than four rows, and LibreOffice
 * opening them to one page per slide.
 */

let ctx: Awaited<ReturnType<typeof openTempBackend>>;
let decks: DemoDeck[];

beforeAll(async () => {
  // Two months into a quarter: the longest period labels ("Q4 2026 to date (Oct–Nov)") the decks carry.
  ctx = await openTempBackend({ now: new Date('2026-12-03T10:00:00.000Z') });
  await ctx.backend.client.call('demo.load', {});
  decks = await demoDecks(ctx.backend.client);
}, 120_000);

afterAll(async () => {
  await ctx?.cleanup();
});

/** The text of every run on a slide. */
function runs(xml: string): string[] {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
}

/** The slides of a .pptx in order, as XML. */
async function slideXml(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const names = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
  names.sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  return Promise.all(names.map((name) => zip.file(name)!.async('string')));
}

describe('deck lint over every demo deck', () => {
  it('covers every demo account, both deck types and each audience', () => {
    expect(new Set(decks.map((d) => d.accountId)).size).toBe(9);
    expect(decks.length).toBeGreaterThanOrEqual(40);
  });

  it('plans every deck customer-ready: no finding from the lint', async () => {
    const findings: string[] = [];
    for (const deck of decks) {
      const outline = await ctx.backend.client.call('decks.plan', { accountId: deck.accountId, audience: deck.audience, deckType: deck.deckType });
      findings.push(...lintLines(deck, outline));
    }
    expect(findings).toEqual([]);
  }, 300_000);

  it('renders each account\'s QBR and EBR as valid files: title placeholders, nothing shortened, no thin continuation slide', async () => {
    const outDir = path.join(ctx.dir, 'decks');
    fs.mkdirSync(outDir);
    const files: { file: string; slideCount: number; label: string }[] = [];
    const primary = decks.filter((deck, i) => decks.findIndex((d) => d.accountId === deck.accountId && d.deckType === deck.deckType) === i);
    for (const deck of primary) {
      const file = path.join(outDir, `${deck.accountName} ${deck.deckType}.pptx`);
      const exported = await ctx.backend.client.call('decks.export', { accountId: deck.accountId, audience: deck.audience, deckType: deck.deckType, filePath: file });
      files.push({ file, slideCount: exported.slideCount, label: deck.label });
    }
    const check = checkPptx(files.map((f) => f.file));
    expect(check.ok, check.report).toBe(true);

    const problems: string[] = [];
    for (const { file, label } of files) {
      const slides = await slideXml(file);
      slides.forEach((xml, i) => {
        const where = `${label} · slide ${i + 1}`;
        if (!/<p:ph\b[^>]*\btype="(title|ctrTitle)"/.test(xml)) problems.push(`${where}: no title placeholder`);
        const text = runs(xml);
        const cut = text.find((t) => t.includes('…'));
        if (cut) problems.push(`${where}: shortened text "${cut}"`);
        const titleShape = xml.split('</p:sp>').find((shape) => /<p:ph\b[^>]*\btype="(title|ctrTitle)"/.test(shape)) ?? '';
        const title = runs(titleShape).join('');
        if (!title.trim()) problems.push(`${where}: empty title`);
        if (title.endsWith('(cont.)')) {
          const rows = (xml.match(/<a:tr /g) ?? []).length - 1;
          if (rows < 4) problems.push(`${where}: continuation slide with ${rows} row(s)`);
        }
      });
    }
    expect(problems).toEqual([]);

    // LibreOffice opens them with one page per slide (three decks: one conversion costs seconds).
    const sample = files.filter((_, i) => i % 6 === 0);
    const profile = `file://${path.join(ctx.dir, 'soffice-profile')}`;
    const convert = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...sample.map((f) => f.file)], { encoding: 'utf8', timeout: 300_000 });
    expect(convert.status, convert.stderr).toBe(0);
    for (const { file, slideCount } of sample) {
      const info = spawnSync('pdfinfo', [file.replace(/\.pptx$/, '.pdf')], { encoding: 'utf8' });
      expect(Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]), file).toBe(slideCount);
    }
  }, 600_000);
});

describe('two layers: the customer deck and the CSM prep brief', () => {
  it('Northwind\'s CFO EBR keeps the renewal-trap signal, its play and the sponsor\'s silence off every slide and in the prep brief', async () => {
    const accounts = await ctx.backend.client.call('accounts.list', {});
    const northwind = accounts.find((a) => a.name === 'Northwind Logistics')!;
    const outline = await ctx.backend.client.call('decks.plan', { accountId: northwind.id, audience: ['buyer_cfo'], deckType: 'ebr' });
    const insights = await ctx.backend.client.call('insights.account', { accountId: northwind.id });
    const trap = insights.signals.find((s) => s.key === 'pmpm_guaranteed_revenue_trap')!;
    const silence = insights.signals.find((s) => s.key === 'sponsor_not_engaged')!;
    expect(trap).toBeDefined();
    expect(silence).toBeDefined();
    const onSlides = JSON.stringify(outline.slides.map((s) => [s.title, s.subtitle]));
    expect(onSlides).not.toContain(trap.headline);
    expect(onSlides).not.toMatch(/days since|not engaged|critical risk/i);
    const brief = outline.prepBrief.sections.flatMap((s) => s.items).join('\n');
    expect(brief).toContain(trap.headline);
    expect(brief).toContain(trap.play.summary);
    expect(brief).toMatch(/Tom Brennan \(CFO\): last engaged .+, \d+ days ago\. Reconnect before the meeting\./);
    // The presenter still has it: the title slide's speaker notes carry the brief.
    expect(outline.slides[0]!.notes).toContain('PREP BRIEF');
    expect(outline.slides[0]!.notes).toContain(trap.headline);
  });

  it('the lint finds internal text when a CSM\'s edit puts a signal on a slide', async () => {
    const accounts = await ctx.backend.client.call('accounts.list', {});
    const northwind = accounts.find((a) => a.name === 'Northwind Logistics')!;
    const insights = await ctx.backend.client.call('insights.account', { accountId: northwind.id });
    const trap = insights.signals.find((s) => s.key === 'pmpm_guaranteed_revenue_trap')!;
    const outline = await ctx.backend.client.call('decks.plan', {
      accountId: northwind.id,
      audience: ['buyer_cfo'],
      deckType: 'ebr',
      edits: { titles: { decisions: `${trap.headline}: see us after` } },
    });
    expect(outline.lint).toContainEqual(expect.objectContaining({ rule: 'internal-on-slide', slideId: 'decisions' }));
  });
});
