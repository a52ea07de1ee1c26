import { Alert, Badge, Stack, Table, Text } from '@mantine/core';
import { isAudienceKey } from '../../../shared/deck-plan/deck-audience';
import { formatQuarter } from '../dates';
import { formatTimestamp } from '../format';
import { ARCHETYPE_LABELS } from '../framework-labels';
import { useDeckBuilderStore } from './deck-builder-store';

/** The decks written for this account, newest first, as recorded on the account. */
export function DeckHistory() {
  const { decks, decksError } = useDeckBuilderStore();
  if (decksError) {
    return (
      <Alert color="red" variant="light" title="Couldn't list this account's decks">
        {decksError}
      </Alert>
    );
  }
  if (decks.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="deck-history-empty">
        No decks exported for this account yet. Each deck you export is listed here with where it was saved.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" aria-label="Decks exported" data-testid="deck-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Exported</Table.Th>
            <Table.Th>Deck</Table.Th>
            <Table.Th>Audience</Table.Th>
            <Table.Th>File</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {decks.map((deck) => (
            <Table.Tr key={deck.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(deck.createdAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge size="sm" radius="sm" variant="light">
                  {deck.deckType.toUpperCase()}
                </Badge>{' '}
                {formatQuarter(deck.quarter)}
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {deck.audience.map((key) => (
                    <Text key={key} size="xs">
                      {isAudienceKey(key) ? ARCHETYPE_LABELS[key] : key}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {deck.filePath}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
