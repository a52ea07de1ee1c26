import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** SHA-256 of a file's bytes: proves a file was left untouched. */
export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * Damages a SQLite file the way a failing disk or a half-synced copy would: overwrites pages in
 * the middle with noise, leaving the 100-byte header (so it still looks like our workspace).
 */
export function corruptMiddlePages(file: string, pageSize = 4096): void {
  const size = fs.statSync(file).size;
  const pages = Math.floor(size / pageSize);
  if (pages < 4) throw new Error(`${file} is too small (${pages} pages) to corrupt meaningfully`);
  const fd = fs.openSync(file, 'r+');
  try {
    for (let page = 2; page < Math.min(pages, 8); page += 1) {
      fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, page * pageSize);
    }
  } finally {
    fs.closeSync(fd);
  }
}
