import { Alert, Badge, Blockquote, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { Stakeholder } from '../../../shared/api/schemas/stakeholder-schemas';
import { archetype, type ArchetypeSide } from '../../../shared/framework/stakeholder-archetypes';
import { relativeDays, todayIsoDate } from '../dates';
import { formatCalendarDate } from '../format';
import { ARCHETYPE_LABELS, ARCHETYPE_SIDE_LABELS } from '../framework-labels';
import { useAccountStore } from '../account/account-store';
import { useAssessmentsStore } from '../assessments/assessments-store';
import { EmptyState } from '../ui/EmptyState';
import { deleteStakeholderWithUndo } from './delete-stakeholder-with-undo';
import { engagementStatus, flagText, keyRoles, NOT_ENGAGED_DAYS } from './engagement-flag';
import { useStakeholdersStore } from './stakeholders-store';
import { rolesCalledForAssessment } from './suggested-roles';

const SIDE_ORDER: ArchetypeSide[] = ['buyer', 'end_user', 'third_party', 'internal'];

/** The stakeholder map: real people by side of the contract, with engagement flags on the people who decide. */
export function StakeholdersTab() {
  const { stakeholders, status, error } = useStakeholdersStore();
  const latestFinal = useAssessmentsStore((state) => state.latestFinal);
  const account = useAccountStore((state) => state.account);
  const { openCreate } = useStakeholdersStore.getState();
  const today = todayIsoDate();

  const flagged = stakeholders.filter((person) => engagementStatus(person, today).flagged);
  // The roles the last saved assessment's streams, environments, segment and buyer call for (the rule the stakeholder form suggests from).
  const missingRoles = useMemo(() => {
    const mapped = new Set(stakeholders.map((person) => person.archetype));
    const saved = latestFinal?.result?.assessment;
    return (saved ? rolesCalledForAssessment(saved, account) : []).map((called) => called.archetype).filter((key) => !mapped.has(key));
  }, [stakeholders, latestFinal, account]);

  if (status === 'error') {
    return (
      <Alert color="red" variant="light" title="Couldn't load the stakeholders">
        {error}
      </Alert>
    );
  }
  if (status === 'ready' && stakeholders.length === 0) {
    return (
      <EmptyState title="No stakeholders mapped yet" testId="stakeholders-empty" actions={<Button onClick={openCreate}>Add stakeholder</Button>}>
        Add the real people on this account and map each to a framework role, so every QBR shows each of them the proof they believe.
        {missingRoles.length > 0 && ` The last assessment calls for: ${missingRoles.map((key) => ARCHETYPE_LABELS[key]).join('; ')}.`}
      </EmptyState>
    );
  }

  const bySide = SIDE_ORDER.map((side) => ({ side, people: stakeholders.filter((person) => archetype(person.archetype).side === side) })).filter((group) => group.people.length > 0);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          Executive sponsors and budget holders are flagged when nobody has engaged them in {NOT_ENGAGED_DAYS} days or more.
        </Text>
        <Button onClick={openCreate}>Add stakeholder</Button>
      </Group>
      {flagged.length > 0 && (
        <Alert color="orange" variant="light" title={flagged.length === 1 ? 'A decision-maker has gone quiet' : `${flagged.length} decision-makers have gone quiet`} data-testid="stakeholders-flag-summary">
          {flagged.map((person) => `${person.personName} (${keyRoles(person).toLowerCase()}): ${flagText(engagementStatus(person, today)).toLowerCase()}`).join('; ')}.
          Book time with them before the next review; a budget holder who doesn't see the value won't protect the contract.
        </Alert>
      )}
      {missingRoles.length > 0 && (
        <Text size="sm" c="dimmed" data-testid="stakeholders-missing-roles">
          The last assessment calls for roles nobody fills yet: {missingRoles.map((key) => ARCHETYPE_LABELS[key]).join('; ')}.
        </Text>
      )}
      {bySide.map(({ side, people }) => (
        <Stack key={side} gap="sm" component="section" aria-label={ARCHETYPE_SIDE_LABELS[side]}>
          <Title order={3} size="h5">
            {ARCHETYPE_SIDE_LABELS[side]}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {people.map((person) => (
              <StakeholderCard key={person.id} person={person} today={today} />
            ))}
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}

function StakeholderCard({ person, today }: { person: Stakeholder; today: string }) {
  const status = engagementStatus(person, today);
  const { openEdit } = useStakeholdersStore.getState();
  return (
    <Paper withBorder p="md" component="article" aria-label={person.personName} data-testid="stakeholder-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {person.personName}
            </Text>
            <Text size="sm" c="dimmed">
              {person.title || 'No title recorded'}
            </Text>
          </Stack>
          <Group gap={4} wrap="nowrap">
            <Button variant="default" size="xs" onClick={() => openEdit(person)} aria-label={`Edit ${person.personName}`}>
              Edit
            </Button>
            <Button variant="subtle" color="red" size="xs" onClick={() => void deleteStakeholderWithUndo(person)} aria-label={`Remove ${person.personName}`}>
              Remove
            </Button>
          </Group>
        </Group>
        <Group gap={6}>
          <Badge variant="light" radius="sm">
            {ARCHETYPE_LABELS[person.archetype]}
          </Badge>
          {person.isExecutiveSponsor && (
            <Badge variant="outline" radius="sm" color="indigo">
              Executive sponsor
            </Badge>
          )}
          {person.isBudgetHolder && (
            <Badge variant="outline" radius="sm" color="indigo">
              Budget holder
            </Badge>
          )}
          {status.flagged && (
            <Badge color="orange" radius="sm" data-testid="engagement-flag">
              {flagText(status)}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          <Text span c="dimmed" inherit>
            Last engaged:{' '}
          </Text>
          {person.lastEngagedOn ? `${formatCalendarDate(person.lastEngagedOn)} (${relativeDays(-(status.daysSince ?? 0))})` : 'Not recorded'}
          <Text span c="dimmed" inherit>
            {' · '}Prefers:{' '}
          </Text>
          {person.communicationPreference || 'Not recorded'}
        </Text>
        {person.successDefinition ? (
          <Blockquote p="xs" pl="sm" color="gray" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
            {person.successDefinition}
          </Blockquote>
        ) : (
          <Text size="sm" c="dimmed">
            Ask them what success looks like and record it in their words.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
