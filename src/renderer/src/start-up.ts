import { sendEarly } from './api/start-up-calls';
import { INITIAL_SORT, listQuery } from './portfolio/portfolio-list-query';

/*
 * Imported first by main.tsx, so these run before React and Mantine are even evaluated: who the
 * backend is, and the portfolio's first rows (no search, the initial sort), answered by the
 * backend while the rest of the script starts. The app's first load and the list's take them
 * (see start-up-calls.ts).
 */
sendEarly('app.info', {});
sendEarly('accounts.list', listQuery('', INITIAL_SORT));
