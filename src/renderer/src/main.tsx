// Loaded by start-up.ts (the entry), once it has sent the start-up calls.
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { earlyAnswersIn } from './api/start-up-calls';
import { App } from './app/App';
import { useAppStore } from './app/app-store';
import { usePortfolioStore } from './portfolio/portfolio-store';
import { lightColorScheme, theme } from './theme';

/*
 * How long the first render waits for who the backend is and the first rows, once this code is
 * ready. Their answers are usually on their way by then (start-up.ts sent them before this code
 * arrived): waiting a moment lets the first render show the rows, instead of rendering the frame
 * with a loader and then the whole screen again, which on a busy laptop pushes the rows later than
 * the answer itself. A slower answer does not keep the window blank: the frame paints after this.
 */
const FIRST_ROWS_MAX_WAIT_MS = 250;

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  root.setAttribute('aria-busy', 'true');
  await earlyAnswersIn(['app.info', 'accounts.list'], FIRST_ROWS_MAX_WAIT_MS);
  root.removeAttribute('aria-busy');
  render(root);
}

function render(root: HTMLElement): void {
  // Start-up answers that have already arrived go into the first render: the app and its rows at
  // once, not a loader, then the frame, then the rows.
  useAppStore.getState().startWithEarlyInfo();
  usePortfolioStore.getState().startWithEarlyList();
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light" colorSchemeManager={lightColorScheme}>
        <ModalsProvider>
          <Notifications position="bottom-right" limit={4} />
          <App />
        </ModalsProvider>
      </MantineProvider>
    </StrictMode>,
  );
}

// The entry is an async script, so this may run before the parser has reached #root.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start(), { once: true });
else void start();
