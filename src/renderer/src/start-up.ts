// The stylesheets, linked from index.html so the browser fetches them with the first script.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
import { sendEarly } from './api/start-up-calls';
import { startUpListQuery } from './portfolio/portfolio-list-query';

/*
 * The renderer's entry (index.html loads it): a few kilobytes, so these run as soon as the page
 * has them, while the browser is still loading and compiling React, Mantine and the app (main.tsx,
 * preloaded by index.html; see vite.shared.ts): who the backend is, the portfolio's first screen
 * of rows (startUpListQuery), then what the rows' other cells show — every account's health and
 * signals, and the setup facts. All at once: the browser's thread is busy compiling the app until
 * well after the list could answer, so a call sent "once the list answered" would go out only then.
 * The backend takes them in the order sent (the list's query first). The app's first load and the
 * portfolio's take the answers (see start-up-calls.ts).
 */
sendEarly('app.info', {});
sendEarly('accounts.list', startUpListQuery());
sendEarly('insights.portfolio', {});
sendEarly('portfolio.facts', {});
void import('./main');
