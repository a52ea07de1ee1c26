import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  /** What the user can do next, in a sentence or two. */
  children: ReactNode;
  /** Buttons for the next step. */
  actions?: ReactNode;
  testId?: string;
  /** Compact variant for use inside a section rather than filling a tab. */
  compact?: boolean;
}

/** A place with nothing in it yet, saying what to do next. */
export function EmptyState({ title, children, actions, testId, compact = false }: EmptyStateProps) {
  return (
    <Paper withBorder data-testid={testId} bg={compact ? 'var(--mantine-color-gray-0)' : undefined}>
      <Center py={compact ? 'lg' : 56} px="xl">
        <Stack align="center" gap="sm" maw={520}>
          <Title order={3} size={compact ? 'h5' : 'h4'} ta="center">
            {title}
          </Title>
          <Text c="dimmed" ta="center" size="sm">
            {children}
          </Text>
          {actions}
        </Stack>
      </Center>
    </Paper>
  );
}
