import { ImportRefusedError } from './import-refused-error';

/** Encodings the importer reads. Excel writes UTF-8 (with BOM), UTF-16 ("Unicode text") and, on Windows, windows-1252. */
export type ImportEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * The encoding of a file from its first bytes: a BOM when there is one, else the zero-byte pattern
 * of BOM-less UTF-16, else UTF-8 when the sample is valid UTF-8, else windows-1252 (Excel's
 * "CSV (Comma delimited)" on Windows). `head` should be the first few kilobytes.
 */
export function detectEncoding(head: Uint8Array): ImportEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const sample = head.subarray(0, Math.min(head.length, 512) & ~1);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros += 1;
    if (sample[i + 1] === 0) oddZeros += 1;
  }
  const pairs = sample.length / 2;
  if (pairs >= 2 && oddZeros > pairs * 0.4 && evenZeros === 0) return 'utf-16le';
  if (pairs >= 2 && evenZeros > pairs * 0.4 && oddZeros === 0) return 'utf-16be';
  try {
    // stream: true so a multi-byte character cut at the sample's end is not mistaken for an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * Decodes chunks of one file into text. UTF-8 is decoded strictly: a byte sequence that is not
 * UTF-8 later in the file stops the import rather than turning a name into "�". The BOM is dropped.
 */
export function createChunkDecoder(encoding: ImportEncoding): { decode(bytes: Uint8Array, bytesBefore: number): string; end(bytesBefore: number): string } {
  const decoder = new TextDecoder(encoding, { fatal: encoding !== 'windows-1252' });
  const fail = (bytesBefore: number): never => {
    throw new ImportRefusedError(
      'encoding',
      `The file is not valid ${encoding.toUpperCase()} (somewhere after byte ${bytesBefore.toLocaleString('en-US')}). Save it again as "CSV UTF-8" and retry; nothing was imported.`,
    );
  };
  return {
    decode(bytes, bytesBefore) {
      try {
        return decoder.decode(bytes, { stream: true });
      } catch {
        return fail(bytesBefore);
      }
    },
    end(bytesBefore) {
      try {
        return decoder.decode();
      } catch {
        return fail(bytesBefore);
      }
    },
  };
}
