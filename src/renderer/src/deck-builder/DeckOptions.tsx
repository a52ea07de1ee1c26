import { Alert, Group, MultiSelect, Radio, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { DeckType } from '../../../shared/deck-plan/deck-plan-types';
import type { ArchetypeKey } from '../../../shared/framework/keys';
import { formatQuarter } from '../dates';
import { audienceOptions, MAX_AUDIENCE } from './audience-options';
import { useDeckBuilderStore } from './deck-builder-store';
import { deckQuarterChoices } from './deck-quarters';
import { DECK_TYPE_OPTIONS } from './deck-type-labels';

/** Quarter, deck type and who is in the room: the choices the outline is planned for. */
export function DeckOptions({ today }: { today: string }) {
  const { quarter, deckType, audience, stakeholders, setQuarter, setDeckType, setAudience } = useDeckBuilderStore();
  const quarters = deckQuarterChoices(today).map((q) => ({ value: q, label: formatQuarter(q) }));
  if (quarter && !quarters.some((q) => q.value === quarter)) quarters.push({ value: quarter, label: formatQuarter(quarter) });

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Select
          label="Quarter"
          description="The quarter the deck reviews"
          data={quarters}
          value={quarter}
          onChange={(next) => next && setQuarter(next)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Radio.Group
          label="Deck type"
          description="Decides who the deck leads with"
          value={deckType}
          onChange={(next) => setDeckType(next as DeckType)}
        >
          <Group gap="lg" mt={8} wrap="nowrap">
            {DECK_TYPE_OPTIONS.map((option) => (
              <Radio key={option.value} value={option.value} label={option.label} description={option.description} />
            ))}
          </Group>
        </Radio.Group>
      </SimpleGrid>
      <MultiSelect
        label="Audience"
        description={`Who will be in the room (up to ${MAX_AUDIENCE}); the deck leads with the proof each of them believes`}
        placeholder={audience.length === 0 ? 'Choose people or roles' : undefined}
        data={audienceOptions(stakeholders)}
        value={audience}
        onChange={(next) => setAudience(next as ArchetypeKey[])}
        maxValues={MAX_AUDIENCE}
        searchable
        hidePickedOptions
        maxDropdownHeight={320}
        comboboxProps={{ withinPortal: true }}
        error={audience.length === 0 ? 'Choose at least one person in the room' : undefined}
      />
      {stakeholders.length === 0 && (
        <Alert color="yellow" variant="light" title="No stakeholders are mapped for this account" data-testid="deck-no-stakeholders">
          <Text size="sm">
            Choose the roles who will be in the room; the slides then speak to the role rather than a named person. Mapping the people in the
            Stakeholders tab puts their names on the slides.
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
