import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import { useAppStore } from '../app/app-store';
import { useAssessmentsStore } from '../assessments/assessments-store';
import { currentQuarter, formatQuarter } from '../dates';
import { DeckBuilder } from '../deck-builder/DeckBuilder';

/**
 * The deck builder for this account. A deck can be built without a saved assessment (it then
 * says so and reads orientation from the revenue streams), but the assessment sharpens it, so
 * the tab offers to start one first.
 */
export function DecksTab({ account }: { account: AccountSummary }) {
  const hasSavedAssessment = useAssessmentsStore((state) => state.latestFinal !== null);
  const navigate = useAppStore((state) => state.navigate);
  const quarter = currentQuarter();
  return (
    <Stack gap="md">
      {!hasSavedAssessment && (
        <Alert color="blue" variant="light" title="No saved assessment yet" data-testid="decks-no-assessment">
          <Group justify="space-between" align="center" wrap="nowrap">
            <Text size="sm" style={{ flex: 1, minWidth: 0 }}>
              A deck reads its value map and evidence gaps from the saved assessment. Without one it falls back to the recorded revenue streams and
              says so on its slides.
            </Text>
            <Button variant="default" style={{ flexShrink: 0 }} onClick={() => navigate({ name: 'wizard', accountId: account.id, quarter })}>
              Start the {formatQuarter(quarter)} assessment
            </Button>
          </Group>
        </Alert>
      )}
      <DeckBuilder accountId={account.id} />
    </Stack>
  );
}
