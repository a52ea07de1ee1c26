import type { Rollup } from 'vite';

type RollupLog = Rollup.RollupLog;

/**
 * Drops Rollup's INVALID_ANNOTATION notices about comments inside third-party packages (zod's
 * sources carry `@__PURE__` in prose comments): we cannot fix them and Rollup only removes the
 * comment. Every other warning, and any about our own code, is still printed.
 */
export function onRendererBuildWarning(warning: RollupLog, print: (warning: RollupLog) => void): void {
  if (warning.code === 'INVALID_ANNOTATION' && /[\\/]node_modules[\\/]/.test(warning.id ?? '')) return;
  print(warning);
}
