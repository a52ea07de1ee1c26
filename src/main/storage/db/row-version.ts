/*
 * A row's version is its updatedAt. Every write sets a new one — now, or one millisecond after
 * the current one when the clock has not moved past it (two writes in one millisecond, a laptop
 * whose clock is behind the server's) — so "the row still has the updatedAt I read" means nobody
 * wrote it since, and a write can be made conditional on it (see updateAccountAtVersion).
 */

/**
 * The updatedAt a write over a row at version `current` sets.
 * @example nextRowVersion(new Date('2026-11-15T10:00:00.000Z'), '2026-11-15T10:00:00.000Z') // → '2026-11-15T10:00:00.001Z'
 */
export function nextRowVersion(now: Date, current: string): string {
  const currentMs = Date.parse(current);
  const ms = Number.isNaN(currentMs) ? now.getTime() : Math.max(now.getTime(), currentMs + 1);
  return new Date(ms).toISOString();
}
