/** True when the first letter with a strong direction is Hebrew or Arabic: such a paragraph reads right-to-left. */
export function isRightToLeft(text: string): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) return true;
    if (/\p{L}/u.test(ch)) return false;
  }
  return false;
}
