/*
 * Small, dependency-free helpers for asserting on .pptx packages in tests: a strict XML
 * well-formedness check and a zip central-directory reader (to see each entry's compression).
 */

const NAME = '[A-Za-z_:][-A-Za-z0-9_:.]*';
const TOKEN = new RegExp(`<\\?[\\s\\S]*?\\?>|<!--[\\s\\S]*?-->|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>|<|&`, 'g');
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/;

/** Returns null when `xml` is well-formed, else a description of the first problem. */
export function xmlProblem(xml: string): string | null {
  const stack: string[] = [];
  let roots = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    const [token, closing, name, attrs, selfClosing] = m;
    if (token === '<') return `stray "<" at ${m.index}`;
    if (token === '&') {
      if (!ENTITY.test(xml.slice(m.index, m.index + 12))) return `bare "&" at ${m.index}`;
      continue;
    }
    if (!name) continue; // declaration, comment, CDATA
    if (attrs && /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/.test(attrs)) return `bare "&" in attribute of <${name}>`;
    if (closing) {
      if (stack.pop() !== name) return `unexpected </${name}> at ${m.index}`;
    } else if (!selfClosing) {
      if (stack.length === 0) roots += 1;
      stack.push(name);
    } else if (stack.length === 0) roots += 1;
  }
  if (stack.length) return `unclosed <${stack.at(-1)}>`;
  return roots === 1 ? null : `${roots} root elements`;
}

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = DEFLATE. */
  method: number;
  compressedSize: number;
  size: number;
}

/** Lists a zip's entries from its central directory. */
export function zipEntries(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip: no end-of-central-directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), method: zip.readUInt16LE(at + 10), compressedSize: zip.readUInt32LE(at + 20), size: zip.readUInt32LE(at + 24) });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}
