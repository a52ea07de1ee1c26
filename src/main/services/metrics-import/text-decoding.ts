import { isAscii } from 'node:buffer';
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

/** Decodes one file's chunks in order; `encoding` may change once, from UTF-8 to windows-1252 (see below). */
export interface ChunkDecoder {
  readonly encoding: ImportEncoding;
  decode(bytes: Uint8Array, bytesBefore: number): string;
  end(bytesBefore: number): string;
}

/**
 * Decodes chunks of one file into text. UTF-8 is decoded strictly: a byte sequence that is not
 * UTF-8 later in the file stops the import rather than turning a name into "�", and the message
 * says at which byte. One exception: when every byte before the bad one was ASCII (which reads the
 * same in UTF-8 and windows-1252), the file is windows-1252 whose first accented letter came after
 * the sample the encoding was detected from, so decoding switches to windows-1252 from there.
 * The BOM is dropped.
 */
export function createChunkDecoder(detected: ImportEncoding): ChunkDecoder {
  let encoding = detected;
  let decoder = new TextDecoder(encoding, { fatal: encoding !== 'windows-1252' });
  // Only UTF-8 can turn out to be windows-1252: true until a non-ASCII byte has decoded as UTF-8.
  let allAsciiSoFar = encoding === 'utf-8';
  // ASCII bytes are their own text in UTF-8 and windows-1252 (not UTF-16). True once the decoder
  // has read a chunk ending in one: it holds no part of a character and has dropped any BOM.
  const asciiIsText = detected !== 'utf-16le' && detected !== 'utf-16be';
  let betweenCharacters = false;
  const fail = (bytesBefore: number, bytes?: Uint8Array): never => {
    const offset = bytes && encoding === 'utf-8' ? firstInvalidUtf8Byte(bytes) : -1;
    const where = offset >= 0 ? `at byte ${(bytesBefore + offset + 1).toLocaleString('en-US')}` : `somewhere after byte ${bytesBefore.toLocaleString('en-US')}`;
    throw new ImportRefusedError('encoding', `The file is not valid ${encoding.toUpperCase()} (${where}). Save it again as "CSV UTF-8" and retry; nothing was imported.`);
  };
  return {
    get encoding() {
      return encoding;
    },
    decode(bytes, bytesBefore) {
      const ascii = asciiIsText && isAscii(bytes);
      // An all-ASCII chunk: a one-byte copy instead of decoding.
      if (ascii && betweenCharacters) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
      try {
        const text = decoder.decode(bytes, { stream: true });
        if (!ascii) allAsciiSoFar = false;
        if (bytes.length > 0) betweenCharacters = asciiIsText && bytes[bytes.length - 1]! < 0x80;
        return text;
      } catch {
        const invalidAt = firstInvalidUtf8Byte(bytes);
        if (!allAsciiSoFar || invalidAt < 0 || !isAscii(bytes.subarray(0, invalidAt))) return fail(bytesBefore, bytes);
        encoding = 'windows-1252';
        decoder = new TextDecoder(encoding);
        allAsciiSoFar = false;
        return decoder.decode(bytes, { stream: true });
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

/** Index of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  // Up to three continuation bytes at the start finish a character the previous chunk began.
  let start = 0;
  while (start < 3 && start < bytes.length && (bytes[start]! & 0xc0) === 0x80) start += 1;
  for (let i = start; i < bytes.length; ) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // A sequence cut at the chunk's end is completed by the next chunk.
    for (let k = 1; k < length; k += 1) if (i + k < bytes.length && (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}
