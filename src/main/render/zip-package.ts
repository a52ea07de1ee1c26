import zlib from 'node:zlib';
import type JSZip from 'jszip';

/*
 * Writes a JSZip package as a .zip with Node's zlib (native DEFLATE and CRC-32) instead of JSZip's
 * own pipeline, which deflates in JavaScript (pako) chunk by chunk across event-loop turns: on a
 * 20-slide deck that pipeline was a third of the render (see the README's Performance section).
 * Only what an OPC package needs: stored or deflated file entries (folders are not parts and are
 * left out), no zip64 (a deck is far below 4 GB), entry times from the caller so the bytes depend
 * only on the input.
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
  /** The entries' modification time (UTC, DOS precision: 2 s, 1980-2107); default 1980-01-01. */
  modifiedAt?: Date;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** "Version needed to extract" 2.0: DEFLATE. */
const VERSION = 20;
/** General-purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;

function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, date.getUTCFullYear()));
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/**
 * A .zip of the entries, each deflated by zlib (level 6, as JSZip's DEFLATE) unless that would not
 * make it smaller, or stored when asked.
 * @example const bytes = writeZip([{ name: 'a.xml', data: Buffer.from('<a/>') }]);
 */
export function writeZip(entries: readonly ZipEntry[], options: ZipOptions = {}): Buffer {
  const stamp = dosDateTime(options.modifiedAt ?? new Date(Date.UTC(1980, 0, 1)));
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const crc = zlib.crc32(entry.data);
    const deflated = options.compression === 'STORE' ? null : zlib.deflateRawSync(entry.data, { level: 6 });
    const useDeflate = deflated !== null && deflated.length < entry.data.length;
    const body = useDeflate ? deflated : Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    const flags = /[^\x20-\x7e]/.test(entry.name) ? UTF8_NAME : 0;
    const method = useDeflate ? 8 : 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(stamp.time, 10);
    local.writeUInt16LE(stamp.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.byteLength, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, name, body);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(VERSION, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(stamp.time, 12);
    header.writeUInt16LE(stamp.date, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(entry.data.byteLength, 24);
    header.writeUInt16LE(name.length, 28);
    // Extra field, comment, disk number, internal and external attributes: none.
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
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
 * A JSZip package written with Node's zlib (see writeZip).
 * @example const bytes = await zipToBuffer(zip, { modifiedAt: new Date(document.createdAt) });
 */
export async function zipToBuffer(zip: JSZip, options: ZipOptions = {}): Promise<Buffer> {
  return writeZip(await zipEntries(zip), options);
}
