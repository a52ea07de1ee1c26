import { Badge, Checkbox, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import type { DeckOutline } from '../../../shared/api/schemas/deck-schemas';
import { choiceFor, useCommitmentReviewStore } from './commitment-review-store';
import { useDeckBuilderStore } from './deck-builder-store';

/**
 * The decisions and next steps this deck proposes, to accept, edit or drop before export. The
 * accepted ones are what the Decisions and Next 90 days slides say, and they are saved in the
 * account's commitments ledger with the deck, so next quarter's deck can open with them.
 */
export function CommitmentsReview({ outline }: { outline: DeckOutline }) {
  const { accountId, quarter, deckType, audience } = useDeckBuilderStore();
  const { choices, startFor, setAccepted, edit } = useCommitmentReviewStore();
  const deckKey = JSON.stringify([accountId, quarter, deckType, audience]);
  useEffect(() => startFor(deckKey), [deckKey, startFor]);
  const proposals = outline.proposedCommitments;
  if (proposals.length === 0) return <Text size="sm" c="dimmed">This deck proposes no decisions or actions.</Text>;
  const accepted = proposals.filter((p) => choiceFor(p, choices).accepted).length;
  return (
    <Stack gap="sm" data-testid="commitments-review">
      <Text size="sm" c="dimmed" role="status" data-testid="commitments-review-count">
        {accepted} of {proposals.length} accepted; they are saved with the deck when you export.
      </Text>
      {proposals.map((proposal) => {
        const choice = choiceFor(proposal, choices);
        return (
          <Group key={proposal.proposalKey} align="flex-start" wrap="nowrap" gap="sm" data-testid="commitment-proposal" opacity={choice.accepted ? 1 : 0.6}>
            <Checkbox
              mt={8}
              checked={choice.accepted}
              onChange={(event) => setAccepted(proposal, event.currentTarget.checked)}
              aria-label={`Accept: ${choice.text}`}
            />
            <Badge mt={8} variant="light" radius="sm" color={proposal.kind === 'decision' ? 'grape' : 'blue'} w={78} style={{ flexShrink: 0 }}>
              {proposal.kind === 'decision' ? 'Decision' : 'Action'}
            </Badge>
            <Textarea
              aria-label="Commitment"
              autosize
              minRows={1}
              maxRows={4}
              value={choice.text}
              onChange={(event) => edit(proposal, 'text', event.currentTarget.value)}
              disabled={!choice.accepted}
              maxLength={500}
              error={choice.accepted && choice.text.trim() === '' ? 'Say what is committed to' : undefined}
              style={{ flex: 1, minWidth: 0 }}
            />
            <TextInput
              aria-label="Owner"
              value={choice.ownerName}
              onChange={(event) => edit(proposal, 'ownerName', event.currentTarget.value)}
              disabled={!choice.accepted}
              maxLength={200}
              error={choice.accepted && choice.ownerName.trim() === '' ? 'Name who owns it' : undefined}
              w={220}
              style={{ flexShrink: 0 }}
            />
            <TextInput
              aria-label="Due"
              type="date"
              value={choice.dueDate}
              onChange={(event) => edit(proposal, 'dueDate', event.currentTarget.value)}
              disabled={!choice.accepted}
              error={choice.accepted && choice.dueDate === '' ? 'Set a date' : undefined}
              w={150}
              style={{ flexShrink: 0 }}
            />
          </Group>
        );
      })}
    </Stack>
  );
}
