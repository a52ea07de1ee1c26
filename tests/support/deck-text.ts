import fs from 'node:fs';
import JSZip from 'jszip';

/** One rendered slide's visible text and speaker notes, in slide order. */
export interface SlideText {
  index: number;
  /** Every paragraph on the slide, joined by newlines (XML entities decoded). */
  text: string;
  notes: string;
}

function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
    .map((match) => [...match[1]!.matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map((t) => t[1]).join(''))
    .map((text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
    .filter((text) => text.trim() !== '');
}

/** The text of every slide of a written .pptx, with its notes. */
export async function deckSlideTexts(file: string): Promise<SlideText[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const slides = Object.keys(zip.files)
    .map((name) => /^ppt\/slides\/slide(\d+)\.xml$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]))
    .sort((a, b) => a - b);
  return Promise.all(
    slides.map(async (index) => {
      const notesFile = zip.file(`ppt/notesSlides/notesSlide${index}.xml`);
      return {
        index,
        text: paragraphs(await zip.file(`ppt/slides/slide${index}.xml`)!.async('string')).join('\n'),
        notes: notesFile ? paragraphs(await notesFile.async('string')).join('\n') : '',
      };
    }),
  );
}
