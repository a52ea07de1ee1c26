import fs from 'node:fs';
import path from 'node:path';
import type { ImportSource } from '../../../shared/api/schemas/import-schemas';
import { ImportRefusedError } from './import-refused-error';

/** Bytes per read: small enough that one chunk's work (~5k rows) keeps the main process responsive. */
export const IMPORT_CHUNK_BYTES = 256 * 1024;

/** A CSV to import, read as a stream of byte chunks so a file of any size is never held whole. */
export interface OpenedImportSource {
  /** File name shown to the user and stored as each value's `source`. */
  name: string;
  totalBytes: number;
  chunks(): AsyncIterable<Buffer>;
}

/**
 * Resolves an import source. A path must be a readable file; text (from the browser harness's
 * file picker) is re-encoded as UTF-8 so both kinds flow through the same decoder.
 * @example const source = openImportSource({ kind: 'path', path: '/tmp/metrics.csv' });
 */
export function openImportSource(source: ImportSource): OpenedImportSource {
  if (source.kind === 'text') {
    const bytes = Buffer.from(source.text, 'utf8');
    return {
      name: path.basename(source.fileName),
      totalBytes: bytes.length,
      async *chunks() {
        for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) {
          yield bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES);
        }
      },
    };
  }
  const filePath = path.resolve(source.path);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch {
    throw new ImportRefusedError('unreadable', `There is no file at ${filePath}.`);
  }
  if (!stat.isFile()) throw new ImportRefusedError('unreadable', `${filePath} is not a file.`);
  return {
    name: path.basename(filePath),
    totalBytes: stat.size,
    chunks: () => fs.createReadStream(filePath, { highWaterMark: IMPORT_CHUNK_BYTES }),
  };
}
