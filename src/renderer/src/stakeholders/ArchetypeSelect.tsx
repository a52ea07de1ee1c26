import { Badge, Group, Paper, Select, Stack, Text, type ComboboxItem, type ComboboxItemGroup, type OptionsFilter } from '@mantine/core';
import { useMemo } from 'react';
import { believableProof } from '../../../shared/framework/believable-proof';
import type { ArchetypeKey } from '../../../shared/framework/keys';
import { archetype, STAKEHOLDER_ARCHETYPES, type ArchetypeSide } from '../../../shared/framework/stakeholder-archetypes';
import type { CalledForArchetype } from '../../../shared/framework/value-map';
import { ARCHETYPE_SIDE_LABELS } from '../framework-labels';
import { roleMatches, typicalTitlesLine } from './role-search';

const SIDE_ORDER: ArchetypeSide[] = ['buyer', 'end_user', 'third_party', 'internal'];

/**
 * The roles grouped for the picker: the ones this account's contract calls for first, then the rest
 * by which side of the contract they sit on.
 */
function archetypeGroups(suggested: readonly CalledForArchetype[]): ComboboxItemGroup<ComboboxItem>[] {
  const suggestedKeys = new Set(suggested.map((entry) => entry.archetype));
  const option = (key: ArchetypeKey) => ({ value: key, label: archetype(key).name });
  const bySide = SIDE_ORDER.map((side) => ({
    group: ARCHETYPE_SIDE_LABELS[side],
    items: STAKEHOLDER_ARCHETYPES.filter((person) => person.side === side && !suggestedKeys.has(person.key)).map((person) => option(person.key)),
  }));
  return [{ group: 'Suggested for this account', items: suggested.map((entry) => option(entry.archetype)) }, ...bySide].filter((group) => group.items.length > 0);
}

/** Finds roles by name, typical job title or its initials ("CMO", "Chief Medical", "practice manager"). */
const filterRoles: OptionsFilter = ({ options, search }) =>
  options
    .map((entry) => ('group' in entry ? { ...entry, items: entry.items.filter((item) => roleMatches(item.value as ArchetypeKey, search)) } : entry))
    .filter((entry) => ('group' in entry ? entry.items.length > 0 : roleMatches(entry.value as ArchetypeKey, search)));

interface ArchetypeSelectProps {
  value: ArchetypeKey | '';
  onChange(value: ArchetypeKey | ''): void;
  /** Roles the account's saved assessment (or, before one, its streams) calls for; listed first. */
  suggested: readonly CalledForArchetype[];
  error?: string;
}

/** Choose the framework role a real person plays; shows what that role believes as proof. */
export function ArchetypeSelect({ value, onChange, suggested, error }: ArchetypeSelectProps) {
  const data = useMemo(() => archetypeGroups(suggested), [suggested]);
  return (
    <Stack gap="xs">
      <Select
        label="Role in the framework"
        description="The stakeholder archetype this person fills; search by job title too"
        required
        searchable
        placeholder="Search roles or titles, e.g. CMO, practice manager"
        data={data}
        filter={filterRoles}
        value={value || null}
        onChange={(next) => onChange((next ?? '') as ArchetypeKey | '')}
        error={error}
        allowDeselect={false}
        maxDropdownHeight={320}
        comboboxProps={{ withinPortal: true }}
        nothingFoundMessage="No role or job title matches"
        renderOption={({ option }) => (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed">
              {typicalTitlesLine(option.value as ArchetypeKey)}
            </Text>
          </Stack>
        )}
      />
      {value && <BelievesHint archetypeKey={value} />}
    </Stack>
  );
}

/** What a role finds convincing, strongest first, so the CSM knows what proof to bring them. */
export function BelievesHint({ archetypeKey }: { archetypeKey: ArchetypeKey }) {
  const person = archetype(archetypeKey);
  return (
    <Paper bg="var(--mantine-color-gray-0)" p="sm" radius="md" data-testid="archetype-believes">
      <Stack gap={6}>
        <Group gap={6}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
            Believes
          </Text>
          {person.believableProof.map((kind) => (
            <Badge key={kind} size="sm" variant="light" color="grape" radius="sm">
              {believableProof(kind).label}
            </Badge>
          ))}
        </Group>
        <Text size="xs">{person.proofNote}</Text>
      </Stack>
    </Paper>
  );
}
