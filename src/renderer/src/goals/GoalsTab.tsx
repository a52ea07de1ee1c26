import { Alert, Badge, Button, Group, Progress, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Goal } from '../../../shared/api/schemas/goal-schemas';
import { todayIsoDate } from '../dates';
import { formatCalendarDate, formatNumber } from '../format';
import { notifyError } from '../notify';
import { useStreamsStore } from '../streams/streams-store';
import { EmptyState } from '../ui/EmptyState';
import { showUndoNotification } from '../ui/undo-notification';
import { goalStatus } from './goal-status';
import { goalNumbers } from '../../../shared/goals/goal-status';
import { formatKpiValue, formatMonth } from '../metrics/metric-format';
import { useGoalsStore } from './goals-store';

/** The success plan: each goal's baseline, target, current value, due date and status. */
export function GoalsTab() {
  const { goals, status, error } = useGoalsStore();
  const streams = useStreamsStore((state) => state.streams);
  const { openCreate, openEdit } = useGoalsStore.getState();
  const today = todayIsoDate();

  if (status === 'error') {
    return (
      <Alert color="red" variant="light" title="Couldn't load the goals">
        {error}
      </Alert>
    );
  }
  if (status === 'ready' && goals.length === 0) {
    return (
      <EmptyState title="No success-plan goals yet" testId="goals-empty" actions={<Button onClick={openCreate}>Add goal</Button>}>
        Agree two or three measurable goals with the buyer (a baseline, a target and a due date) and record them here. Leave a number
        empty until you know it.
      </EmptyState>
    );
  }
  const streamName = (id: string | null) => (id ? (streams.find((stream) => stream.id === id)?.name ?? 'Removed stream') : 'Whole account');
  // A KPI-linked goal's numbers come from the KPI engine and read as the KPI table shows them.
  const value = (goal: Goal, number: number | null) => (goal.kpi ? formatKpiValue(number, goal.kpi.unit) : formatNumber(number, goal.unit));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          A goal is met when the current value reaches the target; a target below the baseline means lower is better.
        </Text>
        <Button onClick={openCreate}>Add goal</Button>
      </Group>
      <Table withTableBorder verticalSpacing="sm" horizontalSpacing="md" aria-label="Success-plan goals">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Goal</Table.Th>
            <Table.Th>Baseline</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>Current</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {goals.map((goal) => {
            const numbers = goalNumbers(goal, goal.kpi);
            const state = goalStatus({ ...goal, ...numbers }, today);
            return (
              <Table.Tr key={goal.id} data-testid="goal-row">
                <Table.Td>
                  <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {goal.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {streamName(goal.streamId)}
                    {goal.kpi && ` · measured by ${goal.kpi.label.toLowerCase()}, baseline ${formatMonth(goal.kpi.baselineMonth)}, current ${formatMonth(goal.kpi.currentMonth)}`}
                  </Text>
                </Table.Td>
                <Table.Td c={numbers.baseline === null ? 'dimmed' : undefined}>{value(goal, numbers.baseline)}</Table.Td>
                <Table.Td c={goal.target === null ? 'dimmed' : undefined}>{value(goal, goal.target)}</Table.Td>
                <Table.Td c={numbers.current === null ? 'dimmed' : undefined} data-testid="goal-current">{value(goal, numbers.current)}</Table.Td>
                <Table.Td c={goal.dueDate === null ? 'dimmed' : undefined}>{formatCalendarDate(goal.dueDate)}</Table.Td>
                <Table.Td miw={140}>
                  <Stack gap={4}>
                    <Badge color={state.color} variant="light" radius="sm">
                      {state.label}
                    </Badge>
                    {state.progress !== null && state.key !== 'met' && (
                      <Progress value={state.progress * 100} size="sm" color={state.color} aria-label={`${Math.round(state.progress * 100)}% of the way from baseline to target`} />
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <Button variant="default" size="xs" onClick={() => openEdit(goal)} aria-label={`Edit ${goal.title}`}>
                      Edit
                    </Button>
                    <Button variant="subtle" color="red" size="xs" onClick={() => void removeWithUndo(goal)} aria-label={`Remove ${goal.title}`}>
                      Remove
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

async function removeWithUndo(goal: Goal): Promise<void> {
  try {
    const removed = await useGoalsStore.getState().remove(goal);
    showUndoNotification({
      id: `goal-removed-${removed.id}`,
      title: 'Goal removed',
      itemLabel: removed.title,
      undo: () => useGoalsStore.getState().restore(removed),
      restoredTitle: 'Goal restored',
      failedTitle: "Couldn't restore the goal",
    });
  } catch (error) {
    notifyError("Couldn't remove the goal", error);
  }
}
