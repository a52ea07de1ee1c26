import { describe, expect, it } from 'vitest';
import { isTrustedIpcSender } from '../../../src/main/transports/security/ipc-sender';
import { isAllowedRendererUrl } from '../../../src/main/transports/security/navigation-policy';

const built = { indexFileUrl: 'file:///opt/QBR%20Workbench/resources/app.asar/out/renderer/index.html' };
const dev = { devServerOrigin: 'http://localhost:5173' };

describe('navigation allowlist', () => {
  it.each([
    ['file:///opt/QBR%20Workbench/resources/app.asar/out/renderer/index.html', built, true],
    ['file:///opt/QBR%20Workbench/resources/app.asar/out/renderer/index.html#/settings', built, true],
    ['file:///etc/passwd', built, false],
    ['https://example.com/', built, false],
    ['http://localhost:5173/', dev, true],
    ['http://localhost:5173/src/main.tsx', dev, true],
    ['http://localhost:5174/', dev, false],
    ['http://localhost.evil.example:5173/', dev, false],
    ['javascript:alert(1)', dev, false],
    ['not a url', built, false],
    ['https://example.com/', {}, false],
  ])('%s → %s', (url, location, allowed) => {
    expect(isAllowedRendererUrl(url, location)).toBe(allowed);
  });
});

describe('IPC sender check', () => {
  const mainFrame = { url: built.indexFileUrl, isMainFrame: true };

  it('accepts our window main frame showing our renderer', () => {
    expect(isTrustedIpcSender({ senderId: 1, senderFrame: mainFrame }, 1, built)).toBe(true);
  });
  it('refuses another window', () => {
    expect(isTrustedIpcSender({ senderId: 2, senderFrame: mainFrame }, 1, built)).toBe(false);
  });
  it('refuses a subframe, even of our own page', () => {
    expect(isTrustedIpcSender({ senderId: 1, senderFrame: { ...mainFrame, isMainFrame: false } }, 1, built)).toBe(false);
  });
  it('refuses a main frame that shows some other page', () => {
    expect(isTrustedIpcSender({ senderId: 1, senderFrame: { url: 'https://example.com/', isMainFrame: true } }, 1, built)).toBe(false);
  });
  it('refuses when the frame is gone or no window is open yet', () => {
    expect(isTrustedIpcSender({ senderId: 1, senderFrame: null }, 1, built)).toBe(false);
    expect(isTrustedIpcSender({ senderId: 1, senderFrame: mainFrame }, null, built)).toBe(false);
  });
});
