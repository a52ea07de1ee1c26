import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paginateDeck } from '../../../src/main/render/deck-pages';
import { renderDeck } from '../../../src/main/render/render-deck';
import { richSampleDocument } from '../../support/deck-fixtures';

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

describe('LibreOffice conversion', () => {
  // One conversion (~10-20 s on two shared cores); skipped only where LibreOffice is not installed.
  it.skipIf(!hasSoffice)('converts the rich sample deck to a PDF with one page per slide', async () => {
    const document = richSampleDocument();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qbr-soffice-'));
    try {
      const file = path.join(dir, 'deck.pptx');
      fs.writeFileSync(file, await renderDeck(document));
      // A fresh profile per run: a shared one is locked by any other soffice and fails the conversion.
      const profile = `file://${path.join(dir, 'profile')}`;
      const convert = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 });
      expect(convert.status, convert.stderr).toBe(0);
      const info = spawnSync('pdfinfo', [path.join(dir, 'deck.pdf')], { encoding: 'utf8' });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]);
      expect(pages).toBe(paginateDeck(document).length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
