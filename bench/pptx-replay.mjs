// Plain JavaScript (no tsx) so the cold-deck floor can run it in a fresh `node` process.
// Replays recorded pptxgenjs calls on a new PptxGenJS and writes it DEFLATE-compressed: the deck floor.
// As a script: node bench/pptx-replay.mjs OPERATIONS.json OUT.pptx
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import PptxGenJS from 'pptxgenjs';

/** @param {readonly { target: 'pptx' | number, kind: 'set' | 'call', name: string, args: unknown[] }[]} operations */
export async function replayAndWrite(operations) {
  const pptx = new PptxGenJS();
  const slides = [];
  for (const op of operations) {
    if (op.target === 'pptx') {
      if (op.kind === 'set') pptx[op.name] = op.args[0];
      else {
        const result = pptx[op.name](...op.args);
        if (op.name === 'addSlide') slides.push(result);
      }
    } else slides[op.target][op.name](...op.args);
  }
  // stream() is pptxgenjs's only Node output that honours compression (write() with an outputType stores).
  return pptx.stream({ compression: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [operationsFile, outFile] = process.argv.slice(2);
  const bytes = await replayAndWrite(JSON.parse(fs.readFileSync(operationsFile, 'utf8')));
  fs.writeFileSync(outFile, bytes);
}
