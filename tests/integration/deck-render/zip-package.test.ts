import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { repairPptxZip } from '../../../src/main/render/pptx-repair';
import { buildPresentation, renderDeck } from '../../../src/main/render/render-deck';
import { writeZip } from '../../../src/main/render/zip-package';
import { richSampleDocument } from '../../support/deck-fixtures';
import { zipEntries } from '../../support/pptx-inspect';

/**
 * Every file part of a package: text as text, an embedded workbook as its own parts' text. Chart
 * numbers come from a pptxgenjs counter shared by all presentations in the process, so they are
 * renumbered 1..n in order of appearance, in names and in the text that refers to them.
 */
async function partsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const numbers = [...new Set(Object.keys(zip.files).flatMap((n) => [.../(?:chart|Worksheet)(\d+)\.x/.exec(n)?.slice(1) ?? []]))].map(Number).sort((a, b) => a - b);
  const renumber = (text: string) => text.replace(/(chart|Worksheet)(\d+)(\.xml|\.xlsx)/g, (_, kind: string, n: string, ext: string) => `${kind}#${numbers.indexOf(Number(n)) + 1}${ext}`);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n]!.dir)) {
    if (name.endsWith('.xlsx')) {
      // pptxgenjs stamps a workbook's zip entries and its created/modified with the wall clock: compare what else it holds.
      const inner = await partsOf(await zip.file(name)!.async('uint8array'));
      parts.set(renumber(name), JSON.stringify([...inner]).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1…'));
    } else if (/\.(xml|rels)$/.test(name)) parts.set(renumber(name), renumber(await zip.file(name)!.async('string')));
    else parts.set(renumber(name), (await zip.file(name)!.async('nodebuffer')).toString('base64'));
  }
  return new Map([...parts].sort(([a], [b]) => a.localeCompare(b)));
}

describe('writeZip (Node zlib, fflate container)', () => {
  it('writes entries any zip reader reads back byte for byte: deflated text, stored incompressible bytes, empty and UTF-8 names', async () => {
    const text = Buffer.from('<a>'.repeat(2_000) + '</a>'.repeat(2_000), 'utf8');
    const noise = randomBytes(4_096);
    const bytes = writeZip([
      { name: '[Content_Types].xml', data: text },
      { name: 'ppt/media/noise.bin', data: noise },
      { name: 'empty.txt', data: new Uint8Array(0) },
      { name: 'ppt/données-é.xml', data: Buffer.from('<é/>', 'utf8') },
    ]);
    const listed = zipEntries(bytes);
    expect(listed.map((e) => [e.name, e.method])).toEqual([
      ['[Content_Types].xml', 8],
      ['ppt/media/noise.bin', 0],
      ['empty.txt', 0],
      ['ppt/données-é.xml', 0],
    ]);
    expect(listed[0]!.compressedSize).toBeLessThan(text.length / 10);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Buffer.compare(await zip.file('[Content_Types].xml')!.async('nodebuffer'), text)).toBe(0);
    expect(Buffer.compare(await zip.file('ppt/media/noise.bin')!.async('nodebuffer'), noise)).toBe(0);
    expect(await zip.file('empty.txt')!.async('string')).toBe('');
    expect(await zip.file('ppt/données-é.xml')!.async('string')).toBe('<é/>');
  });

  it('stores every entry when asked, and stamps the given time (so the bytes depend only on the input)', () => {
    const entries = [{ name: 'a.xml', data: Buffer.from('<a/>'.repeat(100)) }];
    expect(zipEntries(writeZip(entries, { compression: 'STORE' }))[0]!.method).toBe(0);
    const at = new Date('2026-10-01T09:00:00Z');
    expect(Buffer.compare(writeZip(entries, { modifiedAt: at }), writeZip(entries, { modifiedAt: new Date(at) }))).toBe(0);
    expect(Buffer.compare(writeZip(entries, { modifiedAt: at }), writeZip(entries, { modifiedAt: new Date('2026-10-02T09:00:00Z') }))).not.toBe(0);
  });

  it("stamps the time's UTC clock whatever the machine's time zone, and 1980-01-01 when none is given", async () => {
    const entries = [{ name: 'a.xml', data: Buffer.from('<a/>') }];
    const at = new Date('2026-10-01T09:00:00Z');
    const zone = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
        process.env.TZ = tz;
        // JSZip reads an entry's DOS time as UTC.
        expect((await JSZip.loadAsync(writeZip(entries, { modifiedAt: at }))).file('a.xml')!.date.toISOString(), tz).toBe(at.toISOString());
        expect((await JSZip.loadAsync(writeZip(entries))).file('a.xml')!.date.toISOString(), tz).toBe('1980-01-01T00:00:00.000Z');
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('renderDeck written with zlib', () => {
  it("holds exactly the parts pptxgenjs's own JSZip output holds once repaired", async () => {
    const document = richSampleDocument();
    const bytes = await renderDeck(document);
    // Written by writeZip, not JSZip (which also writes an entry per folder).
    expect(zipEntries(bytes).filter((e) => e.name.endsWith('/'))).toEqual([]);
    const ours = await partsOf(bytes);
    // The reference: pptxgenjs zipping with JSZip as it ships, then the same repairs on its package.
    const reference = await JSZip.loadAsync((await buildPresentation(document).stream({ compression: true })) as Buffer);
    await repairPptxZip(reference, { createdAt: document.createdAt ?? '2000-01-01T00:00:00Z' });
    const expected = await partsOf(await reference.generateAsync({ type: 'uint8array' }));
    expect([...ours.keys()]).toEqual([...expected.keys()]);
    for (const [name, content] of expected) expect(ours.get(name) === content, name).toBe(true);
  });
});
