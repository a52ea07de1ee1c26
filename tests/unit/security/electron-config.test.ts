import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/transports/security/content-security-policy';

/*
 * Electron cannot launch on our build machines, so the hardening it relies on is checked where
 * it is declared: the window's webPreferences, the CSP, and the fuses in the packaging config.
 */

const shellSource = fs.readFileSync('src/main/transports/shell/main.ts', 'utf8');

/** The `key: value` pairs of a top-level block in electron-builder.yml (flat blocks only). */
function yamlBlock(text: string, block: string): Record<string, string> {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trimEnd() === `${block}:`);
  if (start < 0) return {};
  const entries: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const match = /^\s+([A-Za-z]+):\s*(\S+)\s*$/.exec(line);
    if (!match) break;
    entries[match[1]!] = match[2]!;
  }
  return entries;
}

describe('Electron hardening as declared', () => {
  it.each([
    ['contextIsolation', 'true'],
    ['sandbox', 'true'],
    ['nodeIntegration', 'false'],
    ['nodeIntegrationInSubFrames', 'false'],
    ['webSecurity', 'true'],
    ['allowRunningInsecureContent', 'false'],
    ['webviewTag', 'false'],
  ])('the app window sets %s: %s', (key, value) => {
    expect(shellSource).toMatch(new RegExp(`\\b${key}: ${value}\\b`));
  });

  it('blocks navigation, redirects, new windows and webviews, and denies permissions', () => {
    for (const guard of ["'will-navigate'", "'will-redirect'", "'will-attach-webview'", 'setWindowOpenHandler', 'setPermissionRequestHandler', 'setPermissionCheckHandler']) {
      expect(shellSource).toContain(guard);
    }
    expect(shellSource).toContain("action: 'deny'");
  });

  it('runs every IPC call through the sender check before the dispatcher', () => {
    const handler = shellSource.slice(shellSource.indexOf('ipcMain.handle('));
    expect(handler.indexOf('isTrustedIpcSender')).toBeGreaterThan(-1);
    expect(handler.indexOf('isTrustedIpcSender')).toBeLessThan(handler.indexOf('.dispatch('));
  });

  it('allows scripts only from our own origin, in the header policy and in the page', () => {
    const scriptSources = (policy: string) => /script-src ([^;]+)/.exec(policy)?.[1] ?? '';
    const html = fs.readFileSync('src/renderer/index.html', 'utf8');
    const metaPolicy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    for (const policy of [CONTENT_SECURITY_POLICY, metaPolicy]) {
      expect(scriptSources(policy).trim()).toBe("'self'");
      expect(policy).not.toContain('unsafe-eval');
      expect(policy).toContain("object-src 'none'");
    }
  });

  it('sets the Electron fuses in the packaging config', () => {
    const fuses = yamlBlock(fs.readFileSync('electron-builder.yml', 'utf8'), 'electronFuses');
    expect(fuses).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    });
  });
});
