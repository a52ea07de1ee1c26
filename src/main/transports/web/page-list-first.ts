import { isWholePortfolioCall } from '../../api/host/rows-first';

/** How long a whole-portfolio call waits at most for the list of a page that has just loaded. */
export const PAGE_LIST_MAX_WAIT_MS = 500;

/*
 * A page's start-up script sends its first list, then health and the setup facts (renderer
 * start-up.ts), each on a connection of its own, so the harness may read them in any order; and
 * the backend holds a whole-portfolio call only for a list it has already been asked for
 * (api/host/rows-first.ts). Read first, health would take the thread the rows wait for. So after
 * a page load, a whole-portfolio call waits until that page's list has been passed on (at most
 * PAGE_LIST_MAX_WAIT_MS from when it arrived; then the page's list is no longer
 * waited for, as for a page that never asks for one). The desktop app needs none of
 * this: its calls arrive in the order they were sent.
 */

export interface PageListFirst {
  /** A page was served: its start-up list is coming. */
  pageLoaded(): void;
  /** Resolves when `method` may be passed on to the backend. */
  before(method: unknown): Promise<void>;
  /** `method` has been passed on (the backend has it in hand: rows-first now knows of a list). */
  passedOn(method: unknown): void;
}

/** @example const order = pageListFirst(); order.pageLoaded(); … await order.before(method); const answer = dispatch(method, input); order.passedOn(method); */
export function pageListFirst(maxWaitMs = PAGE_LIST_MAX_WAIT_MS): PageListFirst {
  let listDue: { arrived: Promise<void>; release(): void } | null = null;

  return {
    pageLoaded() {
      listDue?.release();
      let release!: () => void;
      const arrived = new Promise<void>((resolve) => (release = resolve));
      const due = {
        arrived,
        release: () => {
          if (listDue === due) listDue = null;
          release();
        },
      };
      listDue = due;
    },
    before(method) {
      const due = listDue;
      if (!due || !isWholePortfolioCall(method)) return Promise.resolve();
      const timer = setTimeout(() => due.release(), maxWaitMs);
      timer.unref();
      return due.arrived.then(() => clearTimeout(timer));
    },
    passedOn(method) {
      if (method === 'accounts.list') listDue?.release();
    },
  };
}
