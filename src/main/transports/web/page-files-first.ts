import type http from 'node:http';

/** A call waits at most this long for the page's files (a client that stopped reading, or never asks, must not stall the API). */
export const PAGE_FILES_MAX_WAIT_MS = 1_000;

/*
 * The harness answers API calls on the thread that sends the page's files, and a call can hold that
 * thread for a while (better-sqlite3 is synchronous: the portfolio's first list of a big workspace
 * takes a tenth of a second of CPU, several times that on a busy machine). The page sends its
 * start-up calls from a small entry script while its main script is still on its way; answered
 * first, they held that script. So a call waits until the files the page named (its scripts and
 * stylesheets) have been asked for and handed to the OS, and then runs while the browser compiles them.
 */

export interface PageFilesFirst {
  /** Notes a file being sent; `html` when it is a page, whose script and stylesheet links come next. */
  sending(pathname: string, response: http.ServerResponse, html?: string): void;
  /** Resolves once the last page's files have gone out and no other file is being sent (or after PAGE_FILES_MAX_WAIT_MS). */
  idle(): Promise<void>;
}

/**
 * @example const files = pageFilesFirst(); files.sending(url.pathname, response, html); … await files.idle(); answer(call);
 */
export function pageFilesFirst(maxWaitMs = PAGE_FILES_MAX_WAIT_MS): PageFilesFirst {
  /** Files the last page named that have not been asked for yet. */
  let expected = new Set<string>();
  let inFlight = 0;
  let waiting: (() => void)[] = [];

  function releaseIfIdle(): void {
    if (expected.size > 0 || inFlight > 0) return;
    const ready = waiting;
    waiting = [];
    ready.forEach((resolve) => resolve());
  }

  return {
    sending(pathname, response, html) {
      expected.delete(pathname);
      if (html !== undefined) expected = new Set(filesNamedBy(html));
      inFlight++;
      response.once('close', () => {
        inFlight--;
        releaseIfIdle();
      });
    },
    idle() {
      if (expected.size === 0 && inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => {
        waiting.push(resolve);
        setTimeout(() => {
          // Whatever was still expected is not coming (cached, or the page went away).
          expected.clear();
          resolve();
        }, maxWaitMs).unref();
      });
    },
  };
}

/** Paths on this server of the scripts, preloads and stylesheets an HTML page links to. */
function filesNamedBy(html: string): string[] {
  const references = [...html.matchAll(/<(?:script|link)\b[^>]*?\s(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
  return references.filter((reference) => !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(reference)).map((reference) => new URL(reference, 'http://page/').pathname);
}
