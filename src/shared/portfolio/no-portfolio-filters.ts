/**
 * No filter: every account. The filter schema's defaults are these values; kept in a module without
 * zod so the renderer's first screen does not load the validation library (issue 14's bundle budget).
 */
export const NO_PORTFOLIO_FILTERS = Object.freeze({
  health: [] as never[],
  signals: [] as never[],
  revenueModels: [] as never[],
  segments: [] as never[],
  renewalWithinDays: null,
  setup: 'any' as const,
});
