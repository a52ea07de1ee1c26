import { Button } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useAppStore } from '../app/app-store';
import { todayIsoDate } from '../dates';
import { usePortfolioDecksStore } from './portfolio-decks-store';

// Loaded the first time it is opened, not with the portfolio.
const PortfolioDecksDialog = lazy(async () => ({ default: (await import('./PortfolioDecksDialog')).PortfolioDecksDialog }));

/** "Generate decks": opens the batch dialog that writes one deck per account. */
export function PortfolioDecksButton({ disabled = false }: { disabled?: boolean }) {
  const open = usePortfolioDecksStore((state) => state.open);
  const running = usePortfolioDecksStore((state) => state.progress?.state === 'running');
  const filesFolder = useAppStore((state) => state.info?.filesFolder ?? null);
  const opened = usePortfolioDecksStore((state) => state.opened);
  // Once opened it stays mounted, so its closing animation and a running job's progress survive.
  const [wanted, setWanted] = useState(false);
  if (opened && !wanted) setWanted(true);
  return (
    <>
      <Button variant="default" disabled={disabled} onClick={() => open({ today: todayIsoDate(), filesFolder })}>
        {running ? 'Generating decks…' : 'Generate decks'}
      </Button>
      {wanted && (
        <Suspense fallback={null}>
          <PortfolioDecksDialog />
        </Suspense>
      )}
    </>
  );
}
