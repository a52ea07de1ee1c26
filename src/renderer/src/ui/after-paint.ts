/** A window that is not shown runs no animation frames; work waiting for a paint goes ahead after this. */
const HIDDEN_WINDOW_WAIT_MS = 200;

/**
 * Resolves once the browser has painted what the current task rendered (the frame after the next
 * animation frame callback), so work that can wait — a second request, heavy computation on the
 * backend's cores — does not delay it.
 * @example set({ rows }); await afterNextPaint(); void loadHealth();
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    // No frames outside a browser (the stores' unit tests): nothing to wait for.
    if (typeof requestAnimationFrame !== 'function') return resolve();
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, HIDDEN_WINDOW_WAIT_MS);
  });
}
