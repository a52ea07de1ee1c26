import zlib from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';
import type JSZip from 'jszip';

/*
 * Writes a JSZip package as a .zip with Node's zlib (native DEFLATE and CRC-32) instead of JSZip's
 * own pipeline, which deflates in JavaScript (pako) chunk by chunk across event-loop turns: on a
 * 20-slide deck that pipeline was a third of the render (see the README's Performance section).
 * The zip container (headers, central directory) is fflate's streaming `Zip`; each entry is handed
 * to it already deflated by zlib through fflate's interface for a custom compression
 * (`ZipInputFile`), so nothing is deflated in JavaScript. Only what an OPC package needs: stored or
 * deflated file entries (folders are not parts and are left out), UTF-8 names, entry times from
 * the caller so the bytes depend only on the input. fflate's streaming writer puts each entry's
 * CRC and sizes in a data descriptor after its data (general-purpose bit 3), as Java's and .NET's
 * zip writers do; the central directory holds them too.
 */

/** One entry of the package, in the order it is written. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** Options for writeZip. */
export interface ZipOptions {
  /** DEFLATE (the default) or store. */
  compression?: 'DEFLATE' | 'STORE';
  /** The entries' modification time (UTC, DOS precision: 2 s, 1980-2099); default 1980-01-01. */
  modifiedAt?: Date;
}

const EARLIEST = Date.UTC(1980, 0, 1);
const LATEST = Date.UTC(2099, 11, 31, 23, 59, 58);
/** Compression methods (APPNOTE 4.4.5). */
const STORED = 0;
const DEFLATED = 8;

/**
 * The time to give fflate so the entries are stamped with `date`'s UTC clock (as JSZip stamps
 * them): fflate writes the local clock of what it is given, which would make the bytes depend on
 * the machine's time zone. Clamped to the years fflate writes (1980-2099).
 */
function utcClockForFflate(date: Date): Date {
  const utc = new Date(Math.min(LATEST, Math.max(EARLIEST, date.getTime())));
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
}

/**
 * A .zip of the entries, each deflated by zlib (level 6, as JSZip's DEFLATE) unless that would not
 * make it smaller, or stored when asked.
 * @example const bytes = writeZip([{ name: 'a.xml', data: Buffer.from('<a/>') }]);
 */
export function writeZip(entries: readonly ZipEntry[], options: ZipOptions = {}): Buffer {
  const mtime = utcClockForFflate(options.modifiedAt ?? new Date(EARLIEST));
  const chunks: Uint8Array[] = [];
  // fflate calls back synchronously as each entry's data arrives; an error (a name over 64 KiB) is thrown out of add().
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const entry of entries) {
    const deflated = options.compression === 'STORE' ? null : zlib.deflateRawSync(entry.data, { level: 6 });
    const useDeflate = deflated !== null && deflated.length < entry.data.byteLength;
    const file: ZipInputFile = { filename: entry.name, size: entry.data.byteLength, crc: zlib.crc32(entry.data), compression: useDeflate ? DEFLATED : STORED, mtime };
    zip.add(file);
    // fflate types its chunks as over a plain ArrayBuffer; it only reads them, so a shared one does as well.
    file.ondata!(null, useDeflate ? deflated : (entry.data as Uint8Array<ArrayBuffer>), true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

/**
 * The value a JSZip part was added with, without going through JSZip's stream pipeline: a part
 * added as a JS string (all of pptxgenjs's XML) holds a promise of that very string, a base64 or
 * binary part one of its bytes. Null when JSZip holds it some other way (read it through JSZip).
 */
export async function addedPartValue(file: JSZip.JSZipObject): Promise<string | Uint8Array | null> {
  const internal = file as unknown as { _data?: unknown; _dataBinary?: boolean };
  if (!(internal._data instanceof Promise)) return null;
  const data: unknown = await internal._data;
  if (typeof data === 'string' && internal._dataBinary === false) return data;
  if (data instanceof Uint8Array && internal._dataBinary === true) return data;
  return null;
}

/** The file entries of a JSZip package, in its order, as bytes (folders are not parts). */
export async function zipEntries(zip: JSZip): Promise<ZipEntry[]> {
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  return Promise.all(
    names.map(async (name) => {
      const file = zip.files[name]!;
      const added = await addedPartValue(file);
      const data = typeof added === 'string' ? Buffer.from(added, 'utf8') : (added ?? (await file.async('nodebuffer')));
      return { name, data };
    }),
  );
}

/**
 * A JSZip package written with Node's zlib and fflate (see writeZip).
 * @example const bytes = await zipToBuffer(zip, { modifiedAt: new Date(document.createdAt) });
 */
export async function zipToBuffer(zip: JSZip, options: ZipOptions = {}): Promise<Buffer> {
  return writeZip(await zipEntries(zip), options);
}
