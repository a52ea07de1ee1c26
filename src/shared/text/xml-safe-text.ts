/*
 * Characters XML 1.0 cannot carry. Every word a user types can end up on a slide (a .pptx is XML),
 * and one such character makes the whole deck unreadable to PowerPoint and LibreOffice. Word's
 * Shift+Enter (U+000B) and form feeds pasted from old documents are the usual way in. The API
 * refuses them (`storableText` in src/shared/api/schemas/common.ts); the renderer strips them from
 * anything that got in before this rule existed. Tab, line feed and carriage return are legal.
 */

/**
 * C0 controls except tab, LF and CR; the noncharacters U+FFFE and U+FFFF; UTF-16 surrogates
 * without their partner (a string JavaScript allows but no XML parser or UTF-8 file can hold).
 */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const XML_ILLEGAL_ALL = new RegExp(XML_ILLEGAL.source, 'g');

/** Names for the characters people actually paste, so the message says what to look for. */
const CHARACTER_NAMES: Readonly<Record<number, string>> = {
  0x00: 'a NUL byte',
  0x08: 'a backspace',
  0x0b: 'a vertical tab (Word writes one for Shift+Enter)',
  0x0c: 'a page break (form feed)',
  0x1b: 'an escape character',
  0xfffe: 'the noncharacter U+FFFE',
  0xffff: 'the noncharacter U+FFFF',
};

/** Where the first character XML cannot carry is, or null when there is none. */
export function findXmlIllegalCharacter(text: string): { index: number; codeUnit: number } | null {
  const match = XML_ILLEGAL.exec(text);
  return match ? { index: match.index, codeUnit: match[0].charCodeAt(0) } : null;
}

/** True when the text can be written into XML as it is. */
export function isXmlSafeText(text: string): boolean {
  return !XML_ILLEGAL.test(text);
}

/**
 * The text without the characters XML cannot carry (they are invisible or broken anyway).
 * @example stripXmlIllegalCharacters('Acme\u000BHealth') // 'AcmeHealth'
 */
export function stripXmlIllegalCharacters(text: string): string {
  return XML_ILLEGAL.test(text) ? text.replace(XML_ILLEGAL_ALL, '') : text;
}

/**
 * Why a text cannot be stored, in words a user can act on, or null when it can.
 * @example xmlIllegalTextProblem('Acme\u000BHealth') // 'contains a vertical tab (Shift+Enter in Word, U+000B) after "Acme"; ...'
 */
export function xmlIllegalTextProblem(text: string): string | null {
  const found = findXmlIllegalCharacter(text);
  if (!found) return null;
  const code = `U+${found.codeUnit.toString(16).toUpperCase().padStart(4, '0')}`;
  const isSurrogate = found.codeUnit >= 0xd800 && found.codeUnit <= 0xdfff;
  const name = isSurrogate ? 'a broken character (half of a UTF-16 pair)' : (CHARACTER_NAMES[found.codeUnit] ?? 'an invisible control character');
  const before = stripXmlIllegalCharacters(text.slice(Math.max(0, found.index - 20), found.index));
  const where = found.index === 0 ? 'at the start' : `after "${before}"`;
  return `contains ${name}, ${code}, ${where}, which cannot be saved or shown on a slide; delete it or retype the text`;
}

/**
 * A copy of a JSON-like value with every string (keys too) stripped of XML-illegal characters.
 * For reading data stored before the API refused them, so old workspaces keep opening.
 */
export function stripXmlIllegalCharactersDeep<T>(value: T): T {
  if (typeof value === 'string') return stripXmlIllegalCharacters(value) as T;
  if (Array.isArray(value)) return value.map((item) => stripXmlIllegalCharactersDeep(item)) as T;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) copy[stripXmlIllegalCharacters(key)] = stripXmlIllegalCharactersDeep(child);
    return copy as T;
  }
  return value;
}
