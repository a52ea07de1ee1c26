import { Button } from '@mantine/core';
import { useAppStore } from '../app/app-store';
import { todayIsoDate } from '../dates';
import { usePortfolioDecksStore } from './portfolio-decks-store';
import { PortfolioDecksDialog } from './PortfolioDecksDialog';

/** "Generate decks": opens the batch dialog that writes one deck per account. */
export function PortfolioDecksButton({ disabled = false }: { disabled?: boolean }) {
  const open = usePortfolioDecksStore((state) => state.open);
  const running = usePortfolioDecksStore((state) => state.progress?.state === 'running');
  const workspacePath = useAppStore((state) => state.info?.workspacePath ?? null);
  return (
    <>
      <Button variant="default" disabled={disabled} onClick={() => open({ today: todayIsoDate(), workspacePath })}>
        {running ? 'Generating decks…' : 'Generate decks'}
      </Button>
      <PortfolioDecksDialog />
    </>
  );
}
