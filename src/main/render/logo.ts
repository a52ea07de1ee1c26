/** A logo's placed size in inches, keeping its aspect ratio inside `maxW` × `maxH`. */
export interface LogoBox {
  w: number;
  h: number;
}

/**
 * Reads a PNG's pixel size from its IHDR chunk (bytes 16-23) so the logo is scaled, not stretched.
 * Returns null for anything that is not a PNG, and the caller leaves the logo out.
 */
export function pngSize(base64: string): { width: number; height: number } | null {
  const head = Buffer.from(base64.slice(0, 48), 'base64');
  if (head.length < 24 || head.readUInt32BE(0) !== 0x89504e47 || head.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = head.readUInt32BE(16);
  const height = head.readUInt32BE(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** Fits the logo inside a box; null when the data is not a readable PNG. */
export function logoBox(base64: string, max: { maxW: number; maxH: number }): LogoBox | null {
  const size = pngSize(base64);
  if (!size) return null;
  const scale = Math.min(max.maxW / size.width, max.maxH / size.height);
  return { w: size.width * scale, h: size.height * scale };
}
