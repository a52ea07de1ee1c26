import { Alert, Button, Center, Divider, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useAppStore } from '../app/app-store';
import { formatQuarter, todayIsoDate } from '../dates';
import { SectionCard } from '../ui/SectionCard';
import { useDeckBuilderStore } from './deck-builder-store';
import { DeckHistory } from './DeckHistory';
import { DeckOptions } from './DeckOptions';
import { ExportDeckPanel } from './ExportDeckPanel';
import { PlanFindings } from './PlanFindings';
import { SlideOutline } from './SlideOutline';
import { CommitmentsReview } from './CommitmentsReview';

/**
 * The deck builder of one account: choose quarter, deck type and audience; read the evidence gaps
 * and notices; hide, reorder, retitle and annotate slides; export the .pptx; see the decks written.
 */
export function DeckBuilder({ accountId }: { accountId: string }) {
  const { status, error, outline, planStatus, planError, draftStatus, draftError, carriedEdits, open } = useDeckBuilderStore();
  const filesFolder = useAppStore((state) => state.info?.filesFolder ?? null);
  // Read once per visit: every date on the builder agrees even across midnight.
  const [today] = useState(todayIsoDate);

  useEffect(() => {
    void open(accountId, { today, filesFolder });
  }, [accountId, filesFolder, today, open]);

  if (status === 'idle' || status === 'loading' || useDeckBuilderStore.getState().accountId !== accountId) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the deck builder" />
      </Center>
    );
  }
  if (status === 'error') {
    return (
      <Alert color="red" variant="light" title="Couldn't open the deck builder">
        <Stack gap="xs" align="flex-start">
          {error}
          <Button size="xs" variant="default" onClick={() => void open(accountId, { today, filesFolder })}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }

  return (
    <Stack gap="md" data-testid="deck-builder">
      <SectionCard title="Build a deck" description="The outline below follows these choices; nothing is written until you export.">
        <DeckOptions today={today} />
        <Text size="xs" c={draftStatus === 'error' ? 'red' : 'dimmed'} role="status" data-testid="deck-draft-status" mih={18}>
          {draftStatus === 'saving'
            ? 'Saving your draft…'
            : draftStatus === 'saved'
              ? 'Draft saved: your choices and edits are kept for this account.'
              : draftStatus === 'error'
                ? `The draft could not be saved: ${draftError}`
                : ''}
        </Text>
        {carriedEdits && (
          <Alert color="blue" variant="light" p="xs" title={`Started from your ${formatQuarter(carriedEdits.fromQuarter)} edits`} data-testid="deck-carried-edits">
            {carriedEdits.notApplied.length === 0 ? (
              "Every edit still applies to this quarter's slides."
            ) : (
              <Stack gap={2}>
                <Text size="sm">
                  {carriedEdits.notApplied.length === 1 ? 'One edit no longer applies' : `${carriedEdits.notApplied.length} edits no longer apply`}, because this quarter's deck has no such slide:
                </Text>
                {carriedEdits.notApplied.map((item) => (
                  <Text key={`${item.kind}:${item.slideId}`} size="sm">
                    • {item.description}
                  </Text>
                ))}
              </Stack>
            )}
          </Alert>
        )}
        <Divider />
        <ExportDeckPanel />
      </SectionCard>

      {planStatus === 'error' && planError && (
        <Alert color="red" variant="light" title="The deck couldn't be planned" data-testid="deck-plan-error">
          {planError}
        </Alert>
      )}

      {!outline && planStatus !== 'error' && (
        <Center p="lg">
          <Loader aria-label="Planning the deck" />
        </Center>
      )}

      {outline && (
        <>
          <SectionCard title="Before you export" description="Proof the audience will ask for that the data cannot supply yet, and what the planner left out.">
            <PlanFindings outline={outline} />
          </SectionCard>
          <SectionCard
            title="Commitments this deck asks for"
            description="Accept, edit or drop each decision and next step. The Decisions and Next 90 days slides say exactly what you accept, and the accepted ones are kept on the account for next quarter's review."
          >
            <CommitmentsReview outline={outline} />
          </SectionCard>
          <SectionCard title="Slide outline" description="Each slide’s action title, why it is in the deck, its chart and speaker notes.">
            <SlideOutline />
          </SectionCard>
        </>
      )}

      <SectionCard title="Decks exported">
        <DeckHistory />
      </SectionCard>
    </Stack>
  );
}
