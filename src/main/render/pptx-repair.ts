import JSZip from 'jszip';
import { addedPartValue, zipToBuffer } from './zip-package';

/*
 * pptxgenjs 4.0.1 writes packages that PowerPoint "repairs" and that fail ECMA-376 validation
 * (../shared/tools/check-pptx). Each transform below fixes one documented defect at the XML text
 * level: targeted regular expressions over the exact shapes pptxgenjs emits, because a DOM
 * round-trip of every part would cost more than the whole render (see bench/one-deck.bench.ts).
 * Each is idempotent and safe on already-valid XML, so a fixed upstream release turns them into
 * no-ops rather than breakage.
 */

/**
 * pptxgenjs declares one slide master override per slide (slideMaster2..N) but writes only
 * slideMaster1 (PptxGenJS#1444). Drops every override whose part is not in the package.
 */
export function removeMissingOverrides(contentTypesXml: string, partNames: ReadonlySet<string>): string {
  return contentTypesXml.replace(/<Override\s[^>]*?PartName="([^"]+)"[^>]*?\/>/g, (override, partName: string) =>
    partNames.has(partName.replace(/^\//, '')) ? override : '',
  );
}

/**
 * pml.xsd orders presentation children sldMasterIdLst, notesMasterIdLst, handoutMasterIdLst,
 * sldIdLst; pptxgenjs writes notesMasterIdLst after sldIdLst. Moves it to directly after the masters.
 */
export function moveNotesMasterIdList(presentationXml: string): string {
  const match = /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/.exec(presentationXml);
  const slideListAt = presentationXml.indexOf('<p:sldIdLst');
  // Nothing to move, or already before the slide list.
  if (!match || slideListAt < 0 || match.index < slideListAt) return presentationXml;
  const without = presentationXml.slice(0, match.index) + presentationXml.slice(match.index + match[0].length);
  const anchor = without.indexOf('</p:sldMasterIdLst>');
  if (anchor < 0) return presentationXml;
  const at = anchor + '</p:sldMasterIdLst>'.length;
  return without.slice(0, at) + match[0] + without.slice(at);
}

/** Escapes text for XML while leaving entities that are already escaped intact. */
function escapeXmlText(text: string): string {
  return text
    .replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * pptxgenjs writes `pptx.company` into docProps/app.xml unescaped, so "Smith & Jones" or "<Beta>"
 * makes the part not well-formed. The value runs to the last `</Company>` before `<LinksUpToDate>`
 * (the next element pptxgenjs writes), so even a name containing "</Company>" is captured whole.
 */
export function escapeCompanyProperty(appXml: string): string {
  return appXml.replace(/<Company>([\s\S]*)<\/Company>(?=\s*<LinksUpToDate>)/, (_, value: string) => `<Company>${escapeXmlText(value)}</Company>`);
}

/** Sets dcterms:created/modified (pptxgenjs stamps the wall clock) so output depends only on input. */
export function setCoreDates(coreXml: string, isoTimestamp: string): string {
  const stamp = isoTimestamp.replace(/\.\d+Z$/, 'Z');
  return coreXml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
}

const CHART_TYPE_BLOCK = /<c:(barChart|lineChart|areaChart|radarChart)>([\s\S]*?)<\/c:\1>/g;

/**
 * Bar and line charts reference a third axis id (the series axis of 3-D charts) that no axis
 * defines (PptxGenJS#1534); CT_BarChart/CT_LineChart allow two. Removes references to undefined axes.
 */
export function removeOrphanAxisIds(chartXml: string): string {
  const defined = new Set([...chartXml.matchAll(/<c:(?:catAx|valAx|dateAx|serAx)>\s*<c:axId val="(\d+)"\s*\/>/g)].map((m) => m[1]!));
  return chartXml.replace(CHART_TYPE_BLOCK, (block: string) => block.replace(/<c:axId val="(\d+)"\s*\/>/g, (axId, id: string) => (defined.has(id) ? axId : '')));
}

/**
 * Line charts: pptxgenjs omits the required `c:grouping`, gives series `c:invertIfNegative`
 * (which CT_LineSer does not allow) and writes each series' `c:marker` after its `c:dLbls`
 * (CT_LineSer wants marker first). Adds grouping="standard", drops invertIfNegative, moves markers.
 */
export function repairLineCharts(chartXml: string): string {
  return chartXml.replace(/<c:lineChart>([\s\S]*?)<\/c:lineChart>/g, (_, inner: string) => {
    const body = inner.replace(/<c:invertIfNegative\b[^>]*\/>/g, '').replace(/<c:ser>[\s\S]*?<\/c:ser>/g, moveMarkerBeforeLabels);
    return `<c:lineChart>${/^\s*<c:grouping\b/.test(body) ? '' : '<c:grouping val="standard"/>'}${body}</c:lineChart>`;
  });
}

function moveMarkerBeforeLabels(series: string): string {
  const labels = /<c:dLbls>[\s\S]*?<\/c:dLbls>/.exec(series);
  const marker = /<c:marker>[\s\S]*?<\/c:marker>/.exec(series);
  if (!labels || !marker || marker.index < labels.index) return series;
  const without = series.slice(0, marker.index) + series.slice(marker.index + marker[0].length);
  return without.slice(0, labels.index) + marker[0] + without.slice(labels.index);
}

/**
 * A null value becomes `<c:pt idx="3"><c:v></c:v></c:pt>` in the number cache, which readers take
 * as 0. A missing point must be absent from the cache so it is drawn as a gap (ptCount stays).
 */
export function removeEmptyChartPoints(chartXml: string): string {
  return chartXml.replace(/<c:numCache>[\s\S]*?<\/c:numCache>/g, (cache) => cache.replace(/<c:pt idx="\d+">\s*<c:v>\s*<\/c:v>\s*<\/c:pt>/g, ''));
}

/** All chart-part repairs, in order. */
export function repairChartXml(chartXml: string): string {
  return removeEmptyChartPoints(repairLineCharts(removeOrphanAxisIds(chartXml)));
}

/**
 * A text body must hold at least one paragraph; pptxgenjs's auto-paging (and empty table cells)
 * can leave `<a:txBody><a:bodyPr/><a:lstStyle/></a:txBody>` (PptxGenJS#1048, #1380). Adds an empty paragraph.
 */
export function fillEmptyTextBodies(slideXml: string): string {
  return slideXml.replace(/<(a|p):txBody>([\s\S]*?)<\/\1:txBody>/g, (body, prefix: string, inner: string) =>
    /<a:p[\s>/]/.test(inner) ? body : `<${prefix}:txBody>${inner}<a:p><a:endParaRPr lang="en-US"/></a:p></${prefix}:txBody>`,
  );
}

/**
 * CT_TextParagraph allows one `a:pPr`, first. pptxgenjs writes one per run, so any paragraph
 * made of several runs (a bold lead-in and its sentence) gets a second pPr after the first run
 * (PptxGenJS#1081). Keeps the leading pPr and drops the rest (the first run's are the ones PowerPoint honours).
 */
export function removeRepeatedParagraphProperties(slideXml: string): string {
  return slideXml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (paragraph, inner: string) => {
    const lead = /^<a:pPr\b(?:[^>]*\/>|[^>]*>[\s\S]*?<\/a:pPr>)/.exec(inner);
    const head = lead ? lead[0] : '';
    const tail = inner.slice(head.length);
    if (!/<a:pPr\b/.test(tail)) return paragraph;
    return `<a:p>${head}${tail.replace(/<a:pPr\b(?:[^>]*\/>|[^>]*>[\s\S]*?<\/a:pPr>)/g, '')}</a:p>`;
  });
}

