// Loaded by start-up.ts (the entry), once it has sent the start-up calls.
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { useAppStore } from './app/app-store';
import { usePortfolioStore } from './portfolio/portfolio-store';
import { usePortfolioFactsStore } from './portfolio/portfolio-facts-store';
import { lightColorScheme, theme } from './theme';

function render(): void {
  // Start-up answers that have already arrived go into the first render: the app and its rows at
  // once, not a loader, then the frame, then the rows.
  useAppStore.getState().startWithEarlyInfo();
  usePortfolioStore.getState().startWithEarlyList();
  usePortfolioFactsStore.getState().startWithEarlyFacts();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
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
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', render, { once: true });
else render();
