import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paginateDeck } from '../../../src/main/render/deck-pages';
import { renderDeck } from '../../../src/main/render/render-deck';
import type { DeckDocument } from '../../../src/shared/deck/deck-document';
import { deckDocumentSchema } from '../../../src/shared/deck/deck-document';
import { LONG_ACCOUNT_NAME, richSampleDocument } from '../../support/deck-fixtures';
import { xmlProblem, zipEntries } from '../../support/pptx-inspect';
import { checkPptxPath } from '../../support/check-pptx';

const CHECK_PPTX = checkPptxPath();

let document: DeckDocument;
let bytes: Buffer;
let zip: JSZip;
let dir: string;
const text = (name: string): Promise<string> => zip.file(name)!.async('string');
const slideNames = (): string[] =>
  Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));

beforeAll(async () => {
  document = richSampleDocument();
  bytes = await renderDeck(document);
  zip = await JSZip.loadAsync(bytes);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qbr-deck-'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('renderDeck on a rich sample document', () => {
  it('accepts the sample as a valid document (the fixture exercises what the schema allows)', () => {
    expect(deckDocumentSchema.safeParse(document).success).toBe(true);
  });

  it('writes every slide as planned, including table continuation slides', async () => {
    const pages = paginateDeck(document);
    const tablePages = pages.filter((p) => p.table);
    expect(tablePages.length).toBeGreaterThanOrEqual(5); // 60 rows at 12 pt cannot fit on fewer
    expect(slideNames()).toHaveLength(document.slides.length - 1 + tablePages.length);
    expect(slideNames()).toHaveLength(pages.length);
    const firstTable = pages.findIndex((p) => p.table);
    expect(await text(`ppt/slides/slide${firstTable + 1}.xml`)).not.toContain('(cont.)');
    for (let i = 1; i < tablePages.length; i++) expect(await text(`ppt/slides/slide${firstTable + 1 + i}.xml`)).toContain('Clinic-level adherence and revenue (cont.)');
  });

  it('keeps every table row exactly once across the pages', () => {
    const rows = paginateDeck(document).flatMap((p) => p.table?.page.rows ?? []);
    expect(rows).toHaveLength(60);
  });

  it('has only well-formed XML parts', async () => {
    const problems: string[] = [];
    for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
      const problem = xmlProblem(await text(name));
      if (problem) problems.push(`${name}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('draws every chart as a native chart part referenced from its slide, with alt text', async () => {
    const charts = Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(6); // line, bar, stacked, combo, doughnut, funnel
    const referenced: string[] = [];
    for (const slide of slideNames()) {
      const rels = await text(slide.replace('slides/', 'slides/_rels/') + '.rels');
      const xml = await text(slide);
      for (const m of rels.matchAll(/Id="(rId\d+)"[^>]*Target="(?:\.\.|\/ppt)\/charts\/(chart\d+\.xml)"/g)) {
        referenced.push(`ppt/charts/${m[2]}`);
        expect(xml).toContain(`r:id="${m[1]}"`);
      }
      for (const frame of xml.match(/<p:graphicFrame>[\s\S]*?<\/p:graphicFrame>/g) ?? []) {
        if (frame.includes('drawingml/2006/chart')) expect(frame).toMatch(/<p:cNvPr [^>]*descr="[^"]{20,}"/);
      }
    }
    expect(referenced.sort()).toEqual(charts.sort());
    const types = (await Promise.all(charts.map(text))).map((xml) => /<c:(lineChart|barChart|doughnutChart)>/g.exec(xml)?.[1]);
    expect(new Set(types)).toEqual(new Set(['lineChart', 'barChart', 'doughnutChart']));
  });

  it('draws missing chart values as gaps, never as zeros', async () => {
    const charts = await Promise.all(Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).map(text));
    const line = charts.find((xml) => xml.includes('Device days'))!;
    const deviceDays = /<c:ser>(?:(?!<\/c:ser>)[\s\S])*?Device days[\s\S]*?<\/c:ser>/.exec(line)![0];
    const values = /<c:val>[\s\S]*?<\/c:val>/.exec(deviceDays)![0];
    expect(values).toContain('<c:ptCount val="9"/>');
    expect(values).not.toContain('<c:pt idx="2">');
    expect(line).toContain('<c:dispBlanksAs val="gap"/>');
    for (const xml of charts) expect(xml).not.toMatch(/<c:v>\s*<\/c:v>/);
  });

  it('puts speaker notes on every content slide', async () => {
    const pages = paginateDeck(document);
    for (let i = 0; i < pages.length; i++) {
      if (pages[i]!.slide.kind === 'title' || pages[i]!.slide.kind === 'section') continue;
      const notes = await text(`ppt/notesSlides/notesSlide${i + 1}.xml`);
      const firstLine = (pages[i]!.slide.notes ?? '').split('\n')[0]!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      expect(notes, `slide ${i + 1}`).toContain(firstLine);
    }
  });

  it('cites source and date range on every data slide', async () => {
    const pages = paginateDeck(document);
    for (let i = 0; i < pages.length; i++) {
      if (!['chart', 'table', 'kpis', 'funnel'].includes(pages[i]!.slide.kind)) continue;
      expect(await text(`ppt/slides/slide${i + 1}.xml`), `slide ${i + 1}`).toContain('Jan 1 – Sep 30, 2026');
    }
  });

  it('shows a missing KPI as "Not available", and fits 200-character names and 12-digit numbers', async () => {
    const pages = paginateDeck(document);
    const kpi = await text(`ppt/slides/slide${pages.findIndex((p) => p.slide.kind === 'kpis') + 1}.xml`);
    expect(kpi).toContain('Not available');
    expect(kpi).toContain('$123,456,789,012');
    const cover = await text('ppt/slides/slide1.xml');
    expect(cover).toContain('Northwind &amp; Partners &lt;Integrated&gt;');
    expect(cover).not.toContain(LONG_ACCOUNT_NAME.slice(-30).replace(/&/g, '&amp;'));
    expect(cover).toContain('…');
  });

  it('escapes hostile text and keeps emoji and right-to-left text intact', async () => {
    expect(await text('docProps/app.xml')).toContain('<Company>Acme &amp; Sons &lt;Digital Health&gt; "Care"</Company>');
    const all = (await Promise.all(slideNames().map(text))).join('');
    expect(all).toContain('שיחת מעקב עם צוות הסיעוד 📞');
    expect(all).toContain('rtl="1"');
    expect(all).toContain('&lt;HL7 v2 → FHIR&gt;');
  });

  it('ships a DEFLATE-compressed package', () => {
    const entries = zipEntries(bytes);
    expect(entries.filter((e) => /\.(xml|rels)$/.test(e.name)).every((e) => e.method === 8)).toBe(true);
  });

  it('is a pure function of its input: the same document gives the same slides and charts', async () => {
    // pptxgenjs numbers chart parts with a process-wide counter, so compare charts in order, not by name.
    const charts = async (z: JSZip): Promise<string[]> => {
      const names = Object.keys(z.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
      names.sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
      return Promise.all(names.map((n) => z.file(n)!.async('string')));
    };
    const again = await JSZip.loadAsync(await renderDeck(richSampleDocument()));
    for (const name of [...slideNames(), 'docProps/core.xml', 'docProps/app.xml']) {
      expect(await again.file(name)!.async('string'), name).toBe(await text(name));
    }
    expect(await charts(again)).toEqual(await charts(zip));
  });

  it('passes ../shared/tools/check-pptx (ECMA-376 schemas and package checks)', () => {
    const file = path.join(dir, 'rich.pptx');
    fs.writeFileSync(file, bytes);
    const result = spawnSync(CHECK_PPTX, [file], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toMatch(/rich\.pptx: valid/);
    expect(result.status).toBe(0);
  });
});