/**
 * PowerPoint writes (and expects) an effect list in solid slide backgrounds; pptxgenjs omits it
 * and PowerPoint offers to repair the file (PptxGenJS#1442). Schema-optional, so this is for PowerPoint.
 */
export function addBackgroundEffectList(slideXml: string): string {
  return slideXml.replace(/<p:bgPr>(<a:solidFill>[\s\S]*?<\/a:solidFill>)<\/p:bgPr>/g, '<p:bgPr>$1<a:effectLst/></p:bgPr>');
}

/** All slide-part repairs (slides, layouts, masters, notes), in order. */
export function repairSlideXml(slideXml: string): string {
  return addBackgroundEffectList(removeRepeatedParagraphProperties(fillEmptyTextBodies(slideXml)));
}

/** Options for repairPptx. */
export interface RepairOptions {
  /** ISO timestamp for the file's created/modified properties; left as written when absent. */
  createdAt?: string;
}

const SLIDE_PART = /^ppt\/(slides|slideLayouts|slideMasters|notesSlides)\/[^/]+\.xml$/;
const CHART_PART = /^ppt\/charts\/[^/]+\.xml$/;

/**
 * Applies every repair to a pptxgenjs package and re-zips it DEFLATE-compressed with Node's zlib
 * (pptxgenjs's Node `write()` ignores `compression: true` and stores parts uncompressed).
 * @example const valid = await repairPptx(await pptx.write({ outputType: 'nodebuffer' }) as Buffer);
 */
export async function repairPptx(input: Uint8Array, options: RepairOptions = {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(input);
  await repairPptxZip(zip, options);
  return zipToBuffer(zip, { modifiedAt: options.createdAt ? new Date(options.createdAt) : undefined });
}

/**
 * Applies every repair to a package's parts in place, before anything is zipped: the renderer
 * runs it on pptxgenjs's own JSZip so the package is deflated once, already repaired.
 */
export async function repairPptxZip(zip: JSZip, options: RepairOptions = {}): Promise<void> {
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  const partNames = new Set(names);
  const transforms: [string, (xml: string) => string][] = [];
  for (const name of names) {
    if (name === '[Content_Types].xml') transforms.push([name, (xml) => removeMissingOverrides(xml, partNames)]);
    else if (name === 'ppt/presentation.xml') transforms.push([name, moveNotesMasterIdList]);
    else if (name === 'docProps/app.xml') transforms.push([name, escapeCompanyProperty]);
    else if (name === 'docProps/core.xml' && options.createdAt) transforms.push([name, (xml) => setCoreDates(xml, options.createdAt!)]);
    else if (CHART_PART.test(name)) transforms.push([name, repairChartXml]);
    else if (SLIDE_PART.test(name)) transforms.push([name, repairSlideXml]);
  }
  await Promise.all(
    transforms.map(async ([name, transform]) => {
      const xml = await readText(zip, name);
      const fixed = transform(xml);
      if (fixed !== xml) zip.file(name, fixed);
    }),
  );
}

/** A part's text: the string it was added with when there is one, else decoded by JSZip. */
async function readText(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name)!;
  const added = await addedPartValue(file);
  return typeof added === 'string' ? added : file.async('string');
}
