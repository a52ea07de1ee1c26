import { Alert, Button, CopyButton, Group, Stack, Text } from '@mantine/core';
import { api } from '../api/client';
import { useAppStore } from '../app/app-store';
import { notifyError } from '../notify';
import type { ExportedDeck } from './deck-builder-store';

/**
 * "Deck saved": where the file is and how many slides it has, with Open and Show in folder where the
 * desktop can do that, and Copy path where it cannot (the browser harness).
 */
export function DeckSavedNotice({ deck }: { deck: ExportedDeck }) {
  const canReveal = useAppStore((state) => state.info?.canRevealFiles ?? false);

  async function reveal(action: 'open' | 'showInFolder') {
    try {
      await api.call('decks.reveal', { deckId: deck.deckId, action });
    } catch (error) {
      notifyError(action === 'open' ? "Couldn't open the deck" : "Couldn't show the deck in its folder", error);
    }
  }

  return (
    <Alert color="teal" variant="light" title="Deck saved" data-testid="deck-saved" role="status">
      <Stack gap="xs">
        <Text size="sm">
          {deck.slideCount} slides ·{' '}
          <Text span ff="monospace" size="xs" style={{ overflowWrap: 'anywhere' }} data-testid="deck-saved-path">
            {deck.filePath}
          </Text>
        </Text>
        <Group gap="xs">
          {canReveal ? (
            <>
              <Button size="xs" onClick={() => void reveal('open')}>
                Open
              </Button>
              <Button size="xs" variant="default" onClick={() => void reveal('showInFolder')}>
                Show in folder
              </Button>
            </>
          ) : (
            <CopyButton value={deck.filePath}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy}>
                  {copied ? 'Path copied' : 'Copy path'}
                </Button>
              )}
            </CopyButton>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}
