import type { ApiDispatcher } from '../dispatch';

/*
 * A list and a call that works something out for every account (health, the setup facts) can be in
 * flight together: a search typed while the window asks for every account's health, the first rows
 * a team workspace asks for as it opens (backend-host.ts) while a window already asks for health.
 * Run beside the list, the whole-portfolio call shares the backend's thread, and on a team
 * workspace the server and its connections, and the rows arrive later for it. So it starts once
 * every list asked for before it has been answered. A workspace file already answers in that order
 * (its one connection is synchronous). A list asked for later never waits, and nothing else is held.
 */

/** Calls that work out something for every account. */
const WHOLE_PORTFOLIO: ReadonlySet<unknown> = new Set(['insights.portfolio', 'portfolio.facts']);

/** True for a call that works out something for every account (health, the setup facts). */
export function isWholePortfolioCall(method: unknown): boolean {
  return WHOLE_PORTFOLIO.has(method);
}

/**
 * Wraps a dispatcher so whole-portfolio calls wait for the account lists already in flight.
 * @example const dispatch = rowsFirst(route); dispatch('accounts.list', { limit: 100 }); dispatch('insights.portfolio', {});
 */
export function rowsFirst(dispatch: ApiDispatcher): ApiDispatcher {
  const listsInFlight = new Set<Promise<unknown>>();
  return (method, input) => {
    if (method === 'accounts.list') {
      const answer = dispatch(method, input);
      const answered: Promise<void> = answer.then(
        () => void listsInFlight.delete(answered),
        () => void listsInFlight.delete(answered),
      );
      listsInFlight.add(answered);
      return answer;
    }
    if (isWholePortfolioCall(method) && listsInFlight.size > 0) return Promise.all(listsInFlight).then(() => dispatch(method, input));
    return dispatch(method, input);
  };
}
