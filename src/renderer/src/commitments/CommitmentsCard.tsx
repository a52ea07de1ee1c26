import { Badge, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Commitment } from '../../../shared/api/schemas/commitment-schemas';
import { COMMITMENT_STATUSES, COMMITMENT_STATUS_LABEL, isOutstanding, type CommitmentStatus } from '../../../shared/commitments/commitment';
import { formatQuarter } from '../dates';
import { formatCalendarDate } from '../format';
import { SectionCard } from '../ui/SectionCard';
import { useCommitmentsStore } from './commitments-store';

const STATUS_OPTIONS = COMMITMENT_STATUSES.map((status) => ({ value: status, label: COMMITMENT_STATUS_LABEL[status] }));
/** Entries settled in the latest quarter are still shown, so the CSM sees what next quarter's deck will say. */
const SETTLED_SHOWN = 4;

/**
 * The account's commitments ledger on the overview: what is still owed (open or slipped), how much
 * is overdue, and the latest settled entries; each can be marked and given an outcome, which next
 * quarter's deck shows on its carry-over slide.
 */
export function CommitmentsCard({ accountId }: { accountId: string }) {
  const { commitments, status, error, load } = useCommitmentsStore();
  useEffect(() => {
    void load(accountId);
  }, [accountId, load]);
  const owed = commitments.filter(isOutstanding);
  const overdue = owed.filter((c) => c.overdue);
  const settled = commitments.filter((c) => !isOutstanding(c)).slice(0, SETTLED_SHOWN);
  return (
    <SectionCard
      title="Commitments"
      testId="overview-commitments"
      description={
        commitments.length === 0
          ? undefined
          : `${owed.length} open${overdue.length > 0 ? `, ${overdue.length} overdue` : ''}. Mark each one; next quarter's deck opens with what became of them.`
      }
    >
      {status === 'error' ? (
        <Text size="sm" c="red">
          {error}
        </Text>
      ) : commitments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {status === 'loading' ? 'Loading…' : 'No commitments yet. The decisions and next steps you accept when you export a deck are kept here.'}
        </Text>
      ) : (
        <Stack gap="sm">
          {[...owed, ...settled].map((commitment) => (
            <CommitmentRow key={commitment.id} commitment={commitment} />
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

function CommitmentRow({ commitment }: { commitment: Commitment }) {
  const { update, savingId, saveError } = useCommitmentsStore();
  const [note, setNote] = useState(commitment.outcomeNote);
  useEffect(() => setNote(commitment.outcomeNote), [commitment.outcomeNote]);
  const saving = savingId === commitment.id;
  const saveNote = () => {
    if (note.trim() !== commitment.outcomeNote) void update(commitment.id, { outcomeNote: note.trim() });
  };
  return (
    <Stack gap={4} data-testid="commitment-row">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={500}>
            {commitment.text}
          </Text>
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              {commitment.kind === 'decision' ? 'Decision' : 'Action'} · {commitment.ownerName || 'No owner named'} · due {formatCalendarDate(commitment.dueDate)} · raised {formatQuarter(commitment.quarterRaised)}
            </Text>
            {commitment.overdue && (
              <Badge color="orange" variant="light" size="sm" radius="sm">
                Overdue
              </Badge>
            )}
          </Group>
        </Stack>
        <Select
          aria-label={`Status of: ${commitment.text}`}
          data={STATUS_OPTIONS}
          value={commitment.status}
          onChange={(next) => next && next !== commitment.status && void update(commitment.id, { status: next as CommitmentStatus })}
          disabled={saving}
          allowDeselect={false}
          w={120}
          size="xs"
          comboboxProps={{ withinPortal: true }}
          data-testid="commitment-status"
        />
      </Group>
      <TextInput
        aria-label={`Outcome of: ${commitment.text}`}
        placeholder="Outcome, e.g. “Sent monthly since October”"
        size="xs"
        value={note}
        maxLength={2000}
        onChange={(event) => setNote(event.currentTarget.value)}
        onBlur={saveNote}
        onKeyDown={(event) => event.key === 'Enter' && saveNote()}
        disabled={saving}
        error={saveError?.id === commitment.id ? saveError.message : undefined}
        data-testid="commitment-outcome"
      />
    </Stack>
  );
}
