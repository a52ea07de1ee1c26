/**
 * Windows narrower than this (1200 px) are "narrow": the navigation shows icons only and the
 * wizard's step list gets slimmer, so a 1024-pixel laptop screen keeps its width for content.
 */
export const WIDE_WINDOW_QUERY = '(min-width: 75em)';
