// The stylesheets, linked from index.html so the browser fetches them with the first script.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
import { sendEarly } from './api/start-up-calls';
import { startUpListQuery } from './portfolio/portfolio-list-query';

/*
 * The renderer's entry (index.html loads it): a few kilobytes, so these run as soon as the page
 * has them, while the browser is still loading and compiling React, Mantine and the app (main.tsx,
 * preloaded by index.html; see vite.shared.ts): who the backend is, and the portfolio's first
 * screen of rows (startUpListQuery). The backend answers them meanwhile; the app's first load and
 * the list's take them (see start-up-calls.ts).
 */
sendEarly('app.info', {});
sendEarly('accounts.list', startUpListQuery());
void import('./main');
