import type JSZip from 'jszip';
import type { BrandSettings } from '../../shared/deck/deck-document';

/** What a template can tell us; the company name always comes from the user. */
export type TemplateBrand = Partial<Omit<BrandSettings, 'companyName'>>;

/** Logos are small; anything bigger is a photo or a background, not a logo. */
const MAX_LOGO_BYTES = 512 * 1024;

/** Reads `<a:NAME>`'s colour from a theme's colour scheme: srgbClr, or a sysClr's lastClr. */
function schemeColor(themeXml: string, name: string): string | undefined {
  const block = new RegExp(`<a:${name}>([\\s\\S]*?)</a:${name}>`).exec(themeXml)?.[1];
  if (!block) return undefined;
  const hex = /<a:srgbClr val="([0-9A-Fa-f]{6})"/.exec(block)?.[1] ?? /<a:sysClr [^>]*lastClr="([0-9A-Fa-f]{6})"/.exec(block)?.[1];
  return hex?.toUpperCase();
}

function latinFont(themeXml: string, slot: 'majorFont' | 'minorFont'): string | undefined {
  const block = new RegExp(`<a:${slot}>([\\s\\S]*?)</a:${slot}>`).exec(themeXml)?.[1];
  const face = block ? /<a:latin typeface="([^"]+)"/.exec(block)?.[1] : undefined;
  // "+mj-lt"-style references and empty faces say nothing about the brand.
  return face && !face.startsWith('+') ? face.replace(/&amp;/g, '&') : undefined;
}

/** Near-white colours make unreadable title bars and series; such an accent is not a brand colour. */
function isUsableAccent(hex: string | undefined): hex is string {
  if (!hex) return false;
  const n = Number.parseInt(hex, 16);
  const luminance = (0.2126 * ((n >> 16) & 0xff) + 0.7152 * ((n >> 8) & 0xff) + 0.0722 * (n & 0xff)) / 255;
  return luminance < 0.85;
}

/**
 * Reads brand settings from a company's existing .pptx: accent1 (else dk2) as the primary colour,
 * accent2 as the secondary, the theme's heading (major) and body (minor) fonts, and the first PNG
 * a slide master or layout places (where logos live). Anything it cannot find is left out so the
 * caller falls back to DEFAULT_BRAND.
 * @example const brand = { ...DEFAULT_BRAND, companyName, ...(await readBrandFromTemplate(bytes)) };
 */
export async function readBrandFromTemplate(pptxBuffer: Uint8Array): Promise<TemplateBrand> {
  // Loaded when a template is read, not with every backend start.
  const { default: JSZipModule } = await import('jszip');
  const zip = await JSZipModule.loadAsync(pptxBuffer);
  const themeName = Object.keys(zip.files)
    .filter((name) => /^ppt\/theme\/theme\d+\.xml$/.test(name))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]))[0];
  const brand: TemplateBrand = {};
  if (themeName) {
    const theme = await zip.file(themeName)!.async('string');
    const accent1 = schemeColor(theme, 'accent1');
    const primary = isUsableAccent(accent1) ? accent1 : schemeColor(theme, 'dk2');
    if (isUsableAccent(primary)) brand.primaryColor = primary;
    const accent2 = schemeColor(theme, 'accent2');
    if (isUsableAccent(accent2)) brand.secondaryColor = accent2;
    const heading = latinFont(theme, 'majorFont');
    const body = latinFont(theme, 'minorFont');
    if (heading) brand.fontHeading = heading;
    if (body) brand.fontBody = body;
  }
  const logo = await findMasterPng(zip);
  if (logo) brand.logoPng = logo;
  return brand;
}

/** The first PNG referenced by a slide master or layout (in part order), base64, if small enough. */
async function findMasterPng(zip: JSZip): Promise<string | undefined> {
  const rels = Object.keys(zip.files)
    .filter((name) => /^ppt\/(slideMasters|slideLayouts)\/_rels\/[^/]+\.rels$/.test(name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const relsName of rels) {
    const xml = await zip.file(relsName)!.async('string');
    for (const match of xml.matchAll(/Type="[^"]*\/image"[^>]*Target="([^"]+\.png)"|Target="([^"]+\.png)"[^>]*Type="[^"]*\/image"/g)) {
      const target = (match[1] ?? match[2])!;
      const path = new URL(target, `file:///${relsName.replace(/_rels\/[^/]+$/, '')}`).pathname.slice(1);
      const file = zip.file(path);
      if (!file) continue;
      const bytes = await file.async('uint8array');
      if (bytes.byteLength <= MAX_LOGO_BYTES) return Buffer.from(bytes).toString('base64');
    }
  }
  return undefined;
}
