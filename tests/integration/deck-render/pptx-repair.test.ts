import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import {
  addBackgroundEffectList,
  escapeCompanyProperty,
  fillEmptyTextBodies,
  moveNotesMasterIdList,
  removeEmptyChartPoints,
  removeMissingOverrides,
  removeOrphanAxisIds,
  removeRepeatedParagraphProperties,
  repairLineCharts,
  repairPptx,
  setCoreDates,
} from '../../../src/main/render/pptx-repair';
import { xmlProblem, zipEntries } from '../../support/pptx-inspect';
import { checkPptxPath } from '../../support/check-pptx';

const CHECK_PPTX = checkPptxPath();

describe('removeMissingOverrides', () => {
  it('drops content-type overrides for slide masters that are not in the package, keeps the rest', () => {
    const xml =
      '<Types><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="m"/><Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="m"/><Override PartName="/ppt/slides/slide1.xml" ContentType="s"/></Types>';
    const fixed = removeMissingOverrides(xml, new Set(['ppt/slideMasters/slideMaster1.xml', 'ppt/slides/slide1.xml']));
    expect(fixed).toBe('<Types><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="m"/><Override PartName="/ppt/slides/slide1.xml" ContentType="s"/></Types>');
  });
});

describe('moveNotesMasterIdList', () => {
  const after = '<p:presentation><p:sldMasterIdLst><p:sldMasterId id="1"/></p:sldMasterIdLst><p:sldIdLst><p:sldId id="256"/></p:sldIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId9"/></p:notesMasterIdLst><p:sldSz/></p:presentation>';
  const before = '<p:presentation><p:sldMasterIdLst><p:sldMasterId id="1"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId9"/></p:notesMasterIdLst><p:sldIdLst><p:sldId id="256"/></p:sldIdLst><p:sldSz/></p:presentation>';

  it('moves notesMasterIdLst from after sldIdLst to directly after sldMasterIdLst', () => {
    expect(moveNotesMasterIdList(after)).toBe(before);
  });

  it('leaves an already valid presentation untouched', () => {
    expect(moveNotesMasterIdList(before)).toBe(before);
  });
});

describe('escapeCompanyProperty', () => {
  it('escapes & < > in the company name and keeps existing entities', () => {
    const xml = '<Properties><Company>Smith & Jones <Health> &amp; Co</Company><LinksUpToDate>false</LinksUpToDate></Properties>';
    const fixed = escapeCompanyProperty(xml);
    expect(fixed).toBe('<Properties><Company>Smith &amp; Jones &lt;Health&gt; &amp; Co</Company><LinksUpToDate>false</LinksUpToDate></Properties>');
    expect(xmlProblem(fixed)).toBeNull();
  });

  it('captures a name that itself contains "</Company>"', () => {
    const fixed = escapeCompanyProperty('<P><Company>a</Company>b</Company><LinksUpToDate>false</LinksUpToDate></P>');
    expect(fixed).toBe('<P><Company>a&lt;/Company&gt;b</Company><LinksUpToDate>false</LinksUpToDate></P>');
  });
});

describe('chart repairs', () => {
  const axes = '<c:catAx><c:axId val="10"/></c:catAx><c:valAx><c:axId val="20"/></c:valAx>';

  it('removes the orphan third axId from bar and line charts but keeps defined axes', () => {
    const xml = `<c:plotArea><c:barChart><c:ser/><c:axId val="10"/><c:axId val="20"/><c:axId val="30"/></c:barChart>${axes}</c:plotArea>`;
    expect(removeOrphanAxisIds(xml)).toBe(`<c:plotArea><c:barChart><c:ser/><c:axId val="10"/><c:axId val="20"/></c:barChart>${axes}</c:plotArea>`);
  });

  it('keeps a third axId that a serAx defines (3-D charts)', () => {
    const xml = `<c:barChart><c:axId val="10"/><c:axId val="20"/><c:axId val="30"/></c:barChart>${axes}<c:serAx><c:axId val="30"/></c:serAx>`;
    expect(removeOrphanAxisIds(xml)).toBe(xml);
  });

  it('gives line charts a grouping, drops invertIfNegative and puts each marker before the data labels', () => {
    const xml =
      '<c:lineChart><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:spPr/><c:invertIfNegative val="0"/><c:dLbls><c:showVal val="0"/></c:dLbls><c:marker><c:symbol val="circle"/></c:marker><c:val/></c:ser><c:marker val="1"/></c:lineChart>';
    expect(repairLineCharts(xml)).toBe(
      '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:spPr/><c:marker><c:symbol val="circle"/></c:marker><c:dLbls><c:showVal val="0"/></c:dLbls><c:val/></c:ser><c:marker val="1"/></c:lineChart>',
    );
  });

  it('leaves bar charts\' invertIfNegative and an existing line grouping alone', () => {
    const bar = '<c:barChart><c:ser><c:invertIfNegative val="0"/></c:ser></c:barChart>';
    const line = '<c:lineChart><c:grouping val="stacked"/><c:ser/></c:lineChart>';
    expect(repairLineCharts(bar)).toBe(bar);
    expect(repairLineCharts(line)).toBe(line);
  });

  it('turns empty number points (null values) into real gaps, keeping ptCount and labels', () => {
    const xml =
      '<c:cat><c:strCache><c:ptCount val="3"/><c:pt idx="0"><c:v></c:v></c:pt></c:strCache></c:cat><c:numCache><c:ptCount val="3"/><c:pt idx="0"><c:v>1</c:v></c:pt><c:pt idx="1"><c:v></c:v></c:pt><c:pt idx="2"><c:v>0</c:v></c:pt></c:numCache>';
    expect(removeEmptyChartPoints(xml)).toBe(
      '<c:cat><c:strCache><c:ptCount val="3"/><c:pt idx="0"><c:v></c:v></c:pt></c:strCache></c:cat><c:numCache><c:ptCount val="3"/><c:pt idx="0"><c:v>1</c:v></c:pt><c:pt idx="2"><c:v>0</c:v></c:pt></c:numCache>',
    );
  });
});

