import { Button } from '@mantine/core';
import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import { useAppStore } from '../app/app-store';
import { currentQuarter, formatQuarter } from '../dates';
import { useAssessmentsStore } from '../assessments/assessments-store';
import { EmptyState } from '../ui/EmptyState';

/** Decks generated for this account; none yet, and the first step toward one is a saved assessment. */
export function DecksTab({ account }: { account: AccountSummary }) {
  const hasSavedAssessment = useAssessmentsStore((state) => state.latestFinal !== null);
  const navigate = useAppStore((state) => state.navigate);
  const quarter = currentQuarter();
  return (
    <EmptyState
      title="No decks generated for this account"
      testId="decks-empty"
      actions={
        hasSavedAssessment ? undefined : (
          <Button variant="default" onClick={() => navigate({ name: 'wizard', accountId: account.id, quarter })}>
            Start the {formatQuarter(quarter)} assessment
          </Button>
        )
      }
    >
      A QBR deck is built from the account's saved assessment: its value map decides which slide speaks to which stakeholder, and its
      evidence gaps decide what the deck says honestly it cannot show yet.{' '}
      {hasSavedAssessment
        ? 'This account has a saved assessment, so it is ready for a deck; decks you generate will be listed here.'
        : 'Save this quarter’s assessment first; decks you generate will be listed here.'}
    </EmptyState>
  );
}
