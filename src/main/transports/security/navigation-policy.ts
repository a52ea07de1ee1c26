/**
 * Which URLs the app window may show. Only the renderer itself: its file in a packaged or built
 * app, or the dev server's origin during `npm start`. Everything else (links, redirects,
 * window.open) is refused.
 */
export interface RendererLocation {
  /** file:// URL of the built index.html, when loading from disk. */
  indexFileUrl?: string;
  /** Origin of the electron-vite dev server, when running `npm start`. */
  devServerOrigin?: string;
}

/** True when `url` is the app's own renderer. */
export function isAllowedRendererUrl(url: string, location: RendererLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.devServerOrigin && parsed.origin === location.devServerOrigin) return true;
  if (location.indexFileUrl && parsed.protocol === 'file:') {
    const expected = new URL(location.indexFileUrl);
    return parsed.pathname === expected.pathname;
  }
  return false;
}