describe('slide repairs', () => {
  it('adds a paragraph to text bodies that have none (auto-paged empty cells)', () => {
    const xml = '<a:tc><a:txBody><a:bodyPr/><a:lstStyle/></a:txBody></a:tc><p:txBody><a:bodyPr/><a:p><a:r><a:t>x</a:t></a:r></a:p></p:txBody>';
    expect(fillEmptyTextBodies(xml)).toBe(
      '<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></a:txBody></a:tc><p:txBody><a:bodyPr/><a:p><a:r><a:t>x</a:t></a:r></a:p></p:txBody>',
    );
  });

  it('keeps only the leading pPr of a paragraph made of several runs', () => {
    const xml = '<a:p><a:pPr marL="1"><a:buChar char="•"/></a:pPr><a:r><a:t>Lead</a:t></a:r><a:pPr indent="0" marL="0"><a:buNone/></a:pPr><a:r><a:t> rest</a:t></a:r><a:pPr/><a:endParaRPr/></a:p>';
    expect(removeRepeatedParagraphProperties(xml)).toBe('<a:p><a:pPr marL="1"><a:buChar char="•"/></a:pPr><a:r><a:t>Lead</a:t></a:r><a:r><a:t> rest</a:t></a:r><a:endParaRPr/></a:p>');
  });

  it('adds an effect list to solid slide backgrounds', () => {
    expect(addBackgroundEffectList('<p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></p:bgPr>')).toBe(
      '<p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:effectLst/></p:bgPr>',
    );
  });

  it('stamps the given created/modified dates', () => {
    const xml = '<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-01T10:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-01T10:00:00Z</dcterms:modified>';
    expect(setCoreDates(xml, '2026-10-01T09:00:00.000Z')).toBe(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-10-01T09:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-10-01T09:00:00Z</dcterms:modified>',
    );
  });
});

describe('repairPptx on bare pptxgenjs output', () => {
  it('turns a package check-pptx rejects into a valid, DEFLATE-compressed one', async () => {
    const pptx = new PptxGenJS();
    pptx.layout = 'LAYOUT_16x9';
    pptx.company = 'A & B <Health>';
    const labels = ['Jan', 'Feb', 'Mar'];
    for (let i = 0; i < 3; i++) {
      const slide = pptx.addSlide();
      slide.addChart(i === 0 ? 'bar' : 'line', [{ name: 'S', labels, values: [1, null as unknown as number, 3] }], { x: 1, y: 1, w: 6, h: 3 });
      slide.addText([{ text: 'Lead', options: { bold: true } }, { text: ' rest' }], { x: 1, y: 4, w: 6, h: 0.5 });
      slide.addNotes('n');
    }
    const raw = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qbr-repair-'));
    const rawFile = path.join(dir, 'raw.pptx');
    const fixedFile = path.join(dir, 'fixed.pptx');
    fs.writeFileSync(rawFile, raw);
    const fixed = await repairPptx(raw);
    fs.writeFileSync(fixedFile, fixed);
    try {
      const result = spawnSync(CHECK_PPTX, [rawFile, fixedFile], { encoding: 'utf8' });
      expect(result.stdout).toContain('raw.pptx: INVALID');
      expect(result.stdout).toMatch(/fixed\.pptx: valid/);
      const xmlEntries = zipEntries(fixed).filter((e) => e.name.endsWith('.xml'));
      expect(xmlEntries.every((e) => e.method === 8)).toBe(true);
      expect(fixed.length).toBeLessThan(raw.length / 2);
      const zip = await JSZip.loadAsync(fixed);
      expect(await zip.file('docProps/app.xml')!.async('string')).toContain('<Company>A &amp; B &lt;Health&gt;</Company>');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
