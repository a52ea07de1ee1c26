import { Badge, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { believableProof } from '../../../shared/framework/believable-proof';
import type { ArchetypeKey } from '../../../shared/framework/keys';
import { archetype, archetypeModels, STAKEHOLDER_ARCHETYPES, type ArchetypeSide } from '../../../shared/framework/stakeholder-archetypes';
import { ARCHETYPE_SIDE_LABELS } from '../framework-labels';
import { REVENUE_MODEL_LABELS } from '../labels';

const SIDE_ORDER: ArchetypeSide[] = ['buyer', 'end_user', 'third_party', 'internal'];

/** Archetypes grouped by which side of the contract they sit on; each option names the models it appears in. */
const ARCHETYPE_GROUPS = SIDE_ORDER.map((side) => ({
  group: ARCHETYPE_SIDE_LABELS[side],
  items: STAKEHOLDER_ARCHETYPES.filter((person) => person.side === side).map((person) => ({ value: person.key, label: person.name })),
})).filter((group) => group.items.length > 0);

function modelsOf(key: ArchetypeKey): string {
  return archetypeModels(key)
    .map((model) => REVENUE_MODEL_LABELS[model])
    .join(' · ');
}

interface ArchetypeSelectProps {
  value: ArchetypeKey | '';
  onChange(value: ArchetypeKey | ''): void;
  error?: string;
}

/** Choose the framework role a real person plays; shows what that role believes as proof. */
export function ArchetypeSelect({ value, onChange, error }: ArchetypeSelectProps) {
  return (
    <Stack gap="xs">
      <Select
        label="Role in the framework"
        description="The stakeholder archetype this person fills"
        required
        searchable
        placeholder="Search roles, e.g. CFO, practice manager"
        data={ARCHETYPE_GROUPS}
        value={value || null}
        onChange={(next) => onChange((next ?? '') as ArchetypeKey | '')}
        error={error}
        allowDeselect={false}
        maxDropdownHeight={320}
        comboboxProps={{ withinPortal: true }}
        renderOption={({ option }) => (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed">
              {modelsOf(option.value as ArchetypeKey)}
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
