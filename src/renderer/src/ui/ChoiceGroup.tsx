import { Group, Paper, Radio, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Choice<V extends string> {
  value: V;
  label: string;
  description?: ReactNode;
}

interface ChoiceGroupProps<V extends string> {
  label: ReactNode;
  description?: ReactNode;
  value: V | null;
  onChange(value: V): void;
  choices: readonly Choice<V>[];
  /** Lay the choices out side by side (short labels) instead of as a list of cards. */
  inline?: boolean;
  /** Cards per row (1 = a list). */
  columns?: 1 | 2;
  /** Marks a choice with a small tag, e.g. the framework's suggestion. */
  tagFor?: (value: V) => ReactNode;
  testId?: string;
}

/**
 * A labelled radio group (role="radiogroup"): arrow keys move between choices, the label names the
 * group for screen readers, and each choice can carry a one-line explanation.
 */
export function ChoiceGroup<V extends string>({ label, description, value, onChange, choices, inline = false, columns = 1, tagFor, testId }: ChoiceGroupProps<V>) {
  return (
    <Radio.Group
      label={label}
      description={description}
      value={value ?? ''}
      onChange={(next) => onChange(next as V)}
      data-testid={testId}
      styles={{ label: { fontWeight: 600 }, description: { marginBottom: 8 } }}
    >
      {inline ? (
        <Group gap="lg" mt={4}>
          {choices.map((choice) => (
            <Radio key={choice.value} value={choice.value} label={choice.label} />
          ))}
        </Group>
      ) : (
        <SimpleGrid cols={columns} spacing={8} verticalSpacing={8} mt={4}>
          {choices.map((choice) => {
            const selected = value === choice.value;
            return (
              <Paper
                key={choice.value}
                withBorder
                px="md"
                py="sm"
                style={{
                  borderColor: selected ? 'var(--mantine-primary-color-filled)' : undefined,
                  background: selected ? 'var(--mantine-primary-color-light)' : undefined,
                }}
              >
                <Radio
                  value={choice.value}
                  label={
                    <Group gap="xs" style={{ rowGap: 4 }}>
                      <span>{choice.label}</span>
                      {tagFor?.(choice.value)}
                    </Group>
                  }
                  description={choice.description}
                  styles={{ label: { fontWeight: 500 }, body: { alignItems: 'flex-start' } }}
                />
              </Paper>
            );
          })}
        </SimpleGrid>
      )}
    </Radio.Group>
  );
}

/** Text for a radio's description; kept small and dimmed. */
export function ChoiceHint({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed" component="span">
      {children}
    </Text>
  );
}
