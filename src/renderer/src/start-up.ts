// The stylesheets, linked from index.html so the browser fetches them with the first script.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
import { sendEarly } from './api/start-up-calls';
import { startUpListQuery } from './portfolio/portfolio-list-query';

/*
 * The renderer's entry (index.html loads it): a few kilobytes, so these run as soon as the page
 * has them, while the browser is still loading and compiling React, Mantine and the app (main.tsx,
 * preloaded by index.html; see vite.shared.ts): who the backend is and the portfolio's first screen
 * of rows (startUpListQuery), which bring the health the workspace kept and their setup. The app's
 * first load and the portfolio's take the answers (see start-up-calls.ts).
 *
 * What needs every account (health and signals, the setup facts) is asked for once the first rows
 * have painted (portfolio-store.ts, portfolio-facts-store.ts): working it out takes the backend a
 * few hundred ms of CPU, which on a two-core laptop the browser needs at this moment to compile
 * and render the app.
 */
sendEarly('app.info', {});
sendEarly('accounts.list', startUpListQuery());
void import('./main');
