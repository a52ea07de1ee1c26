/**
 * The renderer's Content-Security-Policy, shared by the Electron shell and the web harness.
 * Scripts only from our own origin (no inline, no eval); styles allow inline because the
 * component library sets CSS variables at run time, which cannot execute code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
