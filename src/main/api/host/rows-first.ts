import type { ApiDispatcher } from '../dispatch';

/*
 * The window asks for its first rows, the portfolio's health and its setup facts at once (the
 * renderer's start-up calls), and paints the rows first. Health and the facts work something out
 * for every account; run beside the list they share the backend's thread, and on a team workspace
 * the server and its connections, while the list is worked out, and the rows arrive later for it.
 * So they start once every list asked for before them has been answered. A workspace file already
 * answers in that order (its one connection is synchronous). A list asked for later never waits,
 * and nothing else is held.
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
