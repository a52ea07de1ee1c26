import Papa from 'papaparse';
import { detectCsvDialect, type CsvDialect } from './csv-dialect';
import { ImportRefusedError } from './import-refused-error';
import type { OpenedImportSource } from './import-source';
import { createChunkDecoder, detectEncoding, type ImportEncoding } from './text-decoding';

/** Parsed rows of one chunk of the file, with the physical line each row starts on. */
export interface CsvBatch {
  rows: string[][];
  /** 1-based line of each row's first character; differs from row order once a quoted value spans lines. */
  lines: number[];
  /** Rows papaparse found malformed quotes in (index into `rows` → message). */
  malformed: Map<number, string>;
  /** Bytes of the file consumed so far. */
  bytesRead: number;
}

export interface CsvReader {
  readonly encoding: ImportEncoding;
  dialect: CsvDialect;
  batches: AsyncGenerator<CsvBatch, void, undefined>;
}

/** Bytes read before sniffing the encoding and dialect. */
const SNIFF_BYTES = 64 * 1024;
/**
 * A single record longer than this is almost always an unclosed quote swallowing the rest of the
 * file; refusing early keeps memory bounded instead of buffering the whole file as one "value".
 */
const MAX_RECORD_CHARS = 8 * 1024 * 1024;

interface PapaChunkResult {
  data: string[][];
  errors: { code: string; row: number; message: string }[];
  meta: { cursor: number };
}

/**
 * Opens a streaming CSV reader over a source: sniffs the encoding and dialect from the first 64 KB,
 * then yields parsed rows chunk by chunk using papaparse's incremental parser, carrying a partial
 * last record over to the next chunk. Never holds more than one chunk (plus one record) of text.
 */
export async function openCsvReader(source: OpenedImportSource): Promise<CsvReader> {
  const iterator = source.chunks()[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let exhausted = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const headBuffer = Buffer.concat(head);
  // Sniff only the first 64 KB. A byte further on that is not UTF-8 stops the import, unless every
  // byte before it was ASCII: then the file is windows-1252 with a late first accent (createChunkDecoder).
  const encoding = detectEncoding(headBuffer.subarray(0, SNIFF_BYTES));
  const decoder = createChunkDecoder(encoding);
  let firstText = decoder.decode(headBuffer, 0);
  if (exhausted) firstText += decoder.end(headBytes);
  if (!firstText.trim()) throw new ImportRefusedError('empty', 'The file is empty; there is nothing to import.');
  const { dialect, skipChars } = detectCsvDialect(firstText);
  firstText = firstText.slice(skipChars);

  const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, quoteChar: '"' });
  const breakChar = dialect.newline === '\r' ? '\r' : '\n';

  async function* batches(): AsyncGenerator<CsvBatch, void, undefined> {
    let partial = '';
    let baseIndex = 0;
    let nextLine = dialect.sepLine ? 2 : 1;
    let bytesRead = headBytes;

    const parse = (text: string, final: boolean): CsvBatch | null => {
      const input = partial + text;
      const result = parser.parse(input, baseIndex, !final) as PapaChunkResult;
      const consumed = result.meta.cursor - baseIndex;
      partial = input.slice(consumed);
      baseIndex = result.meta.cursor;
      const rows = result.data;
      if (!final && partial.length > MAX_RECORD_CHARS) {
        throw new ImportRefusedError(
          'malformed',
          `Line ${nextLine + countChar(input, breakChar, 0, consumed)}: a quoted value starts here and has not closed after ${MAX_RECORD_CHARS / 1024 / 1024} MB, so every line after it would be read as part of one value. Close the quote (a value containing " must write it as ""); nothing was imported.`,
          nextLine + countChar(input, breakChar, 0, consumed),
        );
      }
      if (rows.length === 0) return null;
      const breaks = countChar(input, breakChar, 0, final ? input.length : consumed);
      const lines = new Array<number>(rows.length);
      // Each row but a final unterminated one ends with one line break; any more are inside quoted values.
      const embedded = breaks - rows.length + (final ? 1 : 0);
      if (embedded <= 0) {
        for (let i = 0; i < rows.length; i += 1) lines[i] = nextLine + i;
      } else {
        // Some values span lines: walk the rows, adding each row's embedded line breaks.
        let line = nextLine;
        for (let i = 0; i < rows.length; i += 1) {
          lines[i] = line;
          line += 1;
          for (const field of rows[i]!) if (field.length > 0) line += countChar(field, breakChar, 0, field.length);
        }
      }
      nextLine += breaks;
      const malformed = new Map<number, string>();
      for (const error of result.errors) {
        const line = lines[Math.min(error.row, rows.length - 1)] ?? nextLine;
        if (error.code === 'MissingQuotes') {
          throw new ImportRefusedError(
            'malformed',
            `Line ${line}: a quoted value starts on this line and never closes, so every line after it would be read as part of one value. Close the quote (a value containing " must write it as ""); nothing was imported.`,
            line,
          );
        }
        malformed.set(error.row, 'A quoted value is followed by more text before the next delimiter (a stray " inside a value must be written as "").');
      }
      return { rows, lines, malformed, bytesRead };
    };

    const first = parse(firstText, exhausted);
    if (first) yield first;
    if (exhausted) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const before = bytesRead;
      bytesRead += next.value.length;
      const batch = parse(decoder.decode(next.value, before), false);
      if (batch) yield batch;
    }
    const last = parse(decoder.end(bytesRead), true);
    if (last) yield last;
  }

  return {
    // Read at the end too: a UTF-8 guess becomes windows-1252 when the first accent comes late.
    get encoding() {
      return decoder.encoding;
    },
    dialect,
    batches: batches(),
  };
}

function countChar(text: string, char: string, from: number, to: number): number {
  let count = 0;
  let at = text.indexOf(char, from);
  while (at !== -1 && at < to) {
    count += 1;
    at = text.indexOf(char, at + 1);
  }
  return count;
}
