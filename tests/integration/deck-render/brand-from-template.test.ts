import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import { readBrandFromTemplate } from '../../../src/main/render/brand-from-template';
import { solidPng } from '../../support/deck-fixtures';

/** A company template: a master with a logo, theme colours and fonts of its own. */
async function companyTemplate(options: { accent1: string; accent2: string; dk2: string; major: string; minor: string; logo?: string }): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  const objects: PptxGenJS.SlideMasterProps['objects'] = options.logo ? [{ image: { data: `image/png;base64,${options.logo}`, x: 0.2, y: 0.2, w: 1, h: 0.4 } }] : [];
  pptx.defineSlideMaster({ title: 'CORP', objects });
  pptx.addSlide({ masterName: 'CORP' }).addText('Hello', { x: 1, y: 1, w: 3, h: 1 });
  const zip = await JSZip.loadAsync((await pptx.write({ outputType: 'nodebuffer' })) as Buffer);
  const theme = (await zip.file('ppt/theme/theme1.xml')!.async('string'))
    .replace(/<a:accent1>[\s\S]*?<\/a:accent1>/, `<a:accent1><a:srgbClr val="${options.accent1}"/></a:accent1>`)
    .replace(/<a:accent2>[\s\S]*?<\/a:accent2>/, `<a:accent2><a:srgbClr val="${options.accent2}"/></a:accent2>`)
    .replace(/<a:dk2>[\s\S]*?<\/a:dk2>/, `<a:dk2><a:srgbClr val="${options.dk2}"/></a:dk2>`)
    .replace(/(<a:majorFont><a:latin typeface=")[^"]*/, `$1${options.major}`)
    .replace(/(<a:minorFont><a:latin typeface=")[^"]*/, `$1${options.minor}`);
  zip.file('ppt/theme/theme1.xml', theme);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('readBrandFromTemplate', () => {
  it('reads accent colours, heading and body fonts and the master logo', async () => {
    const logo = solidPng(40, 20, [200, 30, 30]);
    const brand = await readBrandFromTemplate(await companyTemplate({ accent1: '0B5394', accent2: 'E69138', dk2: '222222', major: 'Georgia', minor: 'Segoe UI', logo }));
    expect(brand).toEqual({ primaryColor: '0B5394', secondaryColor: 'E69138', fontHeading: 'Georgia', fontBody: 'Segoe UI', logoPng: logo });
  });

  it('falls back to dk2 when accent1 is too light to carry titles, and leaves out what is absent', async () => {
    const brand = await readBrandFromTemplate(await companyTemplate({ accent1: 'FAFAFA', accent2: 'FFFFFF', dk2: '17324D', major: 'Arial', minor: 'Arial' }));
    expect(brand).toEqual({ primaryColor: '17324D', fontHeading: 'Arial', fontBody: 'Arial' });
  });
});
