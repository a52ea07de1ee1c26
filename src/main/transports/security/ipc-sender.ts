import { isAllowedRendererUrl, type RendererLocation } from './navigation-policy';

/** The parts of an Electron IPC event the sender check reads (so it can be tested without Electron). */
export interface IpcSenderInfo {
  senderId: number;
  /** The frame that sent the message; null when it has gone away. */
  senderFrame: { url: string; isMainFrame: boolean } | null;
}

/**
 * Accepts an IPC call only from our own window's main frame showing our own renderer,
 * never from a subframe, another window, or a page that navigated elsewhere.
 */
export function isTrustedIpcSender(sender: IpcSenderInfo, appWindowId: number | null, location: RendererLocation): boolean {
  if (appWindowId === null || sender.senderId !== appWindowId) return false;
  const frame = sender.senderFrame;
  if (!frame || !frame.isMainFrame) return false;
  return isAllowedRendererUrl(frame.url, location);
}
