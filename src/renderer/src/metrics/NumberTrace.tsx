import { Code, Popover, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import type { KpiInput } from '../../../shared/metrics/kpi-value';
import { describeInput, describeMissingInput } from './metric-format';

export interface Trace {
  formula?: string;
  inputs: readonly KpiInput[];
  missingInputs?: readonly string[];
  note?: string;
}

interface NumberTraceProps {
  /** What the number is, for the button's accessible name: "How <label> was worked out". */
  label: string;
  trace: Trace;
  streamName(streamId: string): string | null;
  /** The number as shown; the button wraps it. */
  children: ReactNode;
}

/**
 * A number that opens its own trace: the formula and every input with its month, so any figure on
 * the screen can be checked against the data behind it. Keyboard: Tab to it, Enter to open, Esc to close.
 */
export function NumberTrace({ label, trace, streamName, children }: NumberTraceProps) {
  return (
    <Popover width={440} position="bottom-start" shadow="md" withArrow withinPortal>
      <Popover.Target>
        <UnstyledButton
          aria-label={`How ${label} was worked out`}
          style={{ borderBottom: '1px dotted var(--mantine-color-gray-5)', lineHeight: 1.35, width: 'fit-content' }}
          data-testid="number-trace"
        >
          {children}
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <TraceDetails label={label} trace={trace} streamName={streamName} />
      </Popover.Dropdown>
    </Popover>
  );
}

function TraceDetails({ label, trace, streamName }: Omit<NumberTraceProps, 'children'>) {
  const missing = trace.missingInputs ?? [];
  return (
    <Stack gap="xs" role="group" aria-label={`How ${label} was worked out`}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {trace.formula && (
        <Text size="xs">
          Formula: <Code style={{ whiteSpace: 'normal' }}>{trace.formula}</Code>
        </Text>
      )}
      {trace.inputs.length > 0 ? (
        <Table fz="xs" verticalSpacing={4} horizontalSpacing={6} withRowBorders aria-label="Inputs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Input</Table.Th>
              <Table.Th>Month or source</Table.Th>
              <Table.Th ta="right">Value</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trace.inputs.map((input, i) => {
              const line = describeInput(input, streamName);
              return (
                <Table.Tr key={i}>
                  <Table.Td>{line.what}</Table.Td>
                  <Table.Td>{line.when}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {line.value}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="xs" c="dimmed">
          No stored input was found for this number.
        </Text>
      )}
      {missing.length > 0 && (
        <Text size="xs" c="orange.9">
          Not available: missing {missing.map(describeMissingInput).join(', ')}.
        </Text>
      )}
      {trace.note && (
        <Text size="xs" c="dimmed">
          {trace.note}
        </Text>
      )}
    </Stack>
  );
}
