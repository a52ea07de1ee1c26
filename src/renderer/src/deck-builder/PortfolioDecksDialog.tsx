import { Alert, Badge, Button, Checkbox, Group, Modal, MultiSelect, Progress, Radio, ScrollArea, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import type { PortfolioExportProgress } from '../../../shared/api/schemas/deck-schemas';
import type { DeckType } from '../../../shared/deck-plan/deck-plan-types';
import type { ArchetypeKey } from '../../../shared/framework/keys';
import { formatQuarter, todayIsoDate } from '../dates';
import { countOf } from '../format';
import { audienceOptions, MAX_AUDIENCE } from './audience-options';
import { fileNameOf } from './deck-file-path';
import { deckQuarterChoices } from './deck-quarters';
import { DECK_TYPE_OPTIONS } from './deck-type-labels';
import { usePortfolioDecksStore, type PortfolioAudienceMode } from './portfolio-decks-store';

const STATE_TITLES: Record<PortfolioExportProgress['state'], string> = {
  running: 'Writing decks…',
  done: 'Finished',
  cancelled: 'Cancelled',
  failed: 'Stopped by an error',
};

/** The batch dialog: choices, then progress per account, then the summary of written and failed decks. */
export function PortfolioDecksDialog() {
  const { opened, progress, close } = usePortfolioDecksStore();
  return (
    <Modal opened={opened} onClose={close} title="Decks for the whole portfolio" size="xl" centered>
      {progress ? <PortfolioDecksProgress progress={progress} /> : <PortfolioDecksForm />}
    </Modal>
  );
}

function PortfolioDecksForm() {
  const { audienceMode, audience, deckType, quarter, outDir, overwrite, starting, error, missingFolder, set, start, close } = usePortfolioDecksStore();
  const quarters = deckQuarterChoices(todayIsoDate()).map((q) => ({ value: q, label: formatQuarter(q) }));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Writes one deck per account into a folder, each calibrated for its own stakeholders unless you choose the roles. Accounts that cannot
          have a deck yet are listed with the reason at the end.
        </Text>
        <Radio.Group label="Audience" value={audienceMode} onChange={(next) => set({ audienceMode: next as PortfolioAudienceMode })}>
          <Stack gap={6} mt={6}>
            <Radio value="auto" label="Each account’s mapped stakeholders" description="Budget holder first for a QBR, executive sponsor first for an EBR" />
            <Radio value="chosen" label="The same roles for every account" />
          </Stack>
        </Radio.Group>
        {audienceMode === 'chosen' && (
          <MultiSelect
            label="Roles in the room"
            data={audienceOptions([])}
            value={audience}
            onChange={(next) => set({ audience: next as ArchetypeKey[] })}
            maxValues={MAX_AUDIENCE}
            searchable
            hidePickedOptions
            placeholder="Choose roles"
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <SimpleGrid cols={2} spacing="md">
          <Radio.Group label="Deck type" value={deckType} onChange={(next) => set({ deckType: next as DeckType })}>
            <Stack gap={6} mt={6}>
              {DECK_TYPE_OPTIONS.map((option) => (
                <Radio key={option.value} value={option.value} label={option.label} description={option.description} />
              ))}
            </Stack>
          </Radio.Group>
          <Select label="Quarter" data={quarters} value={quarter} onChange={(next) => next && set({ quarter: next })} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
        </SimpleGrid>
        <TextInput
          label="Output folder"
          description="Full path of an existing folder; each deck is named after its account, quarter and deck type"
          value={outDir}
          onChange={(event) => set({ outDir: event.currentTarget.value })}
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        />
        <Checkbox
          label="Replace decks already in the folder"
          description="Otherwise an account whose deck file exists is skipped and listed as failed"
          checked={overwrite}
          onChange={(event) => set({ overwrite: event.currentTarget.checked })}
        />
        {error && (
          <Alert color={missingFolder ? 'yellow' : 'red'} variant="light" title={missingFolder ? 'That folder does not exist yet' : "The decks couldn't be started"} role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {error}
              </Text>
              {missingFolder && (
                <Button size="xs" onClick={() => void start(true)} loading={starting}>
                  Create the folder and start
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={starting}>
            Write decks
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PortfolioDecksProgress({ progress }: { progress: PortfolioExportProgress }) {
  const { accounts, outDir, cancelling, cancel, close, again } = usePortfolioDecksStore();
  const running = progress.state === 'running';
  const written = new Map(progress.written.map((w) => [w.accountId, w]));
  const failed = new Map(progress.failed.map((f) => [f.accountId, f]));
  const firstPending = accounts.find((a) => !written.has(a.id) && !failed.has(a.id));
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 100;

  return (
    <Stack gap="md" data-testid="portfolio-decks-progress" data-state={progress.state}>
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600} aria-live="polite">
            {STATE_TITLES[progress.state]}
          </Text>
          <Text size="sm" c="dimmed">
            {progress.done} of {countOf(progress.total, 'account')}
          </Text>
        </Group>
        <Progress value={percent} animated={running} aria-label="Decks written" size="lg" radius="sm" />
      </Stack>

      {!running && (
        <Alert color={progress.failed.length > 0 || progress.state !== 'done' ? 'yellow' : 'teal'} variant="light" data-testid="portfolio-decks-summary">
          {countOf(progress.written.length, 'deck')} written{progress.written.length > 0 ? ` to ${outDir.trim()}` : ''}
          {progress.failed.length > 0 ? `, ${progress.failed.length} failed` : ''}
          {progress.state === 'cancelled' ? `; cancelled before ${countOf(progress.total - progress.done, 'account')}` : ''}.
          {progress.error ? ` ${progress.error}` : ''}
        </Alert>
      )}

      <ScrollArea.Autosize mah={360}>
        <Table verticalSpacing={6} aria-label="Deck per account">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Account</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.map((account) => {
              const ok = written.get(account.id);
              const bad = failed.get(account.id);
              return (
                <Table.Tr key={account.id} data-testid="portfolio-deck-row" data-status={ok ? 'written' : bad ? 'failed' : 'pending'}>
                  <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{account.name}</Table.Td>
                  <Table.Td>
                    {ok ? (
                      <Group gap={6} wrap="nowrap">
                        <Badge size="sm" color="teal" variant="light" radius="sm" style={{ flexShrink: 0 }}>
                          Written
                        </Badge>
                        <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                          {fileNameOf(ok.filePath)}
                        </Text>
                        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {countOf(ok.slideCount, 'slide')}
                        </Text>
                      </Group>
                    ) : bad ? (
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        <Badge size="sm" color="red" variant="light" radius="sm" style={{ flexShrink: 0 }}>
                          Failed
                        </Badge>
                        <Text size="xs">{bad.reason}</Text>
                      </Group>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {running ? (account === firstPending ? 'Writing…' : 'Waiting') : 'Not written'}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>

      <Group justify="flex-end" gap="sm">
        {running ? (
          <>
            <Button variant="default" onClick={close}>
              Keep running in the background
            </Button>
            <Button color="red" variant="light" onClick={() => void cancel()} loading={cancelling}>
              Cancel
            </Button>
          </>
        ) : (
          <>
            <Button variant="default" onClick={again}>
              Write another set
            </Button>
            <Button onClick={close}>Done</Button>
          </>
        )}
      </Group>
    </Stack>
  );
}
