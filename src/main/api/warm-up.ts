import { warmDeckRenderWorker } from '../render/render-deck-in-worker';

/**
 * Starts the deck render thread now, so it loads while the caller opens the workspace and plans
 * (`qbr deck`); the backend host does the same when a workspace opens.
 */
export function warmDeckRendering(): void {
  warmDeckRenderWorker();
}
