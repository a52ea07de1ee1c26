import type { AccountListQuery } from './schemas/account-schemas';

/**
 * The list a window asks for as it starts: its first screen of accounts by name (more than a
 * window shows, so the rows drawn beyond it are there too; the rest follow once they have
 * painted), each with the health the workspace kept for it and its setup. The renderer sends it
 * with its start-up calls; opening a team workspace asks for it once beforehand (backend-host.ts).
 * A module of its own with a type-only import: the renderer's small entry script sends it, and
 * must not carry the schemas' code.
 */
export const START_UP_LIST_QUERY = { search: '', sortBy: 'name', direction: 'asc', limit: 100, withHealthAndSetup: true } as const satisfies AccountListQuery;
