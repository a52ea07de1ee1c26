/** Largest logo accepted, in bytes: the settings keep at most 700,000 base64 characters. */
export const MAX_LOGO_BYTES = 512 * 1024;

/** Every PNG file starts with these eight bytes. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * A logo file as base64 (no data: prefix), or why it cannot be used.
 * @example await readLogoFile(file) // { base64: 'iVBORw0KGgo…' } or { problem: 'Choose a PNG file…' }
 */
export async function readLogoFile(file: Blob): Promise<{ base64: string } | { problem: string }> {
  if (file.size > MAX_LOGO_BYTES) return { problem: `The logo is ${Math.ceil(file.size / 1024)} KB; use a PNG of at most 512 KB.` };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) return { problem: 'Choose a PNG file (other image types are not supported in decks yet).' };
  let binary = '';
  // Chunks, because String.fromCharCode with half a million arguments overflows the stack.
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return { base64: btoa(binary) };
}
